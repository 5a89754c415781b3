/**
 * WordPress exports (WXR) for the import's tests, written in code: a WordPress.com export (WXR
 * 1.1, the excerpt namespace over https), a self-hosted one (WXR 1.2, other prefixes for the same
 * namespaces), a WXR 1.0 one, a hostile one and a malformed one.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Db } from '#src/db/client.ts'
import type { ImportSummary } from '#src/features/wordpress/import-summary.ts'
import { importWordpress } from '#src/features/wordpress/index.ts'
import { NETWORK_TIME_ZONE } from '#src/lib/clock.ts'

export type WxrItemSpec = {
  id: number
  title: string
  type?: string
  status?: string
  slug?: string
  link?: string
  parent?: number
  order?: number
  date?: string
  dateGmt?: string
  creator?: string
  content?: string
  excerpt?: string
  categories?: [string, string][]
  tags?: [string, string][]
  comments?: number
  attachmentUrl?: string
  password?: string
  /** Post meta (key, value), after the `_edit_last` every item has. */
  meta?: [string, string][]
  /** The `nav_menu` term (slug, name) of a menu item. */
  menu?: [string, string]
  /** Leave out `wp:post_id`, as a broken export may. */
  withoutId?: boolean
}

/** Prefixes are the file's choice: the reader must match namespace URIs, never these. */
export type WxrDialect = {
  version: '1.0' | '1.1' | '1.2'
  excerptScheme: 'http' | 'https'
  wp: string
  ex: string
}

const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`
const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')

export function wxrDocument(
  site: string,
  d: WxrDialect,
  authors: string,
  items: WxrItemSpec[],
  baseSite = site,
): string {
  return `${wxrHead(site, d, authors, baseSite)}${items.map((i) => wxrItemXml(site, d, i)).join('\n')}${WXR_TAIL}`
}

export const WXR_TAIL = '\n</channel>\n</rss>\n'

/** Everything before the first item: the channel, its authors and terms. */
export function wxrHead(site: string, d: WxrDialect, authors: string, baseSite = site): string {
  const wp = d.wp
  return `<?xml version="1.0" encoding="UTF-8" ?>
<!-- generator="WordPress/6.4" created="2026-11-01 10:00" -->
<rss version="2.0"
  xmlns:${d.ex}="${d.excerptScheme}://wordpress.org/export/${d.version}/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:${wp}="http://wordpress.org/export/${d.version}/">
<channel>
  <title>AMCC &amp; Friends</title>
  <link>${site}</link>
  <description>Manufacturing communities</description>
  <language>en-US</language>
  <${wp}:wxr_version>${d.version}</${wp}:wxr_version>
  <${wp}:base_site_url>${baseSite}</${wp}:base_site_url>
  <${wp}:base_blog_url>${site}</${wp}:base_blog_url>
${authors}
  <${wp}:category><${wp}:term_id>2</${wp}:term_id><${wp}:category_nicename>press-release</${wp}:category_nicename><${wp}:category_parent></${wp}:category_parent><${wp}:cat_name>${cdata('Press release')}</${wp}:cat_name></${wp}:category>
  <${wp}:category><${wp}:term_id>3</${wp}:term_id><${wp}:category_nicename>unused</${wp}:category_nicename><${wp}:category_parent></${wp}:category_parent><${wp}:cat_name>${cdata('Unused category')}</${wp}:cat_name></${wp}:category>
  <${wp}:tag><${wp}:term_id>4</${wp}:term_id><${wp}:tag_slug>robotics</${wp}:tag_slug><${wp}:tag_name>${cdata('Robotics')}</${wp}:tag_name></${wp}:tag>
