import { describe, expect, it } from 'vitest'
import { uploadedFileName } from './uploaded-file-name.ts'

describe("an uploaded file's name", () => {
  it('reads the percent-encoded name the upload page sends', () => {
    expect(uploadedFileName(encodeURIComponent('Exportación 2024 (final).xml'), 'export.xml')).toBe(
      'Exportación 2024 (final).xml',
    )
  })

  it('keeps a name that is not valid percent-encoding as it came, instead of failing', () => {
    expect(uploadedFileName('%E0%A4%A', 'export.xml')).toBe('%E0%A4%A')
  })

  it('leaves out folders, control characters and anything past 200 characters', () => {
    expect(uploadedFileName(encodeURIComponent('../../etc/passwd'), 'export.xml')).toBe('.._.._etc_passwd')
    expect(uploadedFileName(encodeURIComponent('a\u0000b\nc.xml'), 'export.xml')).toBe('abc.xml')
    expect(uploadedFileName('x'.repeat(300), 'export.xml')).toHaveLength(200)
  })

  it('falls back when there is no name, or nothing is left of it', () => {
    expect(uploadedFileName(undefined, 'export.xml')).toBe('export.xml')
    expect(uploadedFileName('%00%01', 'extract.xml')).toBe('extract.xml')
  })
})
