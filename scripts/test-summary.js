// Prints one closing line for the whole run, Jest and Playwright together:
// "Tests: N passed, N failed[, N skipped]". Arguments: the Jest results, then one or
// more Playwright JSON reports (the portal's, then each adopter app's). A missing
// result file counts as a failure.
const { existsSync } = require('fs');
const { resolve } = require('path');
const [jestFile, ...e2eFiles] = process.argv.slice(2).map(f => resolve(f));

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(jestFile)) {
  const jest = require(jestFile);
  passed += jest.numPassedTests;
  failed += jest.numFailedTests + (jest.numRuntimeErrorTestSuites || 0);
  skipped += jest.numPendingTests + jest.numTodoTests;
} else {
  console.error(`No Jest results at ${jestFile}`);
  failed += 1;
}
for (const e2eFile of e2eFiles) {
  if (existsSync(e2eFile)) {
    const { stats } = require(e2eFile);
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
    skipped += stats.skipped;
  } else {
    console.error(`No end-to-end results at ${e2eFile}`);
    failed += 1;
  }
}
console.log(
  `Tests: ${passed} passed, ${failed} failed${
    skipped ? `, ${skipped} skipped` : ''
  }`,
);
