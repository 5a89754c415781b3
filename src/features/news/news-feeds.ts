import { markdownText, renderMarkdown } from '#src/lib/markdown.ts'
import { escapeXml } from '#src/lib/text.ts'
import type { SiteChrome } from '#src/ui/site-chrome.ts'
import type { NewsPost } from './news-queries.ts'
import { element } from './xml-text.ts'

/** What both feeds say about the network, and where the Hub is. */
export type FeedContext = { site: SiteChrome; origin: string; posts: NewsPost[] }

const postUrl = (origin: string, post: NewsPost) => `${origin}/news/${post.slug}`
/** A post's id in a feed: stable when its slug changes. */
const postId = (post: NewsPost) => `urn:uuid:${post.id}`
/** The feed's description of a post: its summary, or the start of its body. */
const descriptionOf = (post: NewsPost) => post.summary || markdownText(post.bodyMarkdown).slice(0, 300)
const dateOf = (post: NewsPost) => new Date(post.publishAt ?? post.updatedAt)
const updatedOf = (post: NewsPost) =>
  new Date(Math.max(dateOf(post).getTime(), new Date(post.updatedAt).getTime()))

/** RSS 2.0, with its own address (atom:link rel="self") and the author as dc:creator. */
export function rssFeed({ site, origin, posts }: FeedContext): string {
  const items = posts.map((post) =>
    [
      '<item>',
      element('title', post.title),
      element('link', postUrl(origin, post)),
      element('guid', postId(post), ' isPermaLink="false"'),
      element('pubDate', dateOf(post).toUTCString()),
      element('dc:creator', post.authorName),
      ...post.categories.map((category) => element('category', category)),
      element('description', descriptionOf(post)),
      '</item>',
    ].join(''),
  )
  return [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    element('title', `${site.name}: news`),
    element('link', `${origin}/news`),
    element('description', site.description),
    '<language>en</language>',
    `<atom:link href="${escapeXml(`${origin}/news/rss.xml`)}" rel="self" type="application/rss+xml"/>`,
    posts[0] ? element('lastBuildDate', updatedOf(posts[0]).toUTCString()) : '',
    ...items,
    '</channel>',
    '</rss>\n',
  ].join('')
}

/** Atom 1.0: each entry with its id, dates, author, link, summary and the sanitized body as HTML. */
export function atomFeed({ site, origin, posts }: FeedContext): string {
  const updated = posts.reduce((newest, post) => Math.max(newest, updatedOf(post).getTime()), 0)
  const entries = posts.map((post) =>
    [
      '<entry>',
      element('id', postId(post)),
      element('title', post.title, ' type="text"'),
      `<link rel="alternate" type="text/html" href="${escapeXml(postUrl(origin, post))}"/>`,
      element('published', dateOf(post).toISOString()),
      element('updated', updatedOf(post).toISOString()),
      `<author>${element('name', post.authorName || site.name)}</author>`,
      ...post.categories.map((category) => `<category term="${escapeXml(category)}"/>`),
      element('summary', descriptionOf(post), ' type="text"'),
      `<content type="html">${escapeXml(renderMarkdown(post.bodyMarkdown))}</content>`,
      '</entry>',
    ].join(''),
  )
  return [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="${escapeXml(`${origin}/`)}">`,
    element('id', `${origin}/news`),
    element('title', `${site.name}: news`, ' type="text"'),
    element('subtitle', site.description, ' type="text"'),
    element('updated', new Date(updated).toISOString()),
    `<author>${element('name', site.name)}</author>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(`${origin}/news`)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(`${origin}/news/atom.xml`)}"/>`,
    ...entries,
    '</feed>\n',
  ].join('')
}
