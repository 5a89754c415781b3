import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { COLLECT_EVERY_BYTES, collectGarbage } from '#src/lib/memory-bound.ts'
import { type Decoded, PLACEHOLDER, WxrDecoder } from './wxr-decode.ts'
import {
  channelFields,
  emitRecord,
  emptyItem,
  type ItemField,
  isReadMetaKey,
  itemFields,
  nameOf,
  recordFields,
  setChannelField,
  setItemField,
  setItemMeta,
  WP,
} from './wxr-item-fields.ts'
import {
  ENTITY_NAME_LIMIT,
  elementInText,
  FieldText,
  MAX_DEPTH,
  OTHER_TEXT_LIMIT,
  tooDeep,
  tooLong,
  tooLongText,
} from './wxr-limits.ts'
import { wxrParser } from './wxr-sax.ts'
import {
  type WxrChannel,
  WxrFormatError,
  type WxrHandlers,
  type WxrItem,
  type WxrRead,
  WxrRefusedError,
} from './wxr-types.ts'

export type { WxrHandlers, WxrRead } from './wxr-types.ts'

/**
 * Streams a WXR file through saxes (namespaces on): never the whole document in memory, only the
 * item being read. Elements are matched by namespace URI and local name, never by prefix; text
 * and CDATA sections are joined. A file that is not well-formed XML throws WxrSyntaxError with
 * the line and column; one that is not a WordPress export throws WxrFormatError, and one past the
 * reader's bounds (wxr-limits.ts), with bytes not in its encoding, or with an element where
 * WordPress writes text, WxrRefusedError with the line and column. Each is thrown as soon as it is
 * seen: the parser goes no further.
 */
