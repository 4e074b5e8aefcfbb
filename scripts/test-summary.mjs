// Adds up the Vitest and Playwright JSON reports into the one plain line CI reads: "N passed, N failed".
// Arguments: failed steps other than the runners (each one failure), then each runner's exit code ("skipped" when not run).
// A runner that failed without reporting a failing test (a crash, a config error) counts as one failure.
import fs from "node:fs";

const [failedSteps, vitestExit, playwrightExit] = process.argv.slice(2);

function readJson(path) {
  try {
    return JSON.parse(fs.readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

function vitestCounts(report) {
  if (!report) return { passed: 0, failed: 0, skipped: 0 };
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) || (report.numFailedTestSuites ?? 0),
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

function playwrightCounts(report) {
  if (!report?.stats) return { passed: 0, failed: 0, skipped: 0 };
  return {
    passed: report.stats.expected ?? 0,
    failed: (report.stats.unexpected ?? 0) + (report.stats.flaky ?? 0) + (report.errors?.length ?? 0),
    skipped: report.stats.skipped ?? 0,
  };
}

const runs = [
  [vitestCounts(readJson("reports/vitest.json")), vitestExit],
  [playwrightCounts(readJson("reports/playwright.json")), playwrightExit],
];

let passed = 0;
let failed = Number(failedSteps ?? 0);
let skipped = 0;
for (const [counts, exit] of runs) {
  passed += counts.passed;
  skipped += counts.skipped;
  const crashed = exit !== undefined && exit !== "skipped" && exit !== "0" && counts.failed === 0;
  failed += counts.failed + (crashed ? 1 : 0);
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
