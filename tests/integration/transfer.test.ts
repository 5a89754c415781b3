import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { storeFile } from '../../src/features/files/files.ts'
import { exportNetworkText } from '../../src/features/transfer/export-network.ts'
import { CHUNK_BYTES, textSource } from '../../src/features/transfer/format.ts'
import { importNetwork, verifyExport } from '../../src/features/transfer/import-network.ts'
import { countContentRows } from '../../src/features/transfer/tables.ts'
import { exportedRows, exportLines, sealExport } from '../support/export-document.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

/** A PDF of `size` bytes that no compression shrinks. */
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)])

describe(`export and import on ${testEngine}`, () => {
  let source: TestDatabase
  let exported: string
  const bigFile = pdf(CHUNK_BYTES * 2 + 1234)

  beforeAll(async () => {
    source = await createTestDatabase()
    await loadDemo(source.db, { isProduction: false, today: DEMO_TODAY })
    await source.db.transaction((tx) =>
      storeFile(tx, { name: 'plan.pdf', kind: 'pdf', bytes: bigFile, uploadedBy: null }),
    )
    // A page under a parent whose id sorts after its own, with more than a batch of pages between
    // them: rows are exported in key order, so the child is inserted a batch before its parent
    // and the import must still satisfy the self-reference.
    await source.db.execute(
      sql`insert into site_pages (id, slug, title) select ('10000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, 'filler-' || n, 'Filler ' || n from generate_series(1, 600) n`,
    )
    await source.db.execute(
      sql`insert into site_pages (id, parent_id, slug, title) values ('ffffffff-0000-4000-8000-000000000001', null, 'transfer-parent', 'Parent'), ('00000000-0000-4000-8000-000000000001', 'ffffffff-0000-4000-8000-000000000001', 'transfer-child', 'Child')`,
    )
    exported = await exportNetworkText(source.db)
  })
  afterAll(async () => {
    await source.drop()
  })

  it('exports every table of the network with its rows, and a closing line that counts them', () => {
    const tables = exportedRows(exported)
    expect(tables.organizations?.length).toBeGreaterThan(30)
    expect(tables.calls).toHaveLength(52)
    expect(tables.attendance?.length).toBeGreaterThan(500)
    expect(Object.keys(tables)).not.toContain('content_version')
    const [tag, trailer] = JSON.parse(exportLines(exported).at(-1) ?? '') as [
      string,
      { tables: { table: string; rows: number }[] },
    ]
    expect(tag).toBe('end')
    expect(trailer.tables.find((t) => t.table === 'calls')?.rows).toBe(52)
  })

  it('writes a stored file as chunks of its own, never as one line', () => {
    const lines = exportLines(exported)
    const chunks = lines.filter((line) => line.startsWith('["bytes","data",'))
    expect(chunks).toHaveLength(3)
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThan(CHUNK_BYTES * 1.4)
    const file = exportedRows(exported).stored_files?.find((row) => row.name === 'plan.pdf')
    expect(file?.data).toBe(bigFile.length)
  })

  it('imports into an empty database, keeps the file byte for byte, and exports the same document again', async () => {
    const target = await createTestDatabase()
    try {
      const counts = await importNetwork(target.db, textSource(exported))
      expect(counts.calls).toBe(52)
      expect(await exportNetworkText(target.db)).toBe(exported)
      const [file] = await queryRows<{ sha: string }>(
        target.db,
        sql`select encode(sha256(data), 'hex') as sha from stored_files where name = 'plan.pdf'`,
      )
      expect(file?.sha).toBe(createHash('sha256').update(bigFile).digest('hex'))
      const [child] = await queryRows<{ parent: string }>(
        target.db,
        sql`select parent_id as parent from site_pages where slug = 'transfer-child'`,
      )
      expect(child?.parent).toBe('ffffffff-0000-4000-8000-000000000001')
    } finally {
      await target.drop()
    }
  })

  it('refuses to import into a database that has data, and changes nothing', async () => {
    const before = await countContentRows(source.db)
    await expect(importNetwork(source.db, textSource(exported))).rejects.toThrow(/not empty.*organizations/)
    expect(await countContentRows(source.db)).toEqual(before)
  })

  it('imports nothing when one row breaks a rule of the database', async () => {
    const target = await createTestDatabase()
    try {
      const lines = exportLines(exported).slice(0, -1)
      const start = lines.indexOf('["table","calls"]')
      const row = JSON.parse(lines[start + 1] ?? '') as Record<string, unknown>
      lines[start + 1] = JSON.stringify({ ...row, duration_minutes: -5 })
      await expect(importNetwork(target.db, textSource(sealExport(lines)))).rejects.toThrow(
        /cannot import calls.*nothing was imported/,
      )
      expect(await countContentRows(target.db)).toEqual(
        Object.fromEntries(Object.keys(await countContentRows(target.db)).map((name) => [name, 0])),
      )
    } finally {
      await target.drop()
    }
  })

  describe('refuses a document that is not whole, naming what is wrong', () => {
    const lines = () => exportLines(exported)
    const refused = (text: string) => expect(verifyExport(textSource(text))).rejects

    it('a file whose last lines were cut', async () => {
      await refused(`${lines().slice(0, -40).join('\n')}\n`).toThrow(
        /the export is cut short: no closing line after line \d+/,
      )
      await refused(exported.slice(0, -10)).toThrow(
        /the export is cut short: its last line \(\d+\) has no end/,
      )
    })

    it("a table's lines removed", async () => {
      const all = lines()
      const start = all.indexOf('["table","seats"]')
      let end = start + 1
      while (all[end]?.startsWith('{')) end += 1
      const seats = end - start - 1
      expect(seats).toBeGreaterThan(10)
      await refused(`${[...all.slice(0, start), ...all.slice(end)].join('\n')}\n`).toThrow(
        `table seats: ${seats} rows announced, 0 found`,
      )
      await refused(`${[...all.slice(0, start + 1), ...all.slice(start + 6)].join('\n')}\n`).toThrow(
        `table seats: ${seats} rows announced, ${seats - 5} found`,
      )
    })

    it('a row altered', async () => {
      await refused(exported.replace('"Advanced', '"Advancing')).toThrow(
        /table organizations: its lines do not match their SHA-256/,
      )
    })

    it('a wrong header, another schema, an unknown column', async () => {
      const [header, ...rest] = lines()
      await refused(`{"format":"something-else"}\n${rest.join('\n')}\n`).toThrow(
        'not a Collaborative Hub export: line 1 is not its header',
      )
      await refused(exported.replace(/"schema":"[^"]+"/, '"schema":"0000_other"')).toThrow(
        /made with schema 0000_other/,
      )
      await refused(exported.replace('"version":2', '"version":1')).toThrow(/format version 1/)
      const body = lines().slice(0, -1)
      const org = body.indexOf('["table","organizations"]') + 1
      body[org] = (body[org] ?? '').replace(/^\{/, '{"secret":1,')
      await refused(sealExport(body)).toThrow(
        /table organizations row 1 has columns this Hub does not know: secret/,
      )
      expect(header).toContain('"version":2')
    })

    it('an empty file, and random bytes', async () => {
      await refused('').toThrow('the file is empty')
      const noise = randomBytes(64 * 1024)
      await expect(
        verifyExport(async function* () {
          yield noise
        }),
      ).rejects.toThrow(/line 1 is (not JSON|longer)|cut short/)
    })
  })
})
