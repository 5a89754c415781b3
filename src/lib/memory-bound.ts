import v8 from 'node:v8'
import vm from 'node:vm'

/**
 * A full garbage collection, asked for every few megabytes of a long import. Cleaning 200 MB of
 * post bodies makes V8 grow its heap with garbage (600 MB of RSS for a live set of 40 MB); a
 * collection every 4 MB read keeps the process near its live set, for a few milliseconds each.
 */
let collect: (() => void) | undefined
export function collectGarbage(): void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc')
    collect = vm.runInNewContext('gc') as () => void
  }
  collect()
}

export const COLLECT_EVERY_BYTES = 4 * 1024 * 1024

/**
 * For a command that runs one long import: the embedded engine's WebAssembly is compiled by V8's
 * baseline compiler only (Liftoff), not optimised as well. Opening PGlite then costs about 70 MB
 * less RSS, and an import's CPU time does not change, because the time goes to parsing and to the
 * database's own work (docs/performance.md). Call it before the database is opened; it lasts for
 * the process, so a server never calls it.
 */
export function compileEngineForMemory(): void {
  v8.setFlagsFromString('--liftoff-only')
}
