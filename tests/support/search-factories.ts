import { createHash, randomBytes } from 'node:crypto'
import { writeAs } from '../../src/db/actor.ts'
import type { Db } from '../../src/db/client.ts'
import {
  briefingAttachments,
  briefings,
  newsPosts,
  presentations,
  sitePages,
  storedFiles,
} from '../../src/db/schema/index.ts'

/** Content a search test builds for itself, inserted straight into the tables (published and public unless told). */
const unique = () => randomBytes(4).toString('hex')
type Visibility = 'public' | 'members'
type Status = 'draft' | 'scheduled' | 'published'
type Made = { id: string; slug: string; title: string }

/** A page of the site (at the top level unless a parent is given). */
export async function searchPage(
  db: Db,
  o: {
    title: string
    summary?: string
    body?: string
    status?: Status
    publishAt?: string | null
    visibility?: Visibility
    parentId?: string
    slug?: string
  },
): Promise<Made> {
  const status = o.status ?? 'published'
  const [row] = await writeAs(db, 'system', (tx) =>
    tx
      .insert(sitePages)
      .values({
        title: o.title,
        slug: o.slug ?? `page-${unique()}`,
        parentId: o.parentId ?? null,
        summary: o.summary ?? '',
        bodyMarkdown: o.body ?? '',
        status,
        publishAt: o.publishAt ?? (status === 'draft' ? null : '2026-01-05T15:00:00Z'),
        visibility: o.visibility ?? 'public',
      })
      .returning(),
  )
  if (!row) throw new Error('the page was not created')
  return { id: row.id, slug: row.slug, title: row.title }
}

/** A news post. */
export async function searchNewsPost(
  db: Db,
  o: {
    title: string
    summary?: string
    body?: string
    status?: Status
    publishAt?: string
    visibility?: Visibility
    tags?: string[]
  },
): Promise<Made> {
  const status = o.status ?? 'published'
  const [row] = await writeAs(db, 'system', (tx) =>
    tx
      .insert(newsPosts)
      .values({
        title: o.title,
        slug: `post-${unique()}`,
        summary: o.summary ?? '',
        bodyMarkdown: o.body ?? '',
        status,
        publishAt: o.publishAt ?? (status === 'draft' ? null : '2026-02-10T15:00:00Z'),
        visibility: o.visibility ?? 'public',
        tags: o.tags ?? [],
      })
      .returning(),
  )
  if (!row) throw new Error('the post was not created')
  return { id: row.id, slug: row.slug, title: row.title }
}

/** A library item (a briefing unless told), with an attachment whose extracted text is given. */
export async function searchLibraryItem(
  db: Db,
  o: {
    title: string
    summary?: string
    body?: string
    kind?: 'briefing' | 'resource'
    status?: 'draft' | 'pending' | 'published'
    visibility?: Visibility
    publishedOn?: string
    attachmentText?: string
    tags?: string[]
  },
): Promise<Made> {
  const [row] = await writeAs(db, 'system', (tx) =>
    tx
      .insert(briefings)
      .values({
        title: o.title,
        slug: `item-${unique()}`,
        kind: o.kind ?? 'briefing',
        summary: o.summary ?? '',
        bodyMarkdown: o.body ?? '',
        status: o.status ?? 'published',
        visibility: o.visibility ?? 'public',
        publishedOn: o.publishedOn ?? '2026-03-01',
        tags: o.tags ?? [],
      })
      .returning(),
  )
  if (!row) throw new Error('the library item was not created')
  if (o.attachmentText !== undefined) {
    const data = Buffer.from(`%PDF-1.4 ${unique()}`)
    const [file] = await writeAs(db, 'system', (tx) =>
      tx
        .insert(storedFiles)
        .values({
          name: 'attachment.pdf',
          contentType: 'application/pdf',
          size: data.length,
          sha256: createHash('sha256').update(data).digest('hex'),
          data,
        })
        .returning(),
    )
    if (!file) throw new Error('the file was not created')
    await writeAs(db, 'system', (tx) =>
      tx
        .insert(briefingAttachments)
        .values({ briefingId: row.id, fileId: file.id, extractedText: o.attachmentText }),
    )
  }
  return { id: row.id, slug: row.slug, title: row.title }
}

/** An organisation's presentation of `year` (given and public unless told). */
export async function searchPresentation(
  db: Db,
  organization: { id: string; slug: string },
  o: {
    title: string
    summary?: string
    year?: number
    status?: 'planned' | 'given'
    visibility?: Visibility
    topics?: string[]
  },
): Promise<Made> {
  const [row] = await writeAs(db, 'system', (tx) =>
    tx
      .insert(presentations)
      .values({
        organizationId: organization.id,
        year: o.year ?? 2026,
        status: o.status ?? 'given',
        title: o.title,
        summary: o.summary ?? '',
        visibility: o.visibility ?? 'public',
        topics: o.topics ?? [],
      })
      .returning(),
  )
  if (!row) throw new Error('the presentation was not created')
  return { id: row.id, slug: `${row.year}/${organization.slug}`, title: o.title }
}
