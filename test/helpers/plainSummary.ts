/** A vitest reporter that ends the run with the plain line CI reads: `N passed, N failed, N skipped`. */
import type { Reporter, TestModule } from "vitest/node";

export class PlainSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const skippedNames: string[] = [];
    for (const module of testModules) {
      let moduleFailed = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") moduleFailed++;
        else {
          skipped++;
          skippedNames.push(`${module.moduleId.replace(`${process.cwd()}/`, "")} > ${test.fullName}`);
        }
      }
      // A file that failed outside its tests (import error, failing beforeAll) counts as one failure.
      if (module.state() === "failed" && moduleFailed === 0) moduleFailed = 1;
      failed += moduleFailed;
    }
    // Skips are never silent: name each skipped test (the file prints why).
    for (const name of skippedNames) process.stdout.write(`skipped: ${name}\n`);
    process.stdout.write(`\nvitest: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
