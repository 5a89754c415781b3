import { existsSync } from 'node:fs'
import type { TestProjectInlineConfiguration } from 'vitest/config'
import { defineConfig } from 'vitest/config'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const hasPostgres = Boolean(process.env.TEST_DATABASE_URL)
const hasChromium = existsSync(chromiumPath)

const integration = (engine: 'pglite' | 'postgres'): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name: `integration-${engine}`,
    include: ['tests/integration/**/*.test.ts'],
    // Files named *.postgres.test.ts need the server (they compare it with PGlite, or use two
    // connections); *.pglite.test.ts are about the embedded database's data folder.
    exclude:
      engine === 'pglite'
        ? ['tests/integration/**/*.postgres.test.ts']
        : ['tests/integration/**/*.pglite.test.ts'],
    env: { TEST_DB: engine },
    globalSetup: ['tests/support/global-setup.ts'],
    // Each file opens its own database and Hub, and keeps no state in modules: a worker runs its
    // files one after another without re-importing the Hub for each, which CI's 30 minutes need.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})

const projects: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: {
      name: 'unit',
      include: ['src/**/*.test.ts', 'tests/schema/**/*.test.ts'],
      testTimeout: 60_000,
      // A few unit files start PGlite in a hook: seconds when every suite runs at once on two cores.
      hookTimeout: 60_000,
    },
  },
  integration('pglite'),
]
if (hasPostgres) projects.push(integration('postgres'))
/** Journeys an issue asks for on both engines: they run on the server in every CI run too. */
const bothEnginesJourneys = [
  'tests/e2e/site-pages.test.ts',
  'tests/e2e/board-decision.test.ts',
  'tests/e2e/membership-journeys.test.ts',
  'tests/e2e/my-organization.test.ts',
  'tests/e2e/attendance-suggestions.test.ts',
]
const browser = (
  engine: 'pglite' | 'postgres',
  include = ['tests/e2e/**/*.test.ts'],
): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name: engine === 'pglite' ? 'e2e' : 'e2e-postgres',
    include,
    env: { TEST_DB: engine },
    globalSetup: ['tests/support/global-setup.ts'],
    // As for the integration suite: each journey starts its own Hub and browser, and a worker
    // imports the Hub once for all its files (about 20 s of import per file otherwise).
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
// CI always runs the browser suites: a missing Chromium must fail there, not be skipped.
if (hasChromium || process.env.CI) {
  projects.push(browser('pglite'))
  // The browser journeys exercise pages, not the engine (the integration suite runs on both
  // engines): on the server only the ones an issue asks for on both, all of them with
  // E2E_POSTGRES=1, to keep CI under its 30 minutes.
  if (hasPostgres)
    projects.push(browser('postgres', process.env.E2E_POSTGRES === '1' ? undefined : bothEnginesJourneys))
}

// What a run leaves out, said once at the end by the closing-line reporter.
const skipped: string[] = []
if (!hasPostgres)
  skipped.push(
    'skipped integration-postgres: TEST_DATABASE_URL is not set (e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test)',
  )
if (!hasChromium && !process.env.CI)
  skipped.push(
    `skipped e2e: no Chromium at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`,
  )
if (hasPostgres && (hasChromium || process.env.CI) && process.env.E2E_POSTGRES !== '1')
  skipped.push(
    `browser journeys ran on PGlite, and on the server too: ${bothEnginesJourneys.map((f) => f.replace(/^tests\/e2e\/|\.test\.ts$/g, '')).join(', ')} (E2E_POSTGRES=1 runs them all on the server)`,
  )
process.env.HUB_TEST_SKIPPED = skipped.join('\n')

export default defineConfig({
  test: {
    projects,
    setupFiles: ['tests/support/fail-on-console-error.ts'],
    reporters: ['default', './tests/support/closing-line-reporter.ts'],
    pool: 'forks',
    fileParallelism: true,
    // Three on CI's two cores: the suite waits on child processes, browsers and the server's
    // timers, and a third worker fills that time (27 minutes against about 32 with two; decisions/022).
    maxWorkers: 3,
  },
})
