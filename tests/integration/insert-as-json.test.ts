import { asc, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertAsJson } from '../../src/db/insert-as-json.ts'
import { newsPosts } from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

describe(`rows inserted as one jsonb parameter on ${testEngine}`, () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(async () => {
    await database.drop()
  })

  it('writes every given column as its type, defaults and generated columns for the rest', async () => {
    await insertAsJson(database.db, newsPosts, [
      {
        slug: 'json-one',
        title: 'Café “quotes” \\ back\\slash',
        bodyMarkdown: 'Semiconductor apprenticeships in the region.\nمركز',
        status: 'scheduled',
        publishAt: '2026-03-02T15:30:00.000Z',
        tags: ['robotics', 'a "quoted", tag'],
        categories: [],
      },
      {
        slug: 'json-two',
        title: 'Second',
        bodyMarkdown: '',
        status: 'draft',
        publishAt: null,
        tags: [],
        categories: [],
      },
    ])
    const rows = await database.db
      .select({
        slug: newsPosts.slug,
        title: newsPosts.title,
        bodyMarkdown: newsPosts.bodyMarkdown,
        status: newsPosts.status,
        publishAt: newsPosts.publishAt,
        tags: newsPosts.tags,
        categories: newsPosts.categories,
        visibility: newsPosts.visibility,
      })
      .from(newsPosts)
      .orderBy(asc(newsPosts.slug))
    expect(rows).toEqual([
      {
        slug: 'json-one',
        title: 'Café “quotes” \\ back\\slash',
        bodyMarkdown: 'Semiconductor apprenticeships in the region.\nمركز',
        status: 'scheduled',
        publishAt: expect.stringMatching(/^2026-03-02 15:30:00\+00/),
        tags: ['robotics', 'a "quoted", tag'],
        categories: [],
        visibility: 'public',
      },
      {
        slug: 'json-two',
        title: 'Second',
        bodyMarkdown: '',
        status: 'draft',
        publishAt: null,
        tags: [],
        categories: [],
        visibility: 'public',
      },
    ])
    // The generated search column was built from the inserted text.
    const [found] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from news_posts where search_vector @@ to_tsquery('english', 'apprenticeship')`,
    )
    expect(found?.n).toBe(1)
  })

  it('writes nothing for no rows, and nothing at all when one row breaks a rule', async () => {
    await insertAsJson(database.db, newsPosts, [])
    // A row that leaves a column out would write null where the column has a default.
    const shorter = { slug: 'json-five' } as typeof newsPosts.$inferInsert
    await expect(
      insertAsJson(database.db, newsPosts, [{ slug: 'json-four', title: 'Four' }, shorter]),
    ).rejects.toThrow('gives the same columns: slug, title')
    const misspelt = { slug: 'json-six', title: 'Six', bodyMarkdwn: 'lost' } as typeof newsPosts.$inferInsert
    await expect(insertAsJson(database.db, newsPosts, [misspelt])).rejects.toThrow(
      'news_posts has no column bodyMarkdwn: nothing inserted',
    )
    await expect(
      insertAsJson(database.db, newsPosts, [
        { slug: 'json-three', title: 'Fine' },
        { slug: 'json-one', title: 'Taken slug' },
      ]),
    ).rejects.toThrow()
    const [left] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from news_posts where slug = 'json-three'`,
    )
    expect(left?.n).toBe(0)
  })
})
