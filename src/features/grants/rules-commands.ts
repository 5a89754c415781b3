import { eq, sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { grantRelevanceRules } from '#src/db/schema/index.ts'
import { isStateCode } from '#src/features/map/index.ts'
import { putSetting } from '#src/features/settings/index.ts'
import { eligibleApplicantNames, fundingCategoryNames } from './codes.ts'
import { listRules } from './funding-for.ts'
import { type RelevanceRule, type RuleKind, ruleKinds } from './relevance.ts'

/** A rule form as posted (every field a string) and what is wrong with it, by field. */
export type RuleFields = Record<
  'kind' | 'value' | 'weight' | 'onlyProgram' | 'onlyCategory' | 'onlyState',
  string
>
export type RuleErrors = Partial<Record<keyof RuleFields, string>>
export type RuleValues = Omit<RelevanceRule, 'onlyProgram' | 'onlyCategory' | 'onlyState'> &
  Required<Pick<RelevanceRule, 'onlyProgram' | 'onlyCategory' | 'onlyState'>>

const field = (form: Record<string, unknown>, name: keyof RuleFields) => {
  const value = form[name]
  return typeof value === 'string' ? value.trim() : ''
}

/** What is wrong with a rule's value for its kind, or undefined; the value as kept. */
export function ruleValueProblem(kind: RuleKind, given: string): { value: string; problem?: string } {
  const value = kind === 'keyword' ? given.replace(/\s+/g, ' ') : given.toUpperCase()
  switch (kind) {
    case 'funding_category':
      return fundingCategoryNames[value]
        ? { value }
        : { value, problem: 'Enter a funding category code of Grants.gov, such as BC, CD, ELT, RD or ST.' }
    case 'eligible_applicant':
      return /^\d{2}$/.test(value) && eligibleApplicantNames[value]
        ? { value }
        : {
            value,
            problem:
              'Enter a two-digit applicant code of Grants.gov, such as 00 (state governments) or 12 (nonprofits).',
          }
    case 'agency':
      return /^[A-Z0-9]{2,12}(-[A-Z0-9]{1,12}){0,3}$/.test(value)
        ? { value }
        : {
            value,
            problem: 'Enter an agency code as Grants.gov writes it, such as DOC, DOC-EDA or DOD-AFRL.',
          }
    case 'assistance_listing':
      return /^\d{2}\.\d{3}$/.test(value)
        ? { value }
        : { value, problem: 'Enter an assistance listing number as NN.NNN, such as 11.307.' }
    case 'keyword':
      return value.length >= 2 && value.length <= 60
        ? { value }
        : {
            value,
            problem: `Enter a keyword or phrase of 2 to 60 characters (this one has ${value.length}).`,
          }
    case 'focus_industry':
      return { value: '' }
  }
}

/** Reads a posted rule: the rule, or the fields as typed with what is wrong. */
export function readRuleForm(
  form: Record<string, unknown>,
  programs: readonly string[],
): { rule: RuleValues; errors: RuleErrors; fields: RuleFields } {
  const fields: RuleFields = {
    kind: field(form, 'kind'),
    value: field(form, 'value'),
    weight: field(form, 'weight'),
    onlyProgram: field(form, 'onlyProgram'),
    onlyCategory: field(form, 'onlyCategory'),
    onlyState: field(form, 'onlyState').toUpperCase(),
  }
  const errors: RuleErrors = {}
  const kind = ruleKinds.find((k) => k === fields.kind)
  if (!kind) errors.kind = 'Choose what the rule looks for.'
  const read = kind ? ruleValueProblem(kind, fields.value) : { value: fields.value }
  if (read.problem) errors.value = read.problem
  const weight = Number(fields.weight)
  if (!/^-?\d{1,2}$/.test(fields.weight) || !Number.isInteger(weight) || weight < -20 || weight > 20)
    errors.weight = 'Enter the weight as a whole number from -20 to 20 (negative pushes an opportunity down).'
  if (fields.onlyProgram && !programs.includes(fields.onlyProgram))
    errors.onlyProgram = 'Choose one of the designation programs, or every program.'
  if (fields.onlyCategory && fields.onlyCategory !== 'member' && fields.onlyCategory !== 'bff')
    errors.onlyCategory = 'Choose members, BFFs or every organisation.'
  if (fields.onlyState && !isStateCode(fields.onlyState))
    errors.onlyState = 'Enter a state as its two-letter code, such as OH, or leave it empty.'
  const rule: RuleValues = {
    kind: kind ?? 'keyword',
    value: read.value,
    weight,
    onlyProgram: fields.onlyProgram || null,
    onlyCategory:
      fields.onlyCategory === 'member' || fields.onlyCategory === 'bff' ? fields.onlyCategory : null,
    onlyState: fields.onlyState || null,
  }
  return { rule, errors, fields }
}

/** Adds a rule after the others. */
export async function addRule(db: Db, actor: Actor, rule: RuleValues): Promise<void> {
  await writeAs(db, actor, async (tx) => {
    const [last] = await tx
      .select({ position: sql<number>`coalesce(max(${grantRelevanceRules.position}), 0)::int` })
      .from(grantRelevanceRules)
    await tx.insert(grantRelevanceRules).values({ ...rule, position: (last?.position ?? 0) + 1 })
  })
}

/** Changes a rule; false when there is no such rule. */
export async function updateRule(db: Db, actor: Actor, id: string, rule: RuleValues): Promise<boolean> {
  const changed = await writeAs(db, actor, (tx) =>
    tx
      .update(grantRelevanceRules)
      .set(rule)
      .where(eq(grantRelevanceRules.id, id))
      .returning({ id: grantRelevanceRules.id }),
  )
  return changed.length > 0
}

export async function removeRule(db: Db, actor: Actor, id: string): Promise<boolean> {
  const removed = await writeAs(db, actor, (tx) =>
    tx
      .delete(grantRelevanceRules)
      .where(eq(grantRelevanceRules.id, id))
      .returning({ id: grantRelevanceRules.id }),
  )
  return removed.length > 0
}

/** Moves a rule one place up or down; the rules are numbered 1, 2, 3… again. */
export async function moveRule(db: Db, actor: Actor, id: string, direction: 'up' | 'down'): Promise<boolean> {
  return writeAs(db, actor, async (tx) => {
    const order = (await listRules(tx)).map((r) => r.id)
    const at = order.indexOf(id)
    const to = direction === 'up' ? at - 1 : at + 1
    if (at < 0) return false
    if (to < 0 || to >= order.length) return true
    ;[order[at], order[to]] = [order[to] ?? id, id]
    for (const [index, ruleId] of order.entries())
      await tx
        .update(grantRelevanceRules)
        .set({ position: index + 1 })
        .where(eq(grantRelevanceRules.id, ruleId))
    return true
  })
}

/** The match threshold as typed, or what is wrong with it. */
export function readThreshold(given: unknown): { value?: number; problem?: string } {
  const text = typeof given === 'string' ? given.trim() : ''
  const value = Number(text)
  return /^\d{1,3}$/.test(text) && value >= 1 && value <= 100
    ? { value }
    : { problem: 'Enter the threshold as a whole number from 1 to 100.' }
}

export async function saveThreshold(db: Db, actor: Actor, value: number): Promise<void> {
  await writeAs(db, actor, (tx) => putSetting(tx, 'grantsMatchThreshold', value))
}