export async function readWxr(file: string, handlers: WxrHandlers): Promise<WxrRead> {
  const { parser, ampersandPosition, syntaxError, bareAmpersand } = wxrParser()
  const hash = createHash('sha256')
  const decoder = new WxrDecoder()
  const stack: string[] = []
  const channel: WxrChannel = { title: '', link: '', wxrVersion: '', baseSiteUrl: '', baseBlogUrl: '' }
  let namespaceVersion = ''
  const queue: WxrItem[] = []
  let text: FieldText | null = null
  let item: WxrItem | null = null
  let record: Record<string, string> | null = null
  let term: { domain: string; slug: string } | null = null
  /** The key of the `wp:postmeta` being read (its value is kept only for the keys the import reads). */
  let metaKey = ''
  let sawRss = false
  let sawWp = false
  let items = 0
  let bytes = 0
  /** Characters given to the parser (its own position is only right while it reads). */
  let written = 0
  /** Where the last tag began (its `<`). */
  let [tagLine, tagColumn] = [1, 1]
  const tagStart = () => ({ line: tagLine, column: tagColumn })
  /** Where the parser last handed something over: what it read since, it holds. */
  let [heldPosition, heldLine, heldColumn] = [0, 1, 1]
  const heldFrom = () => ({ line: heldLine, column: heldColumn + 1 })
  const handOver = () => {
    heldPosition = parser.position
    heldLine = parser.line
    heldColumn = parser.column
  }
  const clean = (value: string) => (decoder.placeholders ? value.replaceAll(PLACEHOLDER, '') : value)

  parser.on('error', (error) => {
    throw syntaxError(error)
  })
  parser.on('opentagstart', (tag) => {
    // The parser has read the `<`, the name and one character more, all on one line.
    tagLine = parser.line
    tagColumn = Math.max(1, parser.column - tag.name.length - 1)
    if (stack.length >= MAX_DEPTH) throw tooDeep(tagStart(), tag.name)
  })
  parser.on('opentag', (tag) => {
    handOver()
    const name = nameOf(tag)
    const wp = tag.uri.match(WP)
    if (wp) {
      sawWp = true
      namespaceVersion ||= wp[1] ?? ''
    }
    if (text && stack.length === text.depth) throw elementInText(tagStart(), name, text, owner())
    const parent = stack.at(-1)
    stack.push(name)
    const field = () => new FieldText(name, stack.length, tagStart())
    if (stack.length === 1) sawRss = name === 'rss'
    if (!sawRss) return
    if (name === 'item' && parent === 'channel') item = emptyItem()
    else if (parent === 'channel' && ['wp:author', 'wp:category', 'wp:tag', 'wp:term'].includes(name))
      record = {}
    else if (item && parent === 'item') {
      if (name === 'wp:comment') item.comments += 1
      else if (name === 'category') {
        const attr = (key: string) => clean(String(tag.attributes[key]?.value ?? ''))
        term = { domain: attr('domain'), slug: attr('nicename') }
        text = field()
      } else if (name === 'wp:postmeta') metaKey = ''
      else if (name in itemFields) text = field()
    } else if (item && parent === 'wp:postmeta' && stack.length === 5) {
      if (name === 'wp:meta_key' || (name === 'wp:meta_value' && isReadMetaKey(metaKey))) text = field()
    } else if (record && stack.length === 4 && recordFields.has(name)) text = field()
    else if (parent === 'channel' && stack.length === 3 && channelFields.has(name)) text = field()
  })
  const collect = (chunk: string) => {
    if (!text && chunk.length > OTHER_TEXT_LIMIT) throw tooLongText(heldFrom())
    handOver()
    if (!text) return
    text.add(clean(chunk))
    if (text.isOverLimit(0)) throw tooLong(text, owner())
  }
  parser.on('text', collect)
  parser.on('cdata', collect)
  parser.on('closetag', () => {
    handOver()
    const depth = stack.length
    const name = stack.pop() as string
    const value = text ? text.value() : ''
    if (item && name === 'item' && depth === 3) {
      queue.push(item)
      item = null
    } else if (item && depth === 5 && text) {
      if (name === 'wp:meta_key') metaKey = value.trim()
      else setItemMeta(item, metaKey, value)
    } else if (item && depth === 4 && text) {
      if (name === 'category' && term) item.terms.push({ ...term, name: value.trim() })
      else setItemField(item, name as ItemField, value)
      term = null
    } else if (record && depth === 4 && text) record[name] = value.trim()
    else if (record && depth === 3) {
      emitRecord(name, record, handlers)
      record = null
    } else if (depth === 3 && text) setChannelField(channel, name, value.trim())
    text = null
  })

  const stream = createReadStream(file, { highWaterMark: 64 * 1024 })
  let announced = false
  let collected = 0
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk)
    bytes += chunk.length
    write(decoder.decode(chunk))
    if (!announced && (queue.length > 0 || stack.length > 2)) announced = announce()
    for (const done of queue.splice(0)) {
      items += 1
      await handlers.item(done)
    }
    handlers.progress?.({ items, bytes })
    if (bytes - collected >= COLLECT_EVERY_BYTES) {
      collected = bytes
      collectGarbage()
    }
  }
  write(decoder.end())
  parser.close()
  if (!announced) announced = announce()
  for (const done of queue.splice(0)) {
    items += 1
    await handlers.item(done)
  }
  handlers.progress?.({ items, bytes })
  return { sha256: hash.digest('hex'), bytes, items, channel }

  /** Text for the parser; bytes not in the file's encoding are refused where they are. */
  function write(decoded: Decoded) {
    parser.write(decoded.text)
    written += decoded.text.length
    if (!decoded.valid)
      throw new WxrRefusedError(
        parser.line,
        parser.column + 1,
        `The file has bytes that are not valid ${decoder.encoding}, the encoding it is in: export it again from WordPress, or save it as UTF-8`,
      )
    checkHeld()
  }

  /** saxes holds text until the next tag: it is counted, and refused, before it is all in memory. */
  function checkHeld() {
    const held = written - heldPosition
    if (written - (ampersandPosition() ?? written) > ENTITY_NAME_LIMIT) throw bareAmpersand()
    // What it holds may be in `<![CDATA[` and `]]`: the text alone is counted against the limit.
    if (text?.isOverLimit(held - '<![CDATA[]]'.length)) throw tooLong(text, owner())
    if (held > OTHER_TEXT_LIMIT) throw tooLongText(heldFrom())
  }

  /** The item, record or channel being read, as a message names it. */
  function owner(): string {
    if (!item) return record ? `a <${stack[2]}>` : 'the channel'
    const title = item.title ? ` (“${item.title.slice(0, 60)}”)` : ''
    return `item ${items + queue.length + 1}${title}`
  }

  /** The channel's fields come before the first item: checked and handed over once. */
  function announce(): boolean {
    if (!sawRss || !sawWp)
      throw new WxrFormatError(
        'This is not a WordPress export (WXR): expected an RSS document with the wordpress.org/export namespace.',
      )
    // The namespace names the version when wp:wxr_version is missing (1.0 wrote none).
    channel.wxrVersion ||= namespaceVersion || '1.0'
    handlers.channel?.(channel)
    return true
  }
}
