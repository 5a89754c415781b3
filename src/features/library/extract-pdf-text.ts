/**
 * The text of a PDF, for search (decision 015): read with pdfjs-dist's legacy build, bounded in
 * pages, characters and time. A file it cannot read gives no text, never an error: the upload
 * is kept and its page says the text could not be read.
 */

export const pdfTextLimits = { pages: 50, characters: 200_000, milliseconds: 10_000 } as const

export type PdfText = { ok: true; text: string } | { ok: false; reason: string }

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
type LoadingTask = ReturnType<PdfJs['getDocument']>
let pdfjs: Promise<PdfJs> | undefined

async function readText(task: LoadingTask, limits: typeof pdfTextLimits): Promise<string> {
  const doc = await task.promise
  const parts: string[] = []
  let length = 0
  for (let n = 1; n <= Math.min(doc.numPages, limits.pages) && length < limits.characters; n++) {
    const page = await doc.getPage(n)
    const content = await page.getTextContent()
    const text = content.items
      .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : ''))
      .join('')
      .replace(/[ \t]+/g, ' ')
      .trim()
    page.cleanup()
    parts.push(text)
    length += text.length + 2
  }
  return parts.join('\n\n').slice(0, limits.characters).trim()
}

/** The text of a PDF's first pages, or why there is none (not a PDF, unreadable, too slow, no text). */
export async function extractPdfText(
  bytes: Uint8Array,
  limits: typeof pdfTextLimits = pdfTextLimits,
): Promise<PdfText> {
  let task: LoadingTask
  try {
    pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs')
    const { getDocument } = await pdfjs
    // pdfjs takes the buffer over: give it a copy. No eval, no fonts: text only.
    task = getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    })
  } catch {
    return { ok: false, reason: 'the file could not be read' }
  }
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<PdfText>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: 'reading it took too long' }), limits.milliseconds)
  })
  const reading = readText(task, limits).then(
    (text): PdfText => (text ? { ok: true, text } : { ok: false, reason: 'it holds no text (a scan?)' }),
    (): PdfText => ({ ok: false, reason: 'the file could not be read' }),
  )
  try {
    return await Promise.race([reading, timeout])
  } finally {
    clearTimeout(timer)
    // Stops the reading if it is still going (the timeout won), and frees the document.
    await task.destroy().catch(() => undefined)
  }
}
