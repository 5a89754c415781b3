import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>
}

describe('the package.json scripts', () => {
  it.each(Object.entries(scripts))('%s names only files and scripts that exist', (_name, command) => {
    const files = command.match(/[\w./-]+\.(?:ts|js|sh|cjs|mjs)\b/g) ?? []
    for (const file of files) expect(existsSync(path.join(root, file)), `${file} is missing`).toBe(true)
    const runs = [...command.matchAll(/npm run (?:-s )?([\w:-]+)/g)].map((m) => m[1] as string)
    for (const run of runs) expect(Object.keys(scripts), `npm run ${run} has no script`).toContain(run)
  })

  it('has CI run the steps of validate, so nothing validate checks is skipped', () => {
    const ci = readFileSync(path.join(root, '.ci/run'), 'utf8')
    expect(scripts.validate).toBeDefined()
    // .ci/run reads the steps from package.json itself rather than keeping a second list.
    expect(ci).toContain('scripts.validate')
  })
})
