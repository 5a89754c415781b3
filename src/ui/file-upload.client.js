// The upload of a large file (a WordPress export, a Grants.gov extract): sent as the file itself
// (never a form: the Hub streams it to disk as it arrives), with the form token in a header. Shows
// how much is sent, then the form's data-upload-reading text. With data-upload-progress="lines"
// the Hub answers one JSON line per step (records read so far), the last saying where to go or
// why the file was refused. A redirect (a preview) is followed; any other answer (a refusal
// page) replaces the page.
;(() => {
  const enhance = () => {
    const form = document.querySelector('form[data-file-upload]')
    if (!form || !('XMLHttpRequest' in window)) return
    const input = form.querySelector('input[type="file"]')
    const box = form.querySelector('[data-progress-box]')
    const bar = box?.querySelector('progress')
    const status = form.querySelector('[data-progress-status]')
    const button = form.querySelector('button[type="submit"]')
    const token = form.querySelector('input[name="_csrf"]')?.value
    if (!input || !box || !bar || !status || !button || !token) return
    const say = (text) => {
      status.textContent = text
    }
    const megabytes = (bytes) => (bytes / (1024 * 1024)).toFixed(1)
    const lines = (xhr) =>
      xhr.responseText
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => {
          try {
            return JSON.parse(line)
          } catch {
            return null
          }
        })
        .filter(Boolean)
    const showProblem = (text) => {
      // What an earlier upload said (its counts, its refusal) no longer applies.
      for (const earlier of document.querySelectorAll('main .flash')) earlier.remove()
      const problem = document.createElement('div')
      problem.className = 'flash error'
      problem.setAttribute('role', 'alert')
      problem.setAttribute('tabindex', '-1')
      problem.textContent = text
      form.before(problem)
      problem.focus()
    }
    form.addEventListener('submit', (event) => {
      const file = input.files?.[0]
      if (!file) return
      event.preventDefault()
      const xhr = new XMLHttpRequest()
      xhr.open('POST', form.action)
      xhr.setRequestHeader('X-CSRF-Token', token)
      xhr.setRequestHeader('Content-Type', /\.zip$/i.test(file.name) ? 'application/zip' : 'application/xml')
      xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name))
      if (form.dataset.uploadProgress === 'lines') xhr.setRequestHeader('X-Progress', 'lines')
      xhr.upload.addEventListener('progress', (e) => {
        if (!e.lengthComputable) return
        const percent = Math.floor((e.loaded / e.total) * 100)
        bar.value = percent
        say(`Uploading… ${percent}% (${megabytes(e.loaded)} of ${megabytes(e.total)} MB)`)
      })
      xhr.upload.addEventListener('load', () => {
        bar.removeAttribute('value')
        say(form.dataset.uploadReading ?? 'Reading the file…')
      })
      xhr.addEventListener('progress', () => {
        const read = lines(xhr).at(-1)
        if (read && typeof read.records === 'number')
          say(`Importing… ${read.records.toLocaleString()} records read (${megabytes(read.bytes)} MB)`)
      })
      xhr.addEventListener('load', () => {
        const isLines = /^text\/plain/.test(xhr.getResponseHeader('Content-Type') ?? '')
        const last = isLines ? lines(xhr).at(-1) : null
        if (last?.location) {
          window.location.assign(last.location)
          return
        }
        if (!isLines && xhr.status < 400 && xhr.responseURL && xhr.responseURL !== form.action) {
          window.location.assign(xhr.responseURL)
          return
        }
        if (last?.problem) {
          box.hidden = true
          button.disabled = false
          say('')
          showProblem(last.problem)
          return
        }
        const page = new DOMParser().parseFromString(xhr.responseText, 'text/html')
        document.title = page.title
        document.body.replaceWith(document.adoptNode(page.body))
        enhance()
        const problem = document.querySelector('.flash.error') ?? document.querySelector('h1')
        if (problem instanceof HTMLElement) {
          problem.setAttribute('tabindex', '-1')
          problem.focus()
        }
      })
      xhr.addEventListener('error', () => {
        box.hidden = true
        button.disabled = false
        say('The upload did not reach the Hub. Check the connection and try again.')
      })
      box.hidden = false
      bar.value = 0
      button.disabled = true
      say('Uploading… 0%')
      xhr.send(file)
    })
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', enhance)
  else enhance()
})()
