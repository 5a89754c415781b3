import type { Reporter, TestModule } from 'vitest/node'

/** Prints what was skipped and the plain closing line CI reads: `N passed, N failed`. */
export default class ClosingLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    let passed = 0
    let failed = 0
    let skipped = 0
    for (const module of testModules) {
      let failedHere = 0
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failedHere++
        else skipped++
      }
      // A file that fails with no test failing (it did not load, or a hook failed and its tests
      // were skipped) counts as one failure.
      failed += failedHere === 0 && module.state() === 'failed' ? 1 : failedHere
    }
    failed += errors.length
    const notes = process.env.HUB_TEST_SKIPPED
    if (notes) process.stdout.write(`\n${notes}\n`)
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`)
  }
}
