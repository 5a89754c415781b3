import { createHash } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import type { DbOrTx, Tx } from '#src/db/client.ts'
import { applicationEvidence, applications, storedFiles } from '#src/db/schema/index.ts'
import type { Viewer } from '#src/http/viewer.ts'
import { cfbRootNames, zipEntryNames } from './containers.ts'

/** The largest file we keep (the stored_files check constraint says the same). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024

export const fileKinds = {
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
  doc: { contentType: 'application/msword', extension: 'doc' },
  xls: { contentType: 'application/vnd.ms-excel', extension: 'xls' },
  ppt: { contentType: 'application/vnd.ms-powerpoint', extension: 'ppt' },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
  },
  pptx: {
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extension: 'pptx',
  },
  png: { contentType: 'image/png', extension: 'png' },
  jpeg: { contentType: 'image/jpeg', extension: 'jpg' },
} as const

export type FileKind = keyof typeof fileKinds

/** What the upload form says it takes, in the words of the refusals. */
export const acceptedKindsText = 'a PDF, Word, Excel, PowerPoint, PNG or JPEG file'

/** For the file input's `accept`: a hint to the browser's picker only; the content decides. */
export const acceptAttribute = '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.png,.jpg,.jpeg'

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b)

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d] // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const JPEG = [0xff, 0xd8, 0xff]
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const ZIP = [0x50, 0x4b, 0x03, 0x04]

/** The streams at the root of an OLE compound file that make it a Word, PowerPoint or Excel file. */
const cfbMainStreams: [string, FileKind][] = [
  ['WordDocument', 'doc'],
  ['PowerPoint Document', 'ppt'],
  ['Workbook', 'xls'],
  ['Book', 'xls'],
]

/** The folders of an Office Open XML package, each beside a [Content_Types].xml. */
const ooxmlFolders: [string, FileKind][] = [
  ['word/', 'docx'],
  ['xl/', 'xlsx'],
  ['ppt/', 'pptx'],
]

/**
 * What a file is, from its content alone (never its name or the type a browser claimed):
 * one of the kinds we accept, or undefined. Office files are recognised by their container
 * (an OLE compound file, or a zip) and what is inside it, read without extracting anything.
 */
export function sniffFileKind(bytes: Uint8Array): FileKind | undefined {
  if (startsWith(bytes, PDF)) return 'pdf'
  if (startsWith(bytes, PNG)) return 'png'
  if (startsWith(bytes, JPEG)) return 'jpeg'
  if (startsWith(bytes, CFB)) {
    const names = cfbRootNames(bytes)
    return names ? cfbMainStreams.find(([name]) => names.has(name))?.[1] : undefined
  }
  if (startsWith(bytes, ZIP)) {
    const names = zipEntryNames(bytes)
    if (!names?.includes('[Content_Types].xml')) return undefined
    return ooxmlFolders.find(([folder]) => names.some((n) => n.startsWith(folder)))?.[1]
  }
  return undefined
}

/** What a name's extension claims the file is, for a refusal that answers that claim. */
const claims: Record<string, string> = {
  pdf: 'a PDF',
  doc: 'a Word document',
  docx: 'a Word document',
  xls: 'an Excel workbook',
  xlsx: 'an Excel workbook',
  ppt: 'a PowerPoint presentation',
  pptx: 'a PowerPoint presentation',
  png: 'a PNG image',
  jpg: 'a JPEG image',
  jpeg: 'a JPEG image',
}

// Control characters, and the invisible ones that reorder or hide text (a name that shows
// as "report‮fdp.exe" must not reach a download dialog).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
const invisible = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g

/** The last segment of a name as typed, without control or invisible characters (for messages). */
export function displayName(original: string): string {
  const base = original.split(/[/\\]/).pop() ?? ''
  return base
    .normalize('NFC')
    .replace(/[\t\n\v\f\r]/g, ' ')
    .replace(invisible, '')
    .replace(/\s+/g, ' ')
    .trim()
}

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.')
  return dot >= 0 ? name.slice(dot + 1).toLowerCase() : ''
}

/**
 * A name safe to store and to offer in a download: no path, no control or invisible
 * characters, none of the characters file systems refuse, at most 120 characters before the
 * extension, and the extension of the kind found in the content.
 * @example safeFileName('C:\\Users\\me\\plan.PDF', 'pdf') // 'plan.pdf'
 */
