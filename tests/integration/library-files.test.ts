import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { uploadQuotas } from '../../src/features/files/quota.ts'
import { addAttachment } from '../../src/features/library/attachments.ts'
import { extractPdfText } from '../../src/features/library/extract-pdf-text.ts'
import { itemForm } from '../../src/features/library/item-form.ts'
import { createItem } from '../../src/features/library/save-item.ts'
import { createPerson, type TestPerson } from '../support/factories.ts'
import { samplePdf } from '../support/fixtures/sample-files.ts'
import { Session, TEST_CSRF } from '../support/http.ts'
import { attachLibraryFile, createLibraryItem } from '../support/library-factories.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const itemFields = (fields: Record<string, string> = {}) => ({
  kind: 'briefing',
  title: 'Supplier survey',
  slug: '',
  summary: '',
  bodyMarkdown: 'What we found.',
  publishedOn: '',
  links: '',
  tags: '',
  focusIndustries: '',
  visibility: 'members',
  callDate: '',
  intent: 'publish',
  ...fields,
})

/** Posts an item form as the page does: multipart, with an optional file. */
function postItem(
  session: Session,
  path: string,
  fields: Record<string, string>,
  file?: { name: string; bytes: Uint8Array },
) {
  const form = new FormData()
  form.set('_csrf', TEST_CSRF)
  for (const [key, value] of Object.entries(fields)) form.set(key, value)
  if (file) form.set('attachment', new File([new Uint8Array(file.bytes)], file.name))
  return session.app.request(path, {
    method: 'POST',
    body: form,
    headers: { Origin: TEST_ORIGIN, Cookie: session.cookieHeader },
  })
}

describe(`a library item's files on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: Session
  let staffPerson: TestPerson

  const count = async (table: string) =>
    Number(
      (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]
        ?.n,
    )
  /** An item already holding as many files as it may. */
  const fullItem = async () => {
    const item = await createLibraryItem(database.db)
    for (let i = 0; i < uploadQuotas.libraryItem.files; i++) await attachLibraryFile(database.db, item.id)
    return item
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    t = await createTestApp(database)
    staffPerson = await createPerson(database.db, { role: 'staff' })
    staff = new Session(t.app)
    await signInAs(staff, database.db, t.auth, { email: staffPerson.email })
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('refuses a file an item has no room for before reading its text, and reads the text of one it has room for', async () => {
    const reads: number[] = []
    const readPdfText = (bytes: Uint8Array) => {
      reads.push(bytes.length)
      return extractPdfText(bytes)
    }
    const full = await fullItem()
    const pdf = { name: 'late.pdf', kind: 'pdf' as const, bytes: samplePdf('Too late') }
    await expect(
      addAttachment(database.db, 'system', { itemId: full.id, file: pdf, uploadedBy: null, readPdfText }),
    ).rejects.toThrow('one library item already has 10 files')
    expect(reads).toEqual([])

    const roomy = await createLibraryItem(database.db)
    const added = await addAttachment(database.db, 'system', {
      itemId: roomy.id,
      file: pdf,
      uploadedBy: null,
      readPdfText,
    })
    expect(added.textRead).toBe(true)
    expect(reads).toEqual([pdf.bytes.length])
  })

  it('writes a new item and its first file together: a file the database refuses leaves no item', async () => {
    const before = [await count('briefings'), await count('stored_files')]
    // An empty file: the upload check refuses it earlier; here stored_files' own check does.
    const empty = { name: 'empty.pdf', kind: 'pdf' as const, bytes: new Uint8Array() }
    await expect(
      createItem(database.db, 'system', {
        value: itemForm.parse(itemFields({ title: 'Never half saved' })),
        status: 'pending',
        personId: staffPerson.id,
        today: '2026-11-26',
        file: { ...empty, text: '', textRead: false },
      }),
    ).rejects.toThrow()
    expect([await count('briefings'), await count('stored_files')]).toEqual(before)
  })

  it('tells staff an item is full, keeping neither the file nor the edit', async () => {
    const full = await fullItem()
    const before = await count('stored_files')
    const res = await postItem(
      staff,
      `/staff/library/${full.id}`,
      itemFields({ title: 'Renamed while full', slug: full.slug, intent: 'save' }),
      { name: 'one-more.pdf', bytes: samplePdf('One more') },
    )
    expect(res.status).toBe(409)
    expect(await pageText(res)).toContain('The file was not added: one library item already has 10 files')
    expect(await count('stored_files')).toBe(before)
    const [row] = await queryRows<{ title: string }>(
      database.db,
      sql`select title from briefings where id = ${full.id}::uuid`,
    )
    expect(row?.title).toBe(full.title)
  })
})