`
}

export const author = (wp: string, login: string, email: string, name: string) =>
  `  <${wp}:author><${wp}:author_id>1</${wp}:author_id><${wp}:author_login>${cdata(login)}</${wp}:author_login><${wp}:author_email>${cdata(email)}</${wp}:author_email><${wp}:author_display_name>${cdata(name)}</${wp}:author_display_name></${wp}:author>`

export function wxrItemXml(site: string, d: WxrDialect, i: WxrItemSpec): string {
  const wp = d.wp
  const type = i.type ?? 'post'
  const terms = [
    ...(i.categories ?? []).map(
      ([slug, name]) => `<category domain="category" nicename="${slug}">${cdata(name)}</category>`,
    ),
    ...(i.tags ?? []).map(
      ([slug, name]) => `<category domain="post_tag" nicename="${slug}">${cdata(name)}</category>`,
    ),
    ...(i.menu ? [`<category domain="nav_menu" nicename="${i.menu[0]}">${cdata(i.menu[1])}</category>`] : []),
  ]
  const meta = (i.meta ?? []).map(
    ([key, value]) =>
      `<${wp}:postmeta><${wp}:meta_key>${cdata(key)}</${wp}:meta_key><${wp}:meta_value>${cdata(value)}</${wp}:meta_value></${wp}:postmeta>`,
  )
  const comments = Array.from(
    { length: i.comments ?? 0 },
    (_, n) =>
      `<${wp}:comment><${wp}:comment_id>${n + 1}</${wp}:comment_id><${wp}:comment_author>${cdata('Reader')}</${wp}:comment_author><${wp}:comment_content>${cdata('Nice <b>post</b>')}</${wp}:comment_content></${wp}:comment>`,
  )
  // The body in two CDATA sections, as real exports sometimes split it.
  const content = i.content ?? ''
  const half = Math.floor(content.length / 2)
  return `  <item>
    <title>${esc(i.title)}</title>
    <link>${i.link ?? `${site}/?p=${i.id}`}</link>
    <pubDate>Thu, 12 May 2016 14:00:00 +0000</pubDate>
    <dc:creator>${cdata(i.creator ?? 'staffer')}</dc:creator>
    <guid isPermaLink="false">${site}/?p=${i.id}</guid>
    <description></description>
    <content:encoded>${cdata(content.slice(0, half))}${cdata(content.slice(half))}</content:encoded>
    <${d.ex}:encoded>${cdata(i.excerpt ?? '')}</${d.ex}:encoded>
    ${i.withoutId ? '' : `<${wp}:post_id>${i.id}</${wp}:post_id>`}
    <${wp}:post_date>${cdata(i.date ?? '2016-05-12 10:00:00')}</${wp}:post_date>
    <${wp}:post_date_gmt>${cdata(i.dateGmt ?? '2016-05-12 14:00:00')}</${wp}:post_date_gmt>
    <${wp}:comment_status>open</${wp}:comment_status>
    <${wp}:post_name>${cdata(i.slug ?? '')}</${wp}:post_name>
    <${wp}:status>${cdata(i.status ?? 'publish')}</${wp}:status>
    <${wp}:post_parent>${i.parent ?? 0}</${wp}:post_parent>
    <${wp}:menu_order>${i.order ?? 0}</${wp}:menu_order>
    <${wp}:post_type>${cdata(type)}</${wp}:post_type>
    <${wp}:post_password>${cdata(i.password ?? '')}</${wp}:post_password>
    <${wp}:is_sticky>0</${wp}:is_sticky>${i.attachmentUrl ? `\n    <${wp}:attachment_url>${cdata(i.attachmentUrl)}</${wp}:attachment_url>` : ''}
    ${terms.join('\n    ')}
    <${wp}:postmeta><${wp}:meta_key>${cdata('_edit_last')}</${wp}:meta_key><${wp}:meta_value>${cdata('a:1:{s:1:"x";i:1;}')}</${wp}:meta_value></${wp}:postmeta>
    ${meta.join('\n    ')}
    ${comments.join('\n    ')}
  </item>`
}

export const HOSTILE_BODY = `<p>Before <img src="https://wordpress-hub.invalid/x.png" onerror="alert('img')"> after.</p>
<script>alert('script')</script>
<p><a href="javascript:alert('link')">Click me</a> and <a href="JaVaScRiPt:alert(2)">me</a></p>
<iframe src="https://evil.invalid/frame"></iframe>
<p onclick="alert('p')" style="background:url(https://evil.invalid/bg.png)">Styled</p>
<svg onload="alert('svg')"><circle r="4"/></svg>
<object data="https://evil.invalid/x.swf"></object><embed src="https://evil.invalid/y.swf">
<form action="https://evil.invalid/steal"><input name="a"><button>Go</button></form>
<img src="http://insecure.invalid/pixel.png" alt="tracker">`

const blockBody = `<!-- wp:paragraph -->
<p>The community was <strong>redesignated</strong> for five more years.</p>
<!-- /wp:paragraph -->

<!-- wp:image {"id":40} -->
<figure class="wp-block-image"><img src="https://amcc.files.wordpress.com/2016/05/plant.jpg" alt="The plant"/></figure>
<!-- /wp:image -->

[caption id="attachment_40" align="aligncenter" width="300"]<img src="https://amcc.files.wordpress.com/2016/05/plant.jpg" alt="Plant floor"> The plant floor[/caption]

[gallery ids="40"]

[embed]https://www.youtube.com/watch?v=abc123[/embed]

