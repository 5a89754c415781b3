/**
 * The name of a file an upload page sent as the body itself, from its X-File-Name header (the
 * page's script sends it percent-encoded: src/ui/file-upload.client.js). A name that does not
 * decode is kept as it came; folders, control characters and anything past 200 characters are
 * left out. Only ever shown and stored as text, never used as a path.
 */
export function uploadedFileName(header: string | undefined, fallback: string): string {
  if (!header) return fallback
  let name = header
  try {
    name = decodeURIComponent(header)
  } catch {
    // Not percent-encoding (a hand-made request): the header's own text.
  }
  const clean = name
    .replace(/[\\/]/g, '_')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is removed
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200)
  return clean || fallback
}
