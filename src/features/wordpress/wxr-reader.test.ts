import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readWxr } from './wxr-reader.ts'
import { tempFiles, wxr } from './wxr-test-files.ts'
import { WxrRefusedError, WxrSyntaxError } from './wxr-types.ts'

const files = tempFiles()
beforeAll(() => files.open())
afterAll(() => files.close())

const MB = 1024 * 1024

describe('the WXR reader refuses what WordPress never writes, saying where', () => {
  it('refuses elements nested deeper than 64, at the first one too many', async () => {
    const depth = 100_000
    const error = await files.refusal(
      wxr(`<item><wp:postmeta>${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}</wp:postmeta></item>`),
    )
    // rss, channel, item and wp:postmeta are four levels: the 61st <x> is the 65th.
    expect(error).toBeInstanceOf(WxrRefusedError)
    expect(error.message).toBe(
      'The file nests elements more than 64 deep (a WordPress export nests about 5): <x> is one level too many (line 4, column 200).',
    )
  })

  it('refuses a body longer than 10 MB, naming the item, before the body has ended', async () => {
    const body = `<content:encoded><![CDATA[${'a'.repeat(10 * MB + 1)}]]></content:encoded>`
    const error = await files.refusal(wxr(`<item><title>Big</title>${body}</item>`))
    expect(error).toBeInstanceOf(WxrRefusedError)
    expect(error.message).toBe(
      'The <content:encoded> of item 1 (“Big”) holds more than 10 MB of text, the most the import takes there (line 4, column 25).',
    )
  })

  it('reads a body of exactly 10 MB', async () => {
    const body = `<content:encoded><![CDATA[${'a'.repeat(10 * MB)}]]></content:encoded>`
    const [item] = await files.read(wxr(`<item><title>Big</title>${body}</item>`))
    expect(item?.content.length).toBe(10 * MB)
  })

  it('refuses a title over 64 KB, counting every CDATA section of it', async () => {
    const title = `<title>${'<![CDATA[aaaa]]>'.repeat(16 * 1024 + 1)}</title>`
    const error = await files.refusal(wxr(`<item>${title}</item>`))
    expect(error.message).toBe(
      'The <title> of item 1 holds more than 64 KB of text, the most the import takes there (line 4, column 7).',
    )
  })

  it('refuses more than 10 MB of text the import does not keep', async () => {
    const meta = `<wp:postmeta><wp:meta_value>${'b'.repeat(10 * MB + 10)}</wp:meta_value></wp:postmeta>`
    const error = await files.refusal(wxr(`<item><title>Meta</title>${meta}</item>`))
    expect(error.message).toBe(
      'More than 10 MB of text in one piece starts here, more than the import takes in one element (line 4, column 54).',
    )
  })

  it('refuses an element in a body or a title: WordPress writes text or CDATA there', async () => {
    const body = await files.refusal(
      wxr('<item><title>Nested</title><content:encoded><p>Hello</p></content:encoded></item>'),
    )
    expect(body).toBeInstanceOf(WxrRefusedError)
    expect(body.message).toBe(
      '<p> inside the <content:encoded> of item 1 (“Nested”): WordPress writes text or CDATA there, never elements, so HTML in it must be in CDATA or escaped (this file was not written by WordPress as it is) (line 4, column 45).',
    )
    const title = await files.refusal(wxr('<item>\n<title>A <em>big</em> day</title></item>'))
    expect(title.message).toMatch(/^<em> inside the <title> of item 1: .* \(line 5, column 10\)\.$/)
  })

  it('reads elements it does not read the text of, and comments in a body', async () => {
    const [item] = await files.read(
      wxr(
        '<item><title>Fine</title><content:encoded>a<!-- c -->b</content:encoded><wp:postmeta><wp:meta_key>k</wp:meta_key></wp:postmeta></item>',
      ),
    )
    expect(item).toMatchObject({ title: 'Fine', content: 'ab' })
  })
})

describe('the WXR reader says where a malformed file goes wrong', () => {
  it('puts a bare & at the &, not at the next ; of the file', async () => {
    const error = await files.refusal(
      wxr('<item><title>Q&A with members</title></item>\n<item><title>Caf&#233;</title></item>'),
    )
    expect(error).toBeInstanceOf(WxrSyntaxError)
    expect(error.message).toBe(
      'The file is not well-formed XML: an & that does not start an entity (a lone & is written &amp;) (line 4, column 15).',
    )
  })

  it('refuses a bare & followed by a long text without a ; at the &', async () => {
    const error = await files.refusal(
      wxr(`<item><title>Q&A</title><wp:x>${'x'.repeat(200_000)}</wp:x></item>`),
    )
    expect((error as WxrSyntaxError).line).toBe(4)
    expect((error as WxrSyntaxError).column).toBe(15)
  })

  it('puts an unknown entity at its &', async () => {
    const error = await files.refusal(wxr('<item><title>Caf&eacute; &nope;</title></item>'))
    expect(error.message).toBe('The file is not well-formed XML: undefined entity (line 4, column 26).')
  })

  it('counts the control characters it drops in the columns, and drops them from the text', async () => {
    const error = await files.refusal(wxr('<item><title>\u0001\u0002\u0003 ab</titl></item>'))
    expect(error.message).toBe('The file is not well-formed XML: unexpected close tag (line 4, column 26).')
    const [item] = await files.read(wxr('<item><title>a\u0001b\u000b</title></item>'))
    expect(item?.title).toBe('ab')
  })
})

describe("the WXR reader's version", () => {
  it("is the namespace's when the file gives no wp:wxr_version", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hub-wxr-version-'))
    try {
      const file = path.join(dir, 'export.xml')
      await writeFile(
        file,
        wxr('<item><title>One</title><wp:post_id>1</wp:post_id></item>').replace(
          '<wp:wxr_version>1.2</wp:wxr_version>',
          '',
        ),
      )
      const read = await readWxr(file, { item: () => {} })
      expect(read.channel.wxrVersion).toBe('1.2')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe("the WXR reader's post meta", () => {
  const meta = (key: string, value: string) =>
    `<wp:postmeta><wp:meta_key><![CDATA[${key}]]></wp:meta_key><wp:meta_value><![CDATA[${value}]]></wp:meta_value></wp:postmeta>`

  it("reads a menu item's target, and keeps no other meta value however long", async () => {
    const [item] = await files.read(
      wxr(
        `<item><wp:post_id>20</wp:post_id><wp:post_type>nav_menu_item</wp:post_type>${meta('_edit_last', 'x'.repeat(200_000))}${meta('_menu_item_type', 'post_type')}${meta('_menu_item_menu_item_parent', '21')}${meta('_menu_item_object_id', '12')}${meta('_menu_item_object', 'page')}</item>`,
      ),
    )
    expect(item?.menuItem).toEqual({ itemType: 'post_type', object: 'page', objectId: 12, parentItem: 21 })
  })

  it('leaves the target empty on an item that is not a menu item', async () => {
    const [item] = await files.read(
      wxr(`<item><wp:post_id>1</wp:post_id>${meta('_thumbnail_id', '7')}</item>`),
    )
    expect(item?.menuItem).toEqual({ itemType: '', object: '', objectId: 0, parentItem: 0 })
  })
})