[contact-form-7 id="9"]Write to us[/contact-form-7]`

/** A WordPress.com export: WXR 1.1, `excerpt` over https, the usual prefixes. */
export function wordpressComExport(
  site = 'https://amcc.wordpress.com',
  changes: Partial<Record<number, Partial<WxrItemSpec>>> = {},
) {
  const d: WxrDialect = { version: '1.1', excerptScheme: 'https', wp: 'wp', ex: 'excerpt' }
  const items: WxrItemSpec[] = [
    {
      id: 10,
      title: 'About us',
      type: 'page',
      slug: 'about',
      link: `${site}/about/`,
      order: 1,
      content: '<p>Who we are.</p>',
    },
    {
      id: 11,
      title: 'Advisory Board',
      type: 'page',
      slug: 'board',
      link: `${site}/about/board/`,
      parent: 10,
      order: 2,
      content: 'Our board.\n\nIt meets monthly.',
    },
    {
      id: 12,
      title: 'Board members',
      type: 'page',
      slug: 'members',
      link: `${site}/about/board/members/`,
      parent: 11,
      order: 1,
      content: '<ul><li>Ana</li></ul>',
    },
    {
      id: 13,
      title: 'Orphan page',
      type: 'page',
      slug: 'orphan',
      link: `${site}/orphan/`,
      parent: 999,
      content: 'Lost parent.',
    },
    {
      id: 20,
      title: 'AMP SoCal redesignated &amp; renewed',
      slug: 'amp-socal-redesignated',
      link: `${site}/2016/05/12/amp-socal-redesignated/`,
      creator: 'staffer',
      content: blockBody,
      excerpt: '<p>Five more <em>years</em>.</p>',
      categories: [['press-release', 'Press release']],
      tags: [['robotics', 'Robotics']],
      comments: 2,
    },
    {
      id: 21,
      title: 'Upcoming summit',
      status: 'future',
      slug: 'upcoming-summit',
      link: `${site}/?p=21`,
      date: '2027-01-15 09:00:00',
      dateGmt: '2027-01-15 14:00:00',
      content: 'Soon.',
    },
    {
      id: 22,
      title: 'Unfinished thoughts',
      status: 'draft',
      slug: '',
      link: `${site}/?p=22`,
      date: '2016-06-01 08:30:00',
      dateGmt: '0000-00-00 00:00:00',
      creator: 'guest',
      content: 'Draft text.',
    },
    {
      id: 23,
      title: 'Ünïcödé café — 制造业',
      slug: '%c3%bcn%c3%afc%c3%b6d%c3%a9-caf%c3%a9',
      link: `${site}/2016/07/01/unicode-cafe/`,
      content: '<p>Crème brûlée and 中文.</p>',
    },
    {
      id: 24,
      title: 'מרכז ייצור — مركز التصنيع',
      slug: '',
      link: `${site}/2016/08/01/%d7%9e%d7%a8%d7%9b%d7%96/`,
      content: '<p dir="rtl">שלום עולם. مرحبا بالعالم.</p>',
    },
    { id: 25, title: 'Deleted post', status: 'trash', slug: 'deleted', content: 'gone' },
    {
      id: 40,
      title: 'plant',
      type: 'attachment',
      status: 'inherit',
      parent: 20,
      attachmentUrl: 'https://amcc.files.wordpress.com/2016/05/plant.jpg',
    },
    { id: 50, title: '', type: 'nav_menu_item', slug: '50' },
    { id: 60, title: 'A product', type: 'product', slug: 'a-product' },
  ]
  const changed = items.map((i) => ({ ...i, ...(changes[i.id] ?? {}) }))
  const authors = [
    author('wp', 'staffer', 'Staff.Writer@example.org', 'Sam Staff'),
    author('wp', 'guest', 'guest@elsewhere.example', 'Gail Guest'),
  ].join('\n')
  // As WordPress.com writes it: the same base_site_url for every site it hosts.
  return wxrDocument(site, d, authors, changed, 'http://wordpress.com/')
}

/** A self-hosted export: WXR 1.2 with other prefixes for the wordpress.org namespaces. */
export function selfHostedExport(site = 'https://www.amcc-network.org') {
  const d: WxrDialect = { version: '1.2', excerptScheme: 'http', wp: 'wpx', ex: 'exc' }
  const items: WxrItemSpec[] = [
    {
      id: 3,
      title: 'Membership',
      type: 'page',
      slug: 'membership',
      link: `${site}/membership/`,
      content: '<!-- wp:heading --><h2>Categories</h2><!-- /wp:heading -->',
    },
    {
      id: 4,
      title: 'How to join',
      type: 'page',
      slug: 'join',
      link: `${site}/membership/join/`,
      parent: 3,
      content: 'Apply online.',
    },
    {
      id: 5,
      title: 'Checklist',
      type: 'page',
      slug: 'checklist',
      link: `${site}/membership/join/checklist/`,
      parent: 4,
      status: 'draft',
      content: 'Steps.',
    },
    {
      id: 7,
      title: 'Hostile post',
      slug: 'hostile',
      link: `${site}/2020/02/02/hostile/`,
      content: HOSTILE_BODY,
    },
    {
      id: 8,
      title: 'Members only news',
      status: 'private',
      slug: 'private-news',
      link: `${site}/2020/03/03/private-news/`,
      content: 'Secret.',
    },
    {
      id: 9,
      title: 'Scheduled',
      status: 'future',
      slug: 'scheduled',
      link: `${site}/2030/01/01/scheduled/`,
      date: '2030-01-01 09:00:00',
      dateGmt: '0000-00-00 00:00:00',
      content: 'Later.',
    },
    {
      id: 30,
      title: 'logo',
      type: 'attachment',
      status: 'inherit',
      attachmentUrl: 'https://www.amcc-network.org/wp-content/uploads/logo.png',
    },
  ]
  const byAdmin = items.map((i) => ({ creator: 'admin', ...i }))
  return wxrDocument(site, d, author('wpx', 'admin', 'admin@amcc-network.org', 'Admin'), byAdmin)
}

/** An old export: WXR 1.0. */
export function wxr10Export(site = 'http://old.amcc.example') {
  const d: WxrDialect = { version: '1.0', excerptScheme: 'http', wp: 'wp', ex: 'excerpt' }
  return wxrDocument(site, d, author('wp', 'staffer', 'old@example.org', 'Old'), [
    {
      id: 1,
      title: 'Hello world',
      slug: 'hello-world',
      link: `${site}/2009/01/01/hello-world/`,
      content: 'First post.',
    },
  ])
}

const plainDialect: WxrDialect = { version: '1.2', excerptScheme: 'http', wp: 'wp', ex: 'excerpt' }

/** A small export of these items from `site` (WXR 1.2, the usual prefixes), for re-import tests. */
export function siteExport(site: string, items: WxrItemSpec[]): string {
  return wxrDocument(site, plainDialect, author('wp', 'staffer', 'staffer@example.org', 'Sam'), items)
}

/** A published post of `site`, at its dated permalink ('/2020/01/02/<slug>/'). */
export const postOf = (
  site: string,
  id: number,
  slug: string,
  more: Partial<WxrItemSpec> = {},
): WxrItemSpec => ({
  id,
  title: `Post ${slug}`,
  slug,
  link: `${site}/2020/01/02/${slug}/`,
  content: `<p>About ${slug}.</p>`,
  ...more,
})

/** A published page of `site` at `path` ('about/board'), under the page `parent` if given. */
export const pageOf = (
  site: string,
  id: number,
  slug: string,
  path: string,
  more: Partial<WxrItemSpec> = {},
): WxrItemSpec => ({
  id,
  title: `Page ${slug}`,
  type: 'page',
  slug,
  link: `${site}/${path}/`,
  content: `<p>The ${slug} page.</p>`,
  ...more,
})

/**
 * A `nav_menu_item` of the menu `menu` (slug, name) at place `order`, pointing at the page
 * `pageId` (under the menu item `parentItem`, 0 for the menu's top level), as WordPress exports it.
 */
export const menuItemOf = (
  id: number,
  pageId: number,
  order: number,
  menu: [string, string] = ['primary', 'Primary'],
  parentItem = 0,
): WxrItemSpec => ({
  id,
  title: '',
  type: 'nav_menu_item',
  slug: String(id),
  order,
  menu,
  meta: [
    ['_menu_item_type', 'post_type'],
    ['_menu_item_menu_item_parent', String(parentItem)],
    ['_menu_item_object_id', String(pageId)],
    ['_menu_item_object', 'page'],
    ['_menu_item_target', ''],
    ['_menu_item_url', ''],
  ],
})

/** Not well-formed: an element closed by the wrong tag, seen at line 4, column 30 (the `>` of `</itm>`). */
export const MALFORMED_EXPORT = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Broken</title><wp:wxr_version>1.2</wp:wxr_version>
<item><title>One</title></itm>
</channel></rss>
`

export async function writeWxr(dir: string, name: string, text: string): Promise<string> {
  const file = path.join(dir, name)
  await writeFile(file, text)
  return file
}

/** How many items of the file a summary counts: each exactly once, the `items` it read. */
export const accounted = (s: ImportSummary): number => {
  const sum = (c: { created: number; updated: number; unchanged: number; skipped: number }) =>
    c.created + c.updated + c.unchanged + c.skipped
  const others = s.skipped.filter((k) => k.type !== 'post' && k.type !== 'page').length
  return sum(s.posts) + sum(s.pages) + s.attachments.listed + others
}

/** Imports (or with `dryRun`, previews) an export file as `hub wordpress import` does. */
export const importAsCli = (db: Db, file: string, dryRun = false): Promise<ImportSummary> =>
  importWordpress(db, {
    file,
    fileName: path.basename(file),
    dryRun,
    timeZone: NETWORK_TIME_ZONE,
    actor: 'cli',
    personId: null,
  })
