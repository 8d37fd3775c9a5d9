// Prints one plain "N passed, N failed" line at the end, which CI reads as the browser tests' result.
import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";

export default class SummaryReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  onTestEnd(test: TestCase, result: TestResult): void {
    // Count each test once, by its final outcome (retries included).
    if (result.retry < test.retries && result.status !== "passed" && result.status !== "skipped") return;
    // By the expected outcome: a test marked test.fail() (csp.spec.ts proves a violation fails a test) passes
    // when it fails.
    if (result.status === test.expectedStatus) this.passed++;
    else this.failed++;
  }
  onEnd(): void {
    console.log(`Browser tests: ${this.passed} passed, ${this.failed} failed`);
  }
  printsToStdio(): boolean {
    return false;
  }
}
