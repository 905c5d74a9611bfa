#!/usr/bin/env node
// Sums the vitest "Tests ..." lines of a turbo log into one closing line:
// "<label>: N passed, N failed, N skipped". Exits 1 when the log has failures or no tests.
import { readFileSync } from 'node:fs';

const [file, label = 'tests'] = process.argv.slice(2);
// eslint-disable-next-line no-control-regex
const text = readFileSync(file, 'utf8').replace(/\u001b\[[0-9;]*m/g, '');
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedFiles = 0;
for (const match of text.matchAll(/^\S+:test:\s+Test Files\s+.*?(\d+) failed/gm)) failedFiles += Number(match[1]);
for (const match of text.matchAll(/^\S+:test:\s+Tests\s+(.*)$/gm)) {
  for (const [, count, kind] of match[1].matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
    totals[kind === 'todo' ? 'skipped' : kind] += Number(count);
  }
}
console.log(`${label}: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (failedFiles > 0) console.log(`${label}: ${failedFiles} test files failed to run`);
process.exitCode = totals.failed > 0 || failedFiles > 0 || totals.passed === 0 ? 1 : 0;
