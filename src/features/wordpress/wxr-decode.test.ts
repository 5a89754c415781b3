import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempFiles, wxr } from './wxr-test-files.ts'
import { WxrFormatError, WxrRefusedError } from './wxr-types.ts'

const files = tempFiles()
beforeAll(() => files.open())
afterAll(() => files.close())

const latin1 = (text: string) => Buffer.from(text, 'latin1')
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16()
const BOM = '\uFEFF'

describe('the WXR reader reads a file in its encoding', () => {
  it('reads ISO-8859-1 and windows-1252 as their declarations say', async () => {
    const [cafe] = await files.read(
      latin1(
        wxr('<item><title>Latin caf\u00e9</title></item>', '<?xml version="1.0" encoding="ISO-8859-1"?>'),
      ),
    )
    expect(cafe?.title).toBe('Latin café')
    const quoted = Buffer.concat([
      latin1(
        wxr('<item><title>', "<?xml version='1.0' encoding='windows-1252'?>").split('\n</channel>')[0] ?? '',
      ),
      Buffer.from([0x93, 0x71, 0x94, 0x20, 0x80]),
      latin1('</title></item></channel></rss>'),
    ])
    const [item] = await files.read(quoted)
    expect(item?.title).toBe('“q” €')
  })

  it('reads UTF-16 with a byte-order mark, little-endian and big-endian', async () => {
    const text =
      BOM + wxr('<item><title>Caf\u00e9 \u{1F600}</title></item>', '<?xml version="1.0" encoding="UTF-16"?>')
    for (const bytes of [Buffer.from(text, 'utf16le'), utf16be(text)]) {
      const [item] = await files.read(bytes)
      expect(item?.title).toBe('Café 😀')
    }
  })

  it('reads a character cut between two reads of the file', async () => {
    // The file is read 64 KB at a time: the é's two bytes fall on either side of the first cut.
    const head = wxr('<item><title>t</title><content:encoded>').split('\n</channel>')[0] ?? ''
    const body = 'a'.repeat(64 * 1024 - Buffer.byteLength(head) - 1)
    const [item] = await files.read(`${head}${body}é</content:encoded></item>\n</channel></rss>\n`)
    expect(item?.content).toBe(`${body}é`)
  })

  it('refuses bytes that are not UTF-8, at the character a person would look at', async () => {
    const bytes = Buffer.concat([
      Buffer.from(wxr('<item><title>Bad \u00e9').split('\n</channel>')[0] ?? ''),
      Buffer.from([0xe2, 0x82, 0x41]),
      Buffer.from('</title></item></channel></rss>'),
    ])
    const error = await files.refusal(bytes)
    expect(error).toBeInstanceOf(WxrRefusedError)
    expect(error.message).toBe(
      'The file has bytes that are not valid UTF-8, the encoding it is in: export it again from WordPress, or save it as UTF-8 (line 4, column 19).',
    )
  })

  it('refuses bad bytes after a character cut between two reads, at their place', async () => {
    const head = wxr('<item><title>t</title><content:encoded>').split('\n</channel>')[0] ?? ''
    const body = 'a'.repeat(64 * 1024 - Buffer.byteLength(head) - 1)
    const bytes = Buffer.concat([Buffer.from(`${head}${body}é\nxy`), Buffer.from([0xff]), Buffer.from('z')])
    const error = await files.refusal(bytes)
    expect((error as WxrRefusedError).line).toBe(5)
    expect((error as WxrRefusedError).column).toBe(3)
  })

  it('refuses a file cut inside a character', async () => {
    const bytes = Buffer.concat([Buffer.from(wxr('<item><title>x</title></item>')), Buffer.from([0xc3])])
    expect(await files.refusal(bytes)).toBeInstanceOf(WxrRefusedError)
  })

  it('refuses an encoding it cannot read, or a declaration its bytes belie, saying to export again', async () => {
    const unknown = await files.refusal(wxr('<item/>', '<?xml version="1.0" encoding="EBCDIC-XYZ"?>'))
    expect(unknown).toBeInstanceOf(WxrFormatError)
    expect(unknown.message).toBe(
      'The file says its encoding is "EBCDIC-XYZ", which the import cannot read: export it again from WordPress, which writes UTF-8.',
    )
    const belied = await files.refusal(wxr('<item/>', '<?xml version="1.0" encoding="UTF-16"?>'))
    expect(belied.message).toBe(
      'The file says its encoding is "UTF-16" but its bytes are not in that encoding: export it again from WordPress, which writes UTF-8.',
    )
  })
})
