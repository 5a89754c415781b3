import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx } from '#src/db/client.ts'
import { type ReminderKind, reminderKinds } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { checkForm } from '#src/http/form.ts'

export { type ReminderKind, reminderKinds }

export type ReminderChoices = Record<ReminderKind, boolean>

/**
 * Without a row the default holds: the call of tomorrow, the weekly digest and the changes to calls
 * are asked for; the warnings come unasked.
 */
export const REMINDER_DEFAULTS: Readonly<ReminderChoices> = {
  call_tomorrow: false,
  at_risk: true,
  sharing_due: true,
  presentation_unplanned: true,
  weekly_digest: false,
  presentation_slot: true,
  call_changes: false,
  funding_digest: false,
}

/** The kinds about an organisation's obligations (sent to seat holders only), and the news kinds (to anyone). */
export const obligationKinds = reminderKinds.filter((k) => k !== 'weekly_digest')
export const newsKinds = ['weekly_digest'] as const satisfies readonly ReminderKind[]

/** What each kind is called on the preferences page and in the emails' footer. */
export const reminderKindLabels: Record<ReminderKind, string> = {
  call_tomorrow: 'The national call is tomorrow',
  at_risk: 'Your organisation is at risk of missing its obligations',
  sharing_due: 'A quarter is ending without a sharing record',
  presentation_unplanned: 'No presentation slot yet this year',
  weekly_digest: 'The weekly digest of news, briefings and resources',
  presentation_slot: 'Your organisation’s presentation slot is planned or moved',
  call_changes: 'A national call is cancelled, moved or added',
  funding_digest: 'Federal funding that fits your organisation',
}

/** When each kind is sent, and to whom. */
export const reminderKindHints: Record<ReminderKind, string> = {
  call_tomorrow: 'The day before each national call (not cancelled ones). Off unless you turn it on.',
  at_risk: 'Once a year, when your organisation’s obligations status becomes “at risk”, with the reasons.',
  sharing_due:
    'Two weeks before the end of a quarter in which your organisation has not recorded a sharing action.',
  presentation_unplanned:
    'From April, when your organisation has no presentation planned on a call for the year.',
  weekly_digest:
    'On Mondays, what was published the week before that you may read. No email in a week with nothing new. Off unless you turn it on.',
  presentation_slot:
    'When staff place your organisation’s presentation on a call, or move it to another call: the call’s date.',
  call_changes:
    'When staff cancel a call, move it to another day or time, or add an extra call: the call’s date, time and how to join. Off unless you turn it on.',
  funding_digest:
    'On Mondays, the federal opportunities new in the week before that fit your organisation, and those that close in the next 14 days. No email in a week with none. Off unless you turn it on.',
}

export const isReminderKind = (value: string): value is ReminderKind =>
  (reminderKinds as readonly string[]).includes(value)

/** A person's choice for one kind: their row when they made one, otherwise the default. */
export const isReminderEnabled = (saved: Partial<ReminderChoices> | undefined, kind: ReminderKind): boolean =>
  saved?.[kind] ?? REMINDER_DEFAULTS[kind]

/** The choices people saved, by person (only the kinds they saved; see isReminderEnabled). */
export async function loadSavedChoices(
  db: DbOrTx,
  personIds: readonly string[],
): Promise<Map<string, Partial<ReminderChoices>>> {
  const saved = new Map<string, Partial<ReminderChoices>>()
  if (personIds.length === 0) return saved
  const rows = await queryRows<{ person_id: string; kind: ReminderKind; enabled: boolean }>(
    db,
    sql`select person_id, kind, enabled from reminder_preferences
      where person_id in (${sql.join(
        [...new Set(personIds)].map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
  )
  for (const row of rows) {
    const choices = saved.get(row.person_id) ?? {}
    choices[row.kind] = row.enabled
    saved.set(row.person_id, choices)
  }
  return saved
}

/** Every kind for one person, defaults filled in. */
export async function choicesOf(db: DbOrTx, personId: string): Promise<ReminderChoices> {
  const saved = (await loadSavedChoices(db, [personId])).get(personId)
  return Object.fromEntries(reminderKinds.map((k) => [k, isReminderEnabled(saved, k)])) as ReminderChoices
}

/**
 * Saves some of a person's choices in one transaction, recorded against the person (who chose
 * on their account page, or through the signed link of an email). Unchanged rows are not written.
 */
export async function saveChoices(
  db: Db,
  personId: string,
  choices: Partial<ReminderChoices>,
): Promise<void> {
  const entries = Object.entries(choices) as [ReminderKind, boolean][]
  if (entries.length === 0) return
  await writeAs(db, `person:${personId}`, async (tx) => {
    for (const [kind, enabled] of entries)
      await tx.execute(
        sql`insert into reminder_preferences (person_id, kind, enabled) values (${personId}, ${kind}, ${enabled})
          on conflict (person_id, kind) do update set enabled = excluded.enabled, updated_at = hub_now()
          where reminder_preferences.enabled is distinct from excluded.enabled`,
      )
  })
}

/** The people who turned a kind on themselves (for a kind that is off by default: everyone who gets it). */
export async function peopleWhoTurnedOn(db: DbOrTx, kind: ReminderKind): Promise<string[]> {
  const rows = await queryRows<{ person_id: string }>(
    db,
    sql`select person_id from reminder_preferences where kind = ${kind} and enabled order by person_id`,
  )
  return rows.map((r) => r.person_id)
}

/** Whether a person record exists (an unsubscribe link may outlive its person). */
export async function personExists(db: DbOrTx, personId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(db, sql`select id from people where id = ${personId}::uuid`)
  return rows.length > 0
}

export type ChoicesForm = { choices: ReminderChoices; errors: Partial<Record<ReminderKind, string>> }

/** One checkbox: `on` when ticked, left out (or empty) when not; any other value is refused. */
const checkbox = (kind: ReminderKind) =>
  z
    .string()
    .optional()
    .refine(
      (value) => value === undefined || value === '' || value === 'on',
      `“${reminderKindLabels[kind]}” is a checkbox: ticked (on) or not ticked, nothing else.`,
    )

/** The preferences form: one checkbox a kind. */
export const choicesForm = z.object(
  Object.fromEntries(reminderKinds.map((kind) => [kind, checkbox(kind)])) as Record<
    ReminderKind,
    ReturnType<typeof checkbox>
  >,
)

/**
 * The preferences form read: a kind is on when its box was sent with any value; a value other
 * than `on` is refused for that kind (the ticks as sent are kept to show the form again).
 */
export function readChoicesForm(fields: Record<string, string>): ChoicesForm {
  const checked = checkForm(choicesForm, fields)
  const choices = {} as ReminderChoices
  for (const kind of reminderKinds) choices[kind] = fields[kind] !== undefined && fields[kind] !== ''
  return { choices, errors: checked.ok ? {} : checked.errors }
}
