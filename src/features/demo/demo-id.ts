import { createHash } from 'node:crypto'

/**
 * A stable UUID for a demo record, so that the demo network has the same ids on
 * every engine and every run (and two loads can be compared record by record).
 */
export function demoId(kind: string, key: string): string {
  const hex = createHash('sha1').update(`collaborative-hub-demo:${kind}:${key}`).digest('hex')
  // Shaped as a version-5 (name-based, SHA-1) UUID with the RFC 4122 variant.
  const variant = ((Number.parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`
}
