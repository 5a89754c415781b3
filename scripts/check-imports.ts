import path from 'node:path'
import { importViolations, readProjectSources } from './import-rules.ts'

/** `npm run lint` runs this: the layout's import rules over src/ (scripts/import-rules.ts). */
const sources = await readProjectSources(path.resolve(import.meta.dirname, '..'))
const violations = importViolations(sources)
for (const v of violations) console.error(`${v.rule}: ${v.from} -> ${v.to}: ${v.message}`)
console.log(`import rules: ${sources.size} files, ${violations.length} violation(s)`)
process.exitCode = violations.length > 0 ? 1 : 0
