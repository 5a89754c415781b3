import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { SaxesParser, type SaxesTagNS } from 'saxes'
import { COLLECT_EVERY_BYTES, collectGarbage } from '#src/lib/memory-bound.ts'
import { htmlEntities } from './html-entities.ts'
import { emptyItem, type ItemField, itemFields } from './wxr-item-fields.ts'
import {
  type WxrAuthor,
  type WxrChannel,
  WxrFormatError,
  type WxrItem,
  WxrSyntaxError,
  type WxrTerm,
} from './wxr-types.ts'

/** `wp:` is http(s)://wordpress.org/export/1.x/ and `excerpt:` the same with excerpt/ after it. */
const WP = /^https?:\/\/wordpress\.org\/export\/(1\.\d+)\/$/
const EXCERPT = /^https?:\/\/wordpress\.org\/export\/1\.\d+\/excerpt\/$/
const CONTENT = /^https?:\/\/purl\.org\/rss\/1\.0\/modules\/content\/?$/
const DC = /^https?:\/\/purl\.org\/dc\/elements\/1\.1\/?$/

/** A short name for an element whatever prefix the file gave its namespace: 'wp:post_id', 'title'. */
function nameOf(tag: { uri: string; local: string }): string {
  if (tag.uri === '') return tag.local
  if (WP.test(tag.uri)) return `wp:${tag.local}`
  if (EXCERPT.test(tag.uri)) return `excerpt:${tag.local}`
  if (CONTENT.test(tag.uri)) return `content:${tag.local}`
  if (DC.test(tag.uri)) return `dc:${tag.local}`
  return `{${tag.uri}}${tag.local}`
}

/** XML 1.0 refuses these; real exports carry them in titles and bodies. Dropped before parsing. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters are the point
const DISALLOWED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

export type WxrHandlers = {
  channel?: (channel: WxrChannel) => void
  author?: (author: WxrAuthor) => void
  term?: (term: WxrTerm) => void
  /** Called for each item in file order; awaited before more of the file is read. */
  item: (item: WxrItem) => Promise<void> | void
  progress?: (read: { items: number; bytes: number }) => void
}

export type WxrRead = { sha256: string; bytes: number; items: number; channel: WxrChannel }

/**
 * Streams a WXR file through saxes (namespaces on): never the whole document in memory, only the
 * item being read. Elements are matched by namespace URI and local name, never by prefix; text
 * and CDATA sections are joined. A file that is not well-formed XML throws WxrSyntaxError with
 * the line and column; one that is not a WordPress export throws WxrFormatError.
 */
export async function readWxr(file: string, handlers: WxrHandlers): Promise<WxrRead> {
  const parser = new SaxesParser({ xmlns: true, position: true })
  Object.assign(parser.ENTITIES, htmlEntities)
  const hash = createHash('sha256')
  const decoder = new TextDecoder('utf-8')
  const stack: string[] = []
  const channel: WxrChannel = { title: '', link: '', wxrVersion: '', baseSiteUrl: '', baseBlogUrl: '' }
  const queue: WxrItem[] = []
  let text: string[] | null = null
  let item: WxrItem | null = null
  let record: Record<string, string> | null = null
  let term: { domain: string; slug: string } | null = null
  let failure: WxrSyntaxError | null = null
  let sawRss = false
  let sawWp = false
  let items = 0
  let bytes = 0

  parser.on('error', (error) => {
    // The first problem is the one to report, at the character that showed it (saxes counts
    // columns from 0 to the next character, so its column is the last one read, from 1).
    failure ??= new WxrSyntaxError(
      parser.line,
      parser.column,
      error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, ''),
    )
  })
  parser.on('opentag', (tag) => {
    const name = nameOf(tag as SaxesTagNS)
    if (WP.test((tag as SaxesTagNS).uri)) sawWp = true
    const parent = stack.at(-1)
    stack.push(name)
    if (stack.length === 1) sawRss = name === 'rss'
    if (!sawRss) return
    if (name === 'item' && parent === 'channel') item = emptyItem()
    else if (parent === 'channel' && ['wp:author', 'wp:category', 'wp:tag', 'wp:term'].includes(name))
      record = {}
    else if (item && parent === 'item') {
      if (name === 'wp:comment') item.comments += 1
      else if (name === 'category') {
        const attr = (key: string) => String((tag as SaxesTagNS).attributes[key]?.value ?? '')
        term = { domain: attr('domain'), slug: attr('nicename') }
        text = []
      } else if (name in itemFields) text = []
    } else if (record && stack.length === 4) text = []
    else if (parent === 'channel' && stack.length === 3) text = []
  })
  const collect = (chunk: string) => {
    if (text) text.push(chunk)
  }
  parser.on('text', collect)
  parser.on('cdata', collect)
  parser.on('closetag', () => {
    const depth = stack.length
    const name = stack.pop() as string
    const value = text ? text.join('') : ''
    if (item && name === 'item' && depth === 3) {
      queue.push(item)
      item = null
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
    parser.write(decoder.decode(chunk, { stream: true }).replace(DISALLOWED, ''))
    if (failure) break
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
  if (!failure) parser.write(decoder.decode()).close()
  if (failure) throw failure
  if (!announced) announced = announce()
  for (const done of queue.splice(0)) {
    items += 1
    await handlers.item(done)
  }
  handlers.progress?.({ items, bytes })
  return { sha256: hash.digest('hex'), bytes, items, channel }

  /** The channel's fields come before the first item: checked and handed over once. */
  function announce(): boolean {
    if (!sawRss || !sawWp)
      throw new WxrFormatError(
        'This is not a WordPress export (WXR): expected an RSS document with the wordpress.org/export namespace.',
      )
    channel.wxrVersion ||= '1.0'
    handlers.channel?.(channel)
    return true
  }
}

function setItemField(item: WxrItem, name: ItemField, value: string) {
  const field = itemFields[name]
  if (!field) return
  const [key, kind] = field
  if (kind === 'number') (item[key] as number) = Number.parseInt(value.trim(), 10) || 0
  else (item[key] as string) = kind === 'raw' ? value : value.trim()
}

function setChannelField(channel: WxrChannel, name: string, value: string) {
  if (name === 'title') channel.title = value
  else if (name === 'link') channel.link = value
  else if (name === 'wp:wxr_version') channel.wxrVersion = value
  else if (name === 'wp:base_site_url') channel.baseSiteUrl = value
  else if (name === 'wp:base_blog_url') channel.baseBlogUrl = value
}

function emitRecord(name: string, r: Record<string, string>, handlers: WxrHandlers) {
  const get = (key: string) => r[`wp:${key}`] ?? ''
  if (name === 'wp:author')
    handlers.author?.({
      login: get('author_login'),
      email: get('author_email'),
      displayName: get('author_display_name'),
    })
  else if (name === 'wp:category')
    handlers.term?.({ taxonomy: 'category', slug: get('category_nicename'), name: get('cat_name') })
  else if (name === 'wp:tag')
    handlers.term?.({ taxonomy: 'post_tag', slug: get('tag_slug'), name: get('tag_name') })
  else if (name === 'wp:term')
    handlers.term?.({ taxonomy: get('term_taxonomy'), slug: get('term_slug'), name: get('term_name') })
}
