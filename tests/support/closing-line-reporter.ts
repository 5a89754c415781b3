import type { Reporter, TestModule } from 'vitest/node'

/** Prints what was skipped and the plain closing line CI reads: `N passed, N failed`. */
export default class ClosingLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    let passed = 0
    let failed = 0
    let skipped = 0
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failed++
        else skipped++
      }
      // A file that fails to load has no tests to count; count it as one failure.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++
    }
    failed += errors.length
    const notes = process.env.HUB_TEST_SKIPPED
    if (notes) process.stdout.write(`\n${notes}\n`)
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`)
  }
}
