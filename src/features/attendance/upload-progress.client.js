// Progress for the attendance report upload form. Without this script the form posts as
// usual; with it, the file goes up by XMLHttpRequest so that a <progress> bar can show how
// much is sent, then "Reading the report…" while the Hub parses it. A redirect is followed;
// a refusal replaces the page, as the plain form would have shown it.
;(() => {
  const enhance = () => {
    const form = document.querySelector('form[data-upload-progress]')
    if (!form || !('XMLHttpRequest' in window) || !('FormData' in window)) return
    const input = form.querySelector('input[type="file"]')
    const box = form.querySelector('[data-progress-box]')
    const bar = box?.querySelector('progress')
    const status = form.querySelector('[data-progress-status]')
    const button = form.querySelector('button[type="submit"]')
    if (!input || !box || !bar || !status || !button) return

    const say = (text) => {
      status.textContent = text
    }
    const reset = (message) => {
      box.hidden = true
      button.disabled = false
      form.removeAttribute('aria-busy')
      say(message)
    }

    form.addEventListener('submit', (event) => {
      // No file, or one over the limit: the plain post gets the server's own answer at once.
      const file = input.files?.[0]
      const limit = Number(form.dataset.maxBytes)
      if (!file || (Number.isFinite(limit) && file.size > limit)) return
      event.preventDefault()
      const data = new FormData(form)
      const xhr = new XMLHttpRequest()
      xhr.open('POST', form.action)
      // The form token in a header lets the server refuse an oversized body while it arrives.
      const token = data.get('_csrf')
      if (typeof token === 'string') xhr.setRequestHeader('X-CSRF-Token', token)
      xhr.upload.addEventListener('progress', (e) => {
        if (!e.lengthComputable) return
        const percent = Math.floor((e.loaded / e.total) * 100)
        bar.value = percent
        bar.textContent = `${percent}%`
        say(`Uploading… ${percent}%`)
      })
      xhr.upload.addEventListener('load', () => {
        bar.removeAttribute('value')
        bar.textContent = ''
        say('Reading the report…')
      })
      xhr.addEventListener('load', () => {
        if (xhr.status < 400 && xhr.responseURL && xhr.responseURL !== form.action) {
          window.location.assign(xhr.responseURL)
          return
        }
        const type = xhr.getResponseHeader('Content-Type') ?? ''
        if (!type.startsWith('text/html')) {
          reset(`The upload failed (status ${xhr.status}). Try again, or reload the page.`)
          return
        }
        const page = new DOMParser().parseFromString(xhr.responseText, 'text/html')
        document.title = page.title
        document.body.replaceWith(document.adoptNode(page.body))
        enhance()
        // The summary of what went wrong, else the field, else the page's heading.
        const problem = ['.flash.error', '[aria-invalid="true"]', 'h1']
          .map((selector) => document.querySelector(selector))
          .find((element) => element instanceof HTMLElement)
        if (problem instanceof HTMLElement) {
          if (!problem.hasAttribute('tabindex')) problem.setAttribute('tabindex', '-1')
          problem.focus()
        }
      })
      xhr.addEventListener('error', () => {
        reset('The upload did not reach the Hub. Check the connection and try again.')
      })
      box.hidden = false
      bar.value = 0
      button.disabled = true
      form.setAttribute('aria-busy', 'true')
      say('Uploading… 0%')
      xhr.send(data)
    })
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', enhance)
  else enhance()
})()
