// A wtr reporter that counts passed/failed tests (a file that fails to load counts as one failure)
// and writes them as JSON, so scripts/test.mjs can print one plain closing line.
import { writeFileSync } from 'node:fs';

function countSuite(suite, counts) {
  for (const test of suite.tests) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites) countSuite(child, counts);
}

export function countingReporter(outFile) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const loadFailed = session.errors?.length > 0 || (!session.passed && !session.testResults);
        if (session.testResults) countSuite(session.testResults, counts);
        if (loadFailed) counts.failed += 1;
      }
      if (outFile) writeFileSync(outFile, JSON.stringify(counts));
    },
  };
}
