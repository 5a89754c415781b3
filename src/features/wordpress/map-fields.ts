import type { ContentVisibility, PublicationStatus } from '#src/db/schema/index.ts'
import { slugify } from '#src/lib/slug.ts'
import { zonedTimeToUtc } from '#src/lib/time-zone.ts'
import { htmlEntities } from './html-entities.ts'
import type { WxrItem } from './wxr-types.ts'

/** How a WordPress status is kept, or why the item is skipped. */
export function mapStatus(
  status: string,
): { status: PublicationStatus; visibility: ContentVisibility } | { skip: string } {
  switch (status) {
    case 'publish':
      return { status: 'published', visibility: 'public' }
    case 'future':
      return { status: 'scheduled', visibility: 'public' }
    case 'draft':
    case 'pending':
    case 'auto-draft':
      return { status: 'draft', visibility: 'public' }
    case 'private':
      return { status: 'published', visibility: 'members' }
    case 'trash':
      return { skip: 'in the trash' }
    default:
      return { skip: `status "${status || 'none'}" is not a post's` }
  }
}

const WP_DATE = /^((\d{4})-(\d{2})-(\d{2}))[ T](\d{2}):(\d{2}):(\d{2})$/

/**
 * A date and time WordPress wrote, matched, when it is one the calendar has: MySQL keeps
 * '0000-00-00 00:00:00' for a draft never published, and may keep '2019-02-29' or '2020-13-45'.
 */
function calendarTime(text: string) {
  const m = text.match(WP_DATE)
  if (!m) return undefined
  const [year, month, day, hour, minute, second] = m.slice(2).map(Number) as number[]
  const at = new Date(Date.UTC(year as number, (month as number) - 1, day as number))
  const isDay = (year as number) >= 1 && at.getUTCMonth() === (month as number) - 1 && at.getUTCDate() === day
  const isTime = (hour as number) < 24 && (minute as number) < 60 && (second as number) < 60
  return isDay && isTime ? { day: m[1] as string, hour: m[5], minute: m[6], second: m[7] } : undefined
}

/**
 * The item's instant (ISO, UTC): `wp:post_date_gmt`; when that is not a real date and time (a
 * draft never published has 0000-00-00), `wp:post_date` read in the network's zone; then
 * `pubDate`; else null.
 */
export function itemInstant(item: Pick<WxrItem, 'postDate' | 'postDateGmt' | 'pubDate'>, timeZone: string) {
  const gmt = calendarTime(item.postDateGmt)
  if (gmt) return `${gmt.day}T${gmt.hour}:${gmt.minute}:${gmt.second}.000Z`
  const local = calendarTime(item.postDate)
  if (local) {
    const at = Date.parse(zonedTimeToUtc(local.day, `${local.hour}:${local.minute}`, timeZone))
    return new Date(at + Number(local.second) * 1000).toISOString()
  }
  const pub = Date.parse(item.pubDate)
  return Number.isFinite(pub) && pub > 0 ? new Date(pub).toISOString() : null
}

/**
 * Text that WordPress may have stored as HTML (titles, term and author names: '&amp;', '&#8217;',
 * now and then a tag) as the plain text it shows.
 */
export function htmlToText(html: string): string {
  return html.replace(/<[^<>]*>/g, '').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1))
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return basicEntities[name.toLowerCase()] ?? htmlEntities[name.toLowerCase()] ?? whole
  })
}

const basicEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** A title in one line, as text: control, zero-width-space and byte-order characters out, direction marks kept. */
export function cleanTitle(title: string): string {
  return htmlToText(title)
    .replace(/[\u200B\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The slug WordPress gave (percent-encoded when not ASCII), else the title's, else one from the id. */
export function baseSlug(item: { postName: string; title: string; postId: number; type: string }): string {
  let name = item.postName
  try {
    name = decodeURIComponent(name)
  } catch {}
  // The id only as a last resort, and made a slug too: a hand-made file may give '-5' or '1e21'.
  const slug = slugify(name) || slugify(cleanTitle(item.title)) || slugify(`${item.type} ${item.postId}`)
  return (slug || item.type).slice(0, 80).replace(/-+$/, '')
}

/** The path and query of an old permalink on the exported site, or null. */
export function oldPath(url: string): string | null {
  if (!url) return null
  try {
    const parsed = new URL(url, 'http://old.invalid')
    if (!/^https?:$/.test(parsed.protocol)) return null
    const query = parsed.search.match(/^\?(p|page_id)=(\d+)$/)
    if (parsed.pathname === '/' && query) return `/?${query[1]}=${query[2]}`
    return parsed.pathname === '/' ? null : parsed.pathname
  } catch {
    return null
  }
}
