#!/usr/bin/env node
// The `hub` command: runs the TypeScript CLI through tsx, no build step needed.
import { setFlagsFromString } from 'node:v8'

// `hub wordpress import` and `hub grants import` stream a big file through a small live set. V8's
// young generation of 2 x 4 MB instead of 2 x 16 MB keeps about 20 MB off their peak RSS at no cost
// in time (docs/performance.md). V8 sizes it as it first grows, while modules load: so here, first.
const args = process.argv.slice(2)
const streamsBigFile = args.some(
  (arg, i) => (arg === 'wordpress' || arg === 'grants') && args[i + 1] === 'import',
)
if (streamsBigFile) setFlagsFromString('--max-semi-space-size=4')

const { register } = await import('tsx/esm/api')
register()
process.env.HUB_CLI = '1'
await import('../src/cli/main.ts')
