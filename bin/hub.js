#!/usr/bin/env node
// The `hub` command: runs the TypeScript CLI through tsx, no build step needed.
import { register } from 'tsx/esm/api'

register()
process.env.HUB_CLI = '1'
await import('../src/cli/main.ts')
