// The keyboard flow of the attendance review form. Without this script the form posts as usual.
// With it: Enter in a participant's fieldset keeps its choice, marks it reviewed and moves the
// focus to the next participant (the last one moves to the save button); typing under "Someone
// else" chooses that option.
;(() => {
  const enhance = () => {
    const form = document.querySelector('form[data-review-keys]')
    if (!form) return
    const items = [...form.querySelectorAll('fieldset.review-item')]
    const button = form.querySelector('button[type="submit"]')
    const focusItem = (index) => {
      const item = items[index]
      if (!item) {
        button?.focus()
        return
      }
      const target = item.querySelector('input[type="radio"]:checked') ?? item.querySelector('input')
      target?.focus()
      item.scrollIntoView({ block: 'nearest' })
    }
    const listed = (input) => {
      const value = input.value.trim()
      if (value === '') return true
      return [...(input.list?.options ?? [])].some((o) => o.value === value)
    }
    form.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return
      const field = event.target
      const item = field.closest?.('fieldset.review-item')
      if (!item || field.tagName !== 'INPUT') return
      // In the search box, Enter first picks from the list: move on only once the name is a listed one.
      if (field.type === 'text' && !listed(field)) return
      event.preventDefault()
      item.closest('li')?.setAttribute('data-reviewed', '')
      focusItem(items.indexOf(item) + 1)
    })
    form.addEventListener('input', (event) => {
      const field = event.target
      if (!field.matches?.('input.review-other')) return
      const other = field.closest('li')?.querySelector('input[type="radio"][value="other"]')
      if (other && field.value.trim() !== '') other.checked = true
    })
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', enhance)
  else enhance()
})()
