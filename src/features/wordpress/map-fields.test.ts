import { describe, expect, it } from 'vitest'
import { baseSlug, htmlToText, itemInstant } from './map-fields.ts'
import { mapRow } from './map-row.ts'
import type { PlannedEntry } from './plan.ts'
import { emptyItem } from './wxr-item-fields.ts'

const ZONE = 'America/New_York'
const dates = (postDateGmt: string, postDate = '', pubDate = '') => ({ postDateGmt, postDate, pubDate })

describe("an imported item's date", () => {
  it('is post_date_gmt when that is a real date and time', () => {
    expect(itemInstant(dates('2016-05-12 14:30:00', '2016-05-12 10:30:00'), ZONE)).toBe(
      '2016-05-12T14:30:00.000Z',
    )
  })

  it("passes over a date the calendar does not have (MySQL keeps '2019-02-29' and '2020-13-45')", () => {
    // The local date in the network's zone, then pubDate, then none: never a date PostgreSQL refuses.
    expect(itemInstant(dates('2019-02-29 10:00:00', '2019-03-01 05:00:00'), ZONE)).toBe(
      '2019-03-01T10:00:00.000Z',
    )
    expect(
      itemInstant(
        dates('2020-13-45 25:61:61', '2020-13-45 25:61:61', 'Thu, 02 Jan 2020 03:04:05 +0000'),
        ZONE,
      ),
    ).toBe('2020-01-02T03:04:05.000Z')
    expect(itemInstant(dates('0000-00-00 00:00:00', '0000-00-00 00:00:00'), ZONE)).toBeNull()
    expect(itemInstant(dates('2020-01-02 24:00:00', '2020-04-31 09:00:00'), ZONE)).toBeNull()
  })
})

describe("an imported item's slug", () => {
  it("is made from the id only as a last resort, and then is still a slug ('-5' and '1e21' included)", () => {
    const item = { postName: '', title: '', type: 'post' }
    expect(baseSlug({ ...item, postId: 5 })).toBe('post-5')
    expect(baseSlug({ ...item, postId: -5 })).toBe('post-5')
    expect(baseSlug({ ...item, postId: 1e21 })).toBe('post-1e-21')
    expect(baseSlug({ ...item, postName: '%d9%85%d8%b1%d9%83%d8%b2', title: 'Hello there', postId: 9 })).toBe(
      'hello-there',
    )
  })
})

describe("an imported page's menu order", () => {
  it('is kept within what WordPress keeps (a MySQL int), with a warning when the file says more', () => {
    const warnings: string[] = []
    const ctx = {
      timeZone: ZONE,
      attachments: new Map(),
      authors: new Map(),
      warn: (m: string) => warnings.push(m),
    }
    const entry = { kind: 'page', importKey: 'wp:example.org:1', navPosition: null } as PlannedEntry
    const page = (menuOrder: number) =>
      mapRow(
        { ...emptyItem(), postId: 1, status: 'publish', postDateGmt: '2020-01-02 03:04:05', menuOrder },
        entry,
        ctx,
      )
    expect(page(7).navOrder).toBe(7)
    expect(warnings).toEqual([])
    expect(page(99_999_999_999).navOrder).toBe(2_147_483_647)
    expect(page(-99_999_999_999).navOrder).toBe(-2_147_483_647)
    expect(warnings[0]).toBe(
      'page 1: its menu order 99999999999 is not a whole number WordPress keeps; it is 2147483647.',
    )
  })

  it("is its place in the site's menu when the navigation follows one", () => {
    const ctx = { timeZone: ZONE, attachments: new Map(), authors: new Map(), warn: () => {} }
    const inMenu = { kind: 'page', importKey: 'wp:example.org:1', navPosition: 3 } as PlannedEntry
    const item = {
      ...emptyItem(),
      postId: 1,
      status: 'publish',
      postDateGmt: '2020-01-02 03:04:05',
      menuOrder: 9,
    }
    expect(mapRow(item, inMenu, ctx).navOrder).toBe(3)
  })
})

describe('a title or name stored as HTML, read as text', () => {
  it('drops tags and reads entities', () => {
    expect(htmlToText('Caf&eacute; <em>&amp;</em> Partners&#8217; day')).toBe('Café & Partners’ day')
  })

  it("keeps '<' that opens no tag, in one pass however many there are", () => {
    // A pattern that looked for each '<' its '>' to the end of the text took minutes on this.
    const title = `${'<'.repeat(60_000)}b>bold`
    expect(htmlToText(title)).toBe(`${'<'.repeat(59_999)}bold`)
  })
})
