import { asc, eq } from 'drizzle-orm'
import type { Context } from 'hono'
import { Hono } from 'hono'
import { designationPrograms, grantRelevanceRules } from '#src/db/schema/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { editorOf } from '#src/http/viewer.ts'
import { isUuid } from '#src/lib/ids.ts'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import { listRules } from './funding-for.ts'
import { EditRulePage, RulesPage } from './rules.views.tsx'
import {
  addRule,
  moveRule,
  type RuleErrors,
  type RuleFields,
  readRuleForm,
  readThreshold,
  removeRule,
  saveThreshold,
  updateRule,
} from './rules-commands.ts'

const noSuchRule = () => notFound('There is no such rule: it may have been removed.')
const flashes: Record<string, string> = {
  added: 'The rule is added.',
  saved: 'The rule is saved.',
  removed: 'The rule is removed.',
  moved: 'The rule is moved.',
  threshold: 'The threshold is saved.',
}

/** Staff edit the relevance rules and the match threshold (/staff/funding/rules). */
export function ruleRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const db = deps.database.db
  const actor = (c: Context<AppEnv>) => editorOf(c.get('viewer')).actor
  const programCodes = async () =>
    (
      await db
        .select({ code: designationPrograms.code })
        .from(designationPrograms)
        .orderBy(asc(designationPrograms.code))
    ).map((p) => p.code)

  const page = async (
    c: Context<AppEnv>,
    options: {
      flash?: FlashMessage
      add?: { fields: RuleFields; errors: RuleErrors }
      thresholdError?: string
    } = {},
  ) => {
    const [rules, settings, programs] = await Promise.all([listRules(db), getSettings(db), programCodes()])
    const invalid = Boolean(options.thresholdError) || Object.keys(options.add?.errors ?? {}).length > 0
    return renderPage(
      c,
      <RulesPage rules={rules} threshold={settings.grantsMatchThreshold} programs={programs} {...options} />,
      { status: invalid ? 400 : 200 },
    )
  }

  app.get('/staff/funding/rules', requirePermission('site:manage'), (c) => {
    const text = flashes[c.req.query('done') ?? '']
    return page(c, { flash: text ? { text } : undefined })
  })

  app.post('/staff/funding/rules', requirePermission('site:manage'), async (c) => {
    const read = readRuleForm(await c.req.parseBody(), await programCodes())
    if (Object.keys(read.errors).length > 0) return page(c, { add: read })
    await addRule(db, actor(c), read.rule)
    return c.redirect('/staff/funding/rules?done=added', 303)
  })

  app.post('/staff/funding/threshold', requirePermission('site:manage'), async (c) => {
    const read = readThreshold((await c.req.parseBody()).threshold)
    if (read.value === undefined) return page(c, { thresholdError: read.problem })
    await saveThreshold(db, actor(c), read.value)
    return c.redirect('/staff/funding/rules?done=threshold', 303)
  })

  const ruleId = (c: Context<AppEnv>) => {
    const id = c.req.param('id') ?? ''
    if (!isUuid(id)) throw noSuchRule()
    return id
  }

  app.get('/staff/funding/rules/:id', requirePermission('site:manage'), async (c) => {
    const [rule] = await db
      .select()
      .from(grantRelevanceRules)
      .where(eq(grantRelevanceRules.id, ruleId(c)))
    if (!rule) throw noSuchRule()
    const fields: RuleFields = {
      kind: rule.kind,
      value: rule.value,
      weight: String(rule.weight),
      onlyProgram: rule.onlyProgram ?? '',
      onlyCategory: rule.onlyCategory ?? '',
      onlyState: rule.onlyState ?? '',
    }
    return renderPage(
      c,
      <EditRulePage id={rule.id} fields={fields} errors={{}} programs={await programCodes()} />,
    )
  })

  app.post('/staff/funding/rules/:id', requirePermission('site:manage'), async (c) => {
    const id = ruleId(c)
    const programs = await programCodes()
    const read = readRuleForm(await c.req.parseBody(), programs)
    if (Object.keys(read.errors).length > 0)
      return renderPage(
        c,
        <EditRulePage id={id} fields={read.fields} errors={read.errors} programs={programs} />,
        {
          status: 400,
        },
      )
    if (!(await updateRule(db, actor(c), id, read.rule))) throw noSuchRule()
    return c.redirect('/staff/funding/rules?done=saved', 303)
  })

  app.post('/staff/funding/rules/:id/delete', requirePermission('site:manage'), async (c) => {
    if (!(await removeRule(db, actor(c), ruleId(c)))) throw noSuchRule()
    return c.redirect('/staff/funding/rules?done=removed', 303)
  })

  app.post('/staff/funding/rules/:id/move', requirePermission('site:manage'), async (c) => {
    const direction = (await c.req.parseBody()).direction === 'up' ? 'up' : 'down'
    if (!(await moveRule(db, actor(c), ruleId(c), direction))) throw noSuchRule()
    return c.redirect('/staff/funding/rules?done=moved', 303)
  })

  return app
}
