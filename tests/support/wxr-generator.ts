/**
 * A large WordPress export written to disk as it is made, for the import's memory test and its
 * benchmark: posts of block markup, shortcodes and a script, every 30th item a page (three levels
 * deep), every 50th a draft, comments on every 10th. The same items from the start whatever the
 * size, so a smaller file is the beginning of a larger one.
 */
import { createWriteStream } from 'node:fs'
import { author, WXR_TAIL, type WxrDialect, wxrHead, wxrItemXml } from './wxr-files.ts'

export const LARGE_WXR_SITE = 'https://bench.wordpress.example'
const d: WxrDialect = { version: '1.2', excerptScheme: 'https', wp: 'wp', ex: 'excerpt' }

const paragraph = (n: number) =>
  `<!-- wp:paragraph -->\n<p>Paragraph ${n} about advanced manufacturing, workforce training and supply chains in the region, with <strong>partners</strong> and <a href="https://example.org/${n}">a link</a>.</p>\n<!-- /wp:paragraph -->\n\n`
const body = (i: number) =>
  `${Array.from({ length: 20 }, (_, n) => paragraph(i * 20 + n)).join('')}[caption id="attachment_${i}" width="300"]<img src="https://bench.files.example/${i}.jpg" alt="Photo ${i}"> Caption ${i}[/caption]\n\n[embed]https://www.youtube.com/watch?v=${i}[/embed]\n\n<script>alert(${i})</script>`

export type LargeWxr = { posts: number; pages: number; drafts: number; comments: number; bytes: number }

/** Writes an export of about `megabytes` MB to `file`, and says what it holds. */
export async function writeLargeWxr(file: string, options: { megabytes: number }): Promise<LargeWxr> {
  const target = options.megabytes * 1024 * 1024
  const out = createWriteStream(file)
  const write = (text: string) =>
    new Promise<void>((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)))
  await write(wxrHead(LARGE_WXR_SITE, d, author('wp', 'editor', 'editor@bench.example', 'Editor')))
  const made: LargeWxr = { posts: 0, pages: 0, drafts: 0, comments: 0, bytes: 0 }
  for (let i = 1; made.bytes < target; i++) {
    const isPage = i % 30 === 0
    const parent = isPage && made.pages % 3 !== 0 ? i - 30 : 0
    const comments = i % 10 === 0 ? 2 : 0
    const item = wxrItemXml(LARGE_WXR_SITE, d, {
      id: i,
      title: `${isPage ? 'Page' : 'Post'} ${i}: Ünïcödé & right-to-left مركز`,
      type: isPage ? 'page' : 'post',
      slug: `item-${i}`,
      parent,
      status: i % 50 === 0 ? 'draft' : 'publish',
      link: isPage ? `${LARGE_WXR_SITE}/page-${i}/` : `${LARGE_WXR_SITE}/2020/01/02/item-${i}/`,
      content: body(i),
      excerpt: `Excerpt ${i}`,
      creator: 'editor',
      categories: [['news', 'News']],
      tags: [[`tag-${i % 40}`, `Tag ${i % 40}`]],
      comments,
    })
    made[isPage ? 'pages' : 'posts'] += 1
    if (i % 50 === 0) made.drafts += 1
    made.comments += comments
    made.bytes += Buffer.byteLength(item) + 1
    await write(`${item}\n`)
  }
  await write(WXR_TAIL)
  await new Promise((resolve) => out.end(resolve))
  return made
}
