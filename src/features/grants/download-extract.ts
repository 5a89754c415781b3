import { createWriteStream } from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'

/** More than a daily extract (about 50 MB zipped, 200 MB unzipped): a download past it stops. */
export const MAX_DOWNLOAD_BYTES = 512 * 1024 ** 2
/** A download that has not finished in this time is given up (the next day tries again). */
export const DOWNLOAD_TIMEOUT_MS = 15 * 60_000

/** Why a download failed, in words for staff and the log. */
export class DownloadProblem extends Error {}

/** The name to import under: the address's last segment when it is a .zip or an .xml, else by the first bytes. */
export function downloadName(url: URL, firstBytes: Uint8Array, day: string): string {
  const last = decodeURIComponent(url.pathname.split('/').pop() ?? '')
  if (/^[\w.-]{1,200}\.(zip|xml)$/i.test(last)) return last
  const isZip = firstBytes[0] === 0x50 && firstBytes[1] === 0x4b
  return `GrantsDBExtract${day.replaceAll('-', '')}v2.${isZip ? 'zip' : 'xml'}`
}

/**
 * Streams the answer of `url` into a file in `dir` (named by `downloadName`), at most `maxBytes`,
 * within `timeoutMs`, until `signal` aborts; https only, redirects included. Throws a
 * DownloadProblem saying what went wrong.
 */
export async function downloadExtract(
  url: string,
  options: {
    dir: string
    day: string
    maxBytes?: number
    timeoutMs?: number
    allowHttp?: boolean
    /** Gives the download up (the Hub is stopping): the problem then gives the signal's reason. */
    signal?: AbortSignal
  },
): Promise<{ file: string; bytes: number }> {
  const maxBytes = options.maxBytes ?? MAX_DOWNLOAD_BYTES
  const isAllowed = (address: URL) =>
    address.protocol === 'https:' || (options.allowHttp === true && address.protocol === 'http:')
  if (!isAllowed(new URL(url))) throw new DownloadProblem(`${url} is not an https:// address.`)
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS)
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout
  /** A step's failure in words: the Hub giving the download up, or what went wrong with `url`. */
  const problem = (what: string, error: unknown) =>
    new DownloadProblem(
      options.signal?.aborted
        ? `${url}: the download was given up, ${reason(options.signal.reason)}`
        : `${url} ${what}: ${reason(error)}`,
    )
  let response: Response
  try {
    response = await fetch(url, { signal, redirect: 'follow' })
  } catch (error) {
    throw problem('could not be reached', error)
  }
  if (!response.ok || !response.body)
    throw new DownloadProblem(`${url} answered ${response.status} ${response.statusText}`.trim())
  const finalUrl = new URL(response.url || url)
  if (!isAllowed(finalUrl)) throw new DownloadProblem(`${url} redirected to ${finalUrl.href}, not https.`)
  const declared = Number(response.headers.get('content-length') ?? Number.NaN)
  if (declared > maxBytes) throw new DownloadProblem(`${url} is ${declared} bytes, more than ${maxBytes}.`)
  const reader = (response.body as unknown as WebReadableStream<Uint8Array>).getReader()
  const first = await reader.read().catch((error: unknown) => {
    throw problem('stopped answering', error)
  })
  const file = path.join(options.dir, downloadName(finalUrl, first.value ?? new Uint8Array(), options.day))
  let bytes = 0
  async function* chunks() {
    let next = first
    while (!next.done) {
      bytes += next.value.byteLength
      if (bytes > maxBytes) throw new DownloadProblem(`${url} sent more than ${maxBytes} bytes.`)
      yield next.value
      next = await reader.read()
    }
  }
  try {
    await pipeline(Readable.from(chunks()), createWriteStream(file))
  } catch (error) {
    await reader.cancel().catch(() => {})
    if (error instanceof DownloadProblem) throw error
    throw problem('stopped answering', error)
  }
  return { file, bytes }
}

const reason = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error)
  if (error.name === 'TimeoutError') return 'it took too long'
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : ''
  return `${error.message}${cause}`
}
