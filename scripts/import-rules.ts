import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * The import rules of the Hub's layout (docs/ARCHITECTURE.md, "Layout and import rules"):
 * - the kernel (src/http, src/ui, src/lib, src/db) never imports a feature, the app, the server or the CLI;
 * - a feature uses another feature only through that feature's index.ts, and so do src/app.ts,
 *   src/server.ts and src/cli/; a feature may also offer commands.ts, the face a command uses to
 *   stay light, from which no page (.tsx) can be reached;
 * - the feature folders form a graph without cycles.
 * Pure: takes each file's path (relative to the project, with forward slashes) and its source.
 */
export type Violation = { rule: string; from: string; to: string; message: string }

const KERNEL = /^src\/(http|ui|lib|db)\//
const ROOT = /^src\/(app\.ts|server\.ts|cli\/)/
const featureOf = (file: string) => /^src\/features\/([^/]+)\//.exec(file)?.[1]
const isPublicFace = (file: string, feature: string) =>
  file === `src/features/${feature}/index.ts` || file === `src/features/${feature}/commands.ts`
const COMMANDS_FACE = /^src\/features\/[^/]+\/commands\.ts$/

// `import … from 'x'`, `export … from 'x'`, `import 'x'` and `import('x')`, across line breaks.
const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"\n]+)\1/g

/** The project files a source imports (only '#src/…' and relative specifiers: packages are not ours). */
export function importsOf(file: string, source: string): string[] {
  const found: string[] = []
  for (const match of source.matchAll(SPECIFIERS)) {
    const spec = match[2] ?? ''
    if (spec.startsWith('#src/')) found.push(`src/${spec.slice(5)}`)
    else if (spec.startsWith('.'))
      found.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)))
  }
  return found
}

export function importViolations(sources: ReadonlyMap<string, string>): Violation[] {
  const violations: Violation[] = []
  const featureEdges = new Map<string, Map<string, string>>()
  for (const [from, source] of sources) {
    const fromFeature = featureOf(from)
    for (const to of importsOf(from, source)) {
      const toFeature = featureOf(to)
      if (KERNEL.test(from) && (toFeature || ROOT.test(to)))
        violations.push({
          rule: 'kernel-imports-no-feature',
          from,
          to,
          message: 'the kernel cannot import a feature, the app or the CLI',
        })
      if (!toFeature || toFeature === fromFeature) continue
      if (!isPublicFace(to, toFeature) && (fromFeature || ROOT.test(from)))
        violations.push({
          rule: 'no-deep-import',
          from,
          to,
          message: `use src/features/${toFeature}/index.ts or its commands.ts (export what you need there)`,
        })
      if (fromFeature) {
        const edges = featureEdges.get(fromFeature) ?? new Map<string, string>()
        if (!edges.has(toFeature)) edges.set(toFeature, `${from} -> ${to}`)
        featureEdges.set(fromFeature, edges)
      }
    }
  }
  for (const [face, page] of pagesReachedFromCommandFaces(sources))
    violations.push({
      rule: 'commands-stay-light',
      from: face,
      to: page,
      message: 'a commands.ts face must not lead to pages: a command would load the web app',
    })
  for (const cycle of featureCycles(featureEdges))
    violations.push({
      rule: 'no-feature-cycle',
      from: cycle[0] ?? '',
      to: cycle.at(-1) ?? '',
      message: `features import each other in a circle: ${cycle.join(' -> ')}`,
    })
  return violations
}

/** For each commands.ts face, the first page (.tsx) it reaches through any chain of imports. */
function pagesReachedFromCommandFaces(sources: ReadonlyMap<string, string>): [string, string][] {
  const found: [string, string][] = []
  for (const face of [...sources.keys()].filter((file) => COMMANDS_FACE.test(file)).sort()) {
    const seen = new Set([face])
    const queue = [face]
    let page: string | undefined
    while (queue.length > 0 && !page) {
      const file = queue.shift() as string
      for (const next of importsOf(file, sources.get(file) ?? '')) {
        if (seen.has(next)) continue
        seen.add(next)
        if (next.endsWith('.tsx')) page = next
        else if (sources.has(next)) queue.push(next)
      }
    }
    if (page) found.push([face, page])
  }
  return found
}

/** Each cycle between features once, as the chain of features (first repeated at the end). */
function featureCycles(edges: Map<string, Map<string, string>>): string[][] {
  const cycles: string[][] = []
  const seen = new Set<string>()
  const state = new Map<string, 'open' | 'done'>()
  const walk = (feature: string, trail: string[]) => {
    state.set(feature, 'open')
    for (const next of edges.get(feature)?.keys() ?? []) {
      if (state.get(next) === 'open') {
        const cycle = [...trail.slice(trail.indexOf(next)), feature, next].filter(
          (f, i, all) => i === 0 || f !== all[i - 1],
        )
        const key = [...new Set(cycle)].sort().join(',')
        if (!seen.has(key)) {
          cycles.push(cycle)
          seen.add(key)
        }
      } else if (!state.has(next)) walk(next, [...trail, feature])
    }
    state.set(feature, 'done')
  }
  for (const feature of [...edges.keys()].sort()) if (!state.has(feature)) walk(feature, [])
  return cycles
}

/** Every source file under src/ of the project at `root` (tests left out: they may reach into a feature). */
export async function readProjectSources(root: string): Promise<Map<string, string>> {
  const files = (await readdir(path.join(root, 'src'), { recursive: true }))
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => `src/${file.split(path.sep).join('/')}`)
  return new Map(
    await Promise.all(files.map(async (f) => [f, await readFile(path.join(root, f), 'utf8')] as const)),
  )
}
