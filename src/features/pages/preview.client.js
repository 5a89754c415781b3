// The editor's live preview, a progressive enhancement (the Preview button works without it):
// as staff type, the body is posted (with the form token) to /staff/pages/preview, debounced,
// and the sanitized HTML the server returns replaces the preview. Served from /assets
// (the CSP allows scripts from the Hub only).
;(() => {
  const text = document.getElementById('bodyMarkdown')
  const out = document.getElementById('preview-output')
  if (!text || !out || !text.form) return
  const token = text.form.querySelector('input[name="_csrf"]')
  let timer
  let asked = 0
  const show = async () => {
    const mine = ++asked
    const form = new URLSearchParams({ _csrf: token ? token.value : '', bodyMarkdown: text.value })
    try {
      const res = await fetch(out.dataset.previewUrl, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form,
        credentials: 'same-origin',
      })
      if (!res.ok || mine !== asked) return
      const answer = await res.json()
      // The server's renderMarkdown output: already sanitized by its one allow-list.
      out.innerHTML = answer.html
      const warning = document.getElementById('preview-links')
      if (warning) warning.remove()
      if (answer.brokenLinks.length > 0) {
        const p = document.createElement('p')
        p.id = 'preview-links'
        p.className = 'flash warning'
        p.textContent = `Links that lead nowhere on the Hub: ${answer.brokenLinks.join(', ')}`
        out.prepend(p)
      }
    } catch {}
  }
  text.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(show, 400)
  })
  if (!out.querySelector('.page-preview-html')) show()
})()
