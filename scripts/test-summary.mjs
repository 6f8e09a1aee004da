// Counts tests across every runner's report (vitest JSON, `go test -json`) and prints one plain line,
// `tests: N passed, N failed`, which any CI log reader understands. Failed stages without a report count as failures.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [dir, ...failedStages] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
const files = dir && existsSync(dir) ? readdirSync(dir) : [];
for (const name of files) {
  const text = readFileSync(path.join(dir, name), 'utf8');
  if (name.endsWith('.vitest.json')) {
    const r = JSON.parse(text);
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + r.numTodoTests;
  } else if (name.endsWith('.gotest.json')) {
    for (const line of text.split('\n')) {
      if (!line.startsWith('{')) continue;
      const e = JSON.parse(line);
      if (!e.Test) continue; // package-level events
      if (e.Action === 'pass') passed++;
      else if (e.Action === 'fail') failed++;
      else if (e.Action === 'skip') skipped++;
    }
  }
}
const reported = new Set(files.map((f) => f.split('.')[0]));
const unreported = failedStages.filter((s) => !reported.has(s));
failed += unreported.length;
if (failedStages.length) console.log(`failed stages: ${failedStages.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