export function safeFileName(original: string, kind: FileKind): string {
  let stem = displayName(original).replace(/["*:<>?|]/g, '_')
  const extension = extensionOf(stem)
  // A short alphanumeric ending is taken for an extension and replaced; "v2.1" keeps its digits.
  if (/^[a-z0-9]{1,5}$/.test(extension) && !/^\d+$/.test(extension))
    stem = stem.slice(0, stem.length - extension.length - 1)
  // No leading dot (a hidden file), no trailing dot or space (Windows drops them).
  stem = Array.from(stem.replace(/^[.\s]+/, ''))
    .slice(0, 120)
    .join('')
    .replace(/[.\s]+$/, '')
  return `${stem || 'evidence'}.${fileKinds[kind].extension}`
}

/** A size as people read it: 22020096 -> '21.0 MB' (binary megabytes, as file managers count). */
export const formatMegabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`

/** A size for a list of files: '312 KB', '4.2 MB'. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return formatMegabytes(bytes)
}

export type UploadCheck =
  | { ok: true; kind: FileKind; name: string }
  | { ok: false; status: 400 | 413; message: string }

/**
 * Whether an uploaded file can be kept: not empty, at most 20 MB, and by its content one of
 * the kinds we accept. A refusal says what was wrong and what is accepted: `accepted` names
 * what the caller takes ("a PNG or JPEG image" for an image), all the kinds unless given.
 */
export function checkUpload(
  file: { name: string; bytes: Uint8Array },
  accepted: string = acceptedKindsText,
): UploadCheck {
  const shown = displayName(file.name) || 'The file'
  if (file.bytes.length === 0)
    return { ok: false, status: 400, message: `${shown} was not accepted: the file is empty.` }
  if (file.bytes.length > MAX_FILE_BYTES)
    return {
      ok: false,
      status: 413,
      message: `${shown} was not accepted: the file is ${formatMegabytes(file.bytes.length)}; the limit is 20 MB.`,
    }
  const kind = sniffFileKind(file.bytes)
  if (!kind) {
    const claim = claims[extensionOf(shown)]
    const what = claim ? `is not ${claim}` : 'was not accepted'
    return {
      ok: false,
      status: 400,
      message: `${shown} ${what}: its content is not ${accepted}.`,
    }
  }
  return { ok: true, kind, name: safeFileName(file.name, kind) }
}

/**
 * Keeps a checked file in the database, inside the caller's transaction; returns its id. A file of
 * one of the kinds above, or an import's source (a report, a sheet) with its own content type and
 * the SHA-256 its import already computed.
 */
export async function storeFile(
  tx: Tx,
  options: { name: string; bytes: Uint8Array; uploadedBy: string | null } & (
    | { kind: FileKind }
    | { contentType: string; sha256: string }
  ),
): Promise<string> {
  const data = Buffer.from(options.bytes.buffer, options.bytes.byteOffset, options.bytes.byteLength)
  const [row] = await tx
    .insert(storedFiles)
    .values({
      name: options.name,
      contentType: 'kind' in options ? fileKinds[options.kind].contentType : options.contentType,
      size: data.length,
      sha256: 'sha256' in options ? options.sha256 : createHash('sha256').update(data).digest('hex'),
      data,
      uploadedBy: options.uploadedBy,
    })
    .returning({ id: storedFiles.id })
  if (!row) throw new Error('the file was not stored')
  return row.id
}

/** A stored file with its bytes; undefined when no file has this id. */
export async function getStoredFile(db: DbOrTx, id: string) {
  const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, id))
  return file
}

/**
 * Whether the viewer may download a file by its id (/files/:id): staff any file; Advisory Board
 * members the evidence of any application (what they vote on), and an applicant the evidence of
 * their own applications. Nobody else: other stored files (imports, logos) are served by their own
 * routes, each with its own rule.
 */
export async function canDownloadFile(db: DbOrTx, viewer: Viewer, fileId: string): Promise<boolean> {
  if (viewer.kind !== 'user') return false
  if (viewer.roles.includes('staff')) return true
  const isBoard = viewer.roles.includes('board')
  if (!isBoard && !viewer.personId) return false
  const [row] = await db
    .select({ yes: sql<number>`1` })
    .from(applicationEvidence)
    .innerJoin(applications, eq(applications.id, applicationEvidence.applicationId))
    .where(
      and(
        eq(applicationEvidence.fileId, fileId),
        isBoard ? undefined : eq(applications.applicantId, viewer.personId ?? ''),
      ),
    )
    .limit(1)
  return Boolean(row)
}

/**
 * The Content-Disposition of a download: always an attachment, with a plain-ASCII name for
 * old clients and the exact name in RFC 5987 form for the others.
 */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

/**
 * Every header of a file download, written once for each download route: the type found
 * from its content (never sniffed: nosniff), always an attachment under its safe name,
 * sandboxed, and cached only as its readers allow. `isPublic`: anyone may read it (a shared
 * cache may keep it, revalidating each time); otherwise only the one browser, never stored.
 */
export function downloadHeaders(
  file: { name: string; contentType: string; data: Uint8Array },
  options: { isPublic: boolean },
): Record<string, string> {
  return {
    'Content-Type': file.contentType,
    'Content-Length': String(file.data.length),
    'Content-Disposition': attachmentDisposition(file.name),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': options.isPublic ? 'no-cache' : 'private, no-store',
  }
}
