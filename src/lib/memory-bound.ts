import v8 from 'node:v8'
import vm from 'node:vm'

/**
 * A full garbage collection, asked for every few megabytes of a long import. Cleaning 200 MB of
 * post bodies makes V8 grow its heap with garbage (600 MB of RSS for a live set of 40 MB); a
 * collection every 16 MB read keeps the process near its live set, for a few milliseconds each.
 */
let collect: (() => void) | undefined
export function collectGarbage(): void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc')
    collect = vm.runInNewContext('gc') as () => void
  }
  collect()
}

export const COLLECT_EVERY_BYTES = 8 * 1024 * 1024
