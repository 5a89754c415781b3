/**
 * Upload quotas: how many files, and how many bytes in all, one application's evidence, one
 * organisation's quarter of sharing and one library item may hold. Checked inside the transaction that stores the
 * file, after a lock, so that two uploads at once cannot both slip under the limit; a refusal
 * writes nothing.
 */
import { sql } from 'drizzle-orm'
import type { Tx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { AppError } from '#src/lib/errors.ts'
import { formatMegabytes } from './files.ts'

const MB = 1024 * 1024

export type Quota = { files: number; bytes: number }

/** The quotas, in one place. Each file is also at most MAX_FILE_BYTES (20 MB). */
export const uploadQuotas = {
  /** Evidence files of one member application (its draft, and answers to staff's questions). */
  applicationEvidence: { files: 20, bytes: 100 * MB },
  /**
   * Evidence files of one organisation's sharing records in one calendar quarter (of the date
   * shared): a record holds one file, so the limit is on the quarter the records report.
   */
  sharingEvidence: { files: 10, bytes: 50 * MB },
  /** The attachments of one library item (a briefing or resource). */
  libraryItem: { files: 10, bytes: 60 * MB },
} as const satisfies Record<string, Quota>

export type QuotaUse = { files: number; bytes: number }

/**
 * Why a file of `size` bytes may not be added to what `used` already holds, or undefined when
 * it may. `what` names the holder in the sentence ("this application").
 * @example quotaRefusal('this application', uploadQuotas.applicationEvidence, { files: 20, bytes: 0 }, 10)
 */
export function quotaRefusal(what: string, quota: Quota, used: QuotaUse, size: number): string | undefined {
  const limit = `the limit is ${quota.files} files and ${formatMegabytes(quota.bytes)} for ${what}`
  if (used.files + 1 > quota.files)
    return `The file was not added: ${what} already has ${used.files} files (${formatMegabytes(used.bytes)}), and ${limit}. Remove a file first.`
  if (used.bytes + size > quota.bytes)
    return `The file was not added: it is ${formatMegabytes(size)} and ${what} already has ${used.files} files using ${formatMegabytes(used.bytes)}; ${limit}.`
  return undefined
}

/** What the evidence files of one application hold; call after locking the application. */
export async function applicationEvidenceUse(tx: Tx, applicationId: string): Promise<QuotaUse> {
  const [row] = await queryRows<QuotaUse>(
    tx,
    sql`select count(f.id)::int as files, coalesce(sum(f.size), 0)::float8 as bytes
      from application_evidence e join stored_files f on f.id = e.file_id
      where e.application_id = ${applicationId}`,
  )
  return { files: Number(row?.files ?? 0), bytes: Number(row?.bytes ?? 0) }
}

/**
 * What the evidence files of an organisation's sharing records in the quarter of `sharedOn`
 * hold. Takes a lock on that organisation's sharing files until the transaction ends.
 */
export async function sharingEvidenceUse(
  tx: Tx,
  organizationId: string,
  sharedOn: string,
): Promise<QuotaUse> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sharing-files:${organizationId}`}))`)
  const [row] = await queryRows<QuotaUse>(
    tx,
    sql`select count(f.id)::int as files, coalesce(sum(f.size), 0)::float8 as bytes
      from sharing_attestations s join stored_files f on f.id = s.evidence_file_id
      where s.organization_id = ${organizationId}
        and date_trunc('quarter', s.shared_on) = date_trunc('quarter', ${sharedOn}::date)`,
  )
  return { files: Number(row?.files ?? 0), bytes: Number(row?.bytes ?? 0) }
}

/**
 * What the attachments of one library item hold. Takes a lock on that item's files until the
 * transaction ends.
 */
export async function libraryItemUse(tx: Tx, itemId: string): Promise<QuotaUse> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`library-files:${itemId}`}))`)
  const [row] = await queryRows<QuotaUse>(
    tx,
    sql`select count(f.id)::int as files, coalesce(sum(f.size), 0)::float8 as bytes
      from briefing_attachments a join stored_files f on f.id = a.file_id
      where a.briefing_id = ${itemId}::uuid`,
  )
  return { files: Number(row?.files ?? 0), bytes: Number(row?.bytes ?? 0) }
}

/** A file refused by a quota, for operations that throw rather than return a refusal. */
export class QuotaExceeded extends AppError {
  constructor(message: string) {
    super('CONFLICT', { userMessage: message })
  }
}
