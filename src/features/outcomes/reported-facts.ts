import { and, asc, eq } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx } from '#src/db/client.ts'
import { type FactQualifier, type FactTopic, type MetricUnit, reportedFacts } from '#src/db/schema/index.ts'
import { AppError, refused } from '#src/lib/errors.ts'
import { formatAmount, MAX_AMOUNT } from '#src/lib/money.ts'
import { isWebAddress } from '#src/lib/web-address.ts'
import type { OutcomesBy } from './report-workflow.ts'

/** A figure taken from a document, as recorded: shown with its date and source, never summed. */
export type ReportedFact = {
  id: string
  topic: FactTopic
  label: string
  value: number
  unit: MetricUnit
  qualifier: FactQualifier
  asOf: string
  sourceTitle: string
  sourceUrl: string | null
}

export type ReportedFactInput = Omit<ReportedFact, 'id'>

const qualifierWords: Record<FactQualifier, string> = {
  exactly: '',
  over: 'over ',
  nearly: 'nearly ',
  more_than: 'more than ',
}

/** How a fact's value reads: '84', 'over 100', 'more than $140,000,000'. */
export const factValueText = (fact: Pick<ReportedFact, 'value' | 'unit' | 'qualifier'>): string =>
  `${qualifierWords[fact.qualifier]}${formatAmount(fact.value, fact.unit)}`

function checkFact(input: ReportedFactInput): ReportedFactInput {
  const label = input.label.trim()
  const sourceTitle = input.sourceTitle.trim()
  if (!label || label.length > 200)
    throw refused('label', 'Say what the figure counts, in at most 200 characters.')
  if (!Number.isSafeInteger(input.value) || input.value < 0 || input.value > MAX_AMOUNT) {
    throw refused('value', 'The value should be a whole amount of at least zero.')
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.asOf))
    throw refused('asOf', 'Give the date of the figure, like 2016-09-27.')
  if (!sourceTitle || sourceTitle.length > 300) throw refused('sourceTitle', 'Name the source document.')
  const sourceUrl = input.sourceUrl?.trim() || null
  if (sourceUrl && !isWebAddress(sourceUrl)) {
    throw refused('sourceUrl', 'The source link should be an address starting with https:// or http://.')
  }
  return { ...input, label, sourceTitle, sourceUrl }
}

/** Records a reported fact on an organisation (staff). */
export async function recordFact(db: Db, organizationId: string, input: ReportedFactInput, by: OutcomesBy) {
  if (!by.isStaff) throw new AppError('FORBIDDEN', { userMessage: 'Only staff record reported facts.' })
  const fact = checkFact(input)
  return writeAs(db, by.actor, async (tx) => {
    const [row] = await tx
      .insert(reportedFacts)
      .values({ organizationId, ...fact, recordedBy: by.personId })
      .returning({ id: reportedFacts.id })
    return row?.id ?? ''
  })
}

/** Removes a reported fact recorded in error (staff). */
export async function removeFact(db: Db, organizationId: string, factId: string, by: OutcomesBy) {
  if (!by.isStaff) throw new AppError('FORBIDDEN', { userMessage: 'Only staff remove reported facts.' })
  await writeAs(db, by.actor, (tx) =>
    tx
      .delete(reportedFacts)
      .where(and(eq(reportedFacts.id, factId), eq(reportedFacts.organizationId, organizationId))),
  )
}

/** An organisation's reported facts, oldest first. */
export async function listFacts(db: DbOrTx, organizationId: string): Promise<ReportedFact[]> {
  return db
    .select({
      id: reportedFacts.id,
      topic: reportedFacts.topic,
      label: reportedFacts.label,
      value: reportedFacts.value,
      unit: reportedFacts.unit,
      qualifier: reportedFacts.qualifier,
      asOf: reportedFacts.asOf,
      sourceTitle: reportedFacts.sourceTitle,
      sourceUrl: reportedFacts.sourceUrl,
    })
    .from(reportedFacts)
    .where(eq(reportedFacts.organizationId, organizationId))
    .orderBy(asc(reportedFacts.asOf), asc(reportedFacts.label))
}
