import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importsOf, importViolations, readProjectSources } from '../../scripts/import-rules.ts'

const rulesOf = (files: Record<string, string>) =>
  importViolations(new Map(Object.entries(files))).map((v) => `${v.rule} ${v.from} -> ${v.to}`)

describe('the layout import rules', () => {
  it('reads static, re-exported, side-effect and lazy imports across lines', () => {
    const source = [
      "import {\n  a,\n  b,\n} from '#src/lib/dates.ts'",
      "export { c } from './c.ts'",
      "import './side.ts'",
      "const { d } = await import('../seats/index.ts')",
      "import { z } from 'zod'",
    ].join('\n')
    expect(importsOf('src/features/calls/x.ts', source)).toEqual([
      'src/lib/dates.ts',
      'src/features/calls/c.ts',
      'src/features/calls/side.ts',
      'src/features/seats/index.ts',
    ])
  })

  it('refuses a deep import into another feature, from a feature or from the app', () => {
    expect(
      rulesOf({
        'src/features/calls/a.ts': "import { x } from '#src/features/seats/seats.ts'",
        'src/features/calls/b.ts':
          "import { y } from '#src/features/seats/index.ts'\nimport { z } from './a.ts'",
        'src/app.ts': "import { r } from '#src/features/calls/calls.routes.tsx'",
      }),
    ).toEqual([
      'no-deep-import src/features/calls/a.ts -> src/features/seats/seats.ts',
      'no-deep-import src/app.ts -> src/features/calls/calls.routes.tsx',
    ])
  })

  it("takes a feature's commands.ts as a public face, and refuses one from which a page is reached", () => {
    expect(
      rulesOf({
        'src/cli/grants.ts': "import { importExtract } from '#src/features/grants/commands.ts'",
        'src/features/grants/commands.ts': "export { importExtract } from './import-extract.ts'",
        'src/features/grants/import-extract.ts': "import { read } from './reader.ts'",
        'src/features/grants/reader.ts': '',
        'src/cli/news.ts': "import { x } from '#src/features/news/commands.ts'",
        'src/features/news/commands.ts': "export { x } from './x.ts'",
        'src/features/news/x.ts': "import { Page } from './page.tsx'",
        'src/features/news/page.tsx': '',
      }),
    ).toEqual(['commands-stay-light src/features/news/commands.ts -> src/features/news/page.tsx'])
  })

  it('refuses a kernel file that imports a feature or the app', () => {
    expect(
      rulesOf({
        'src/http/a.ts': "import type { T } from '#src/features/seats/index.ts'",
        'src/ui/b.tsx': "import { createApp } from '../app.ts'",
        'src/lib/c.ts': "import { d } from './d.ts'",
      }),
    ).toEqual([
      'kernel-imports-no-feature src/http/a.ts -> src/features/seats/index.ts',
      'kernel-imports-no-feature src/ui/b.tsx -> src/app.ts',
    ])
  })

  it('finds a cycle between features, even through a third one', () => {
    const found = importViolations(
      new Map(
        Object.entries({
          'src/features/a/x.ts': "import { b } from '../b/index.ts'",
          'src/features/b/y.ts': "import { c } from '../c/index.ts'",
          'src/features/c/z.ts': "import { a } from '../a/index.ts'",
          'src/features/d/w.ts': "import { a } from '../a/index.ts'",
        }),
      ),
    )
    expect(found.map((v) => [v.rule, v.message])).toEqual([
      ['no-feature-cycle', 'features import each other in a circle: a -> b -> c -> a'],
    ])
  })

  it('holds for the Hub itself', async () => {
    const sources = await readProjectSources(path.resolve(import.meta.dirname, '../..'))
    expect(sources.size).toBeGreaterThan(100)
    expect(importViolations(sources)).toEqual([])
  })
})
