#!/usr/bin/env node
// `npm test`: Node tests (rules, contract, server) then browser tests in real Chromium (wtr),
// ending with one plain "N passed, N failed" line for both.
import { spawnSync } from 'node:child_process';
import { globSync, mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBrowser, browserHelp } from './find-browser.mjs';

const only = process.argv[2]; // "node" | "browser" | undefined (both)
const work = mkdtempSync(join(tmpdir(), 'membership-tests-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function add(file) {
  if (!existsSync(file)) return false;
  const counts = JSON.parse(readFileSync(file, 'utf8'));
  for (const key of Object.keys(totals)) totals[key] += counts[key];
  return true;
}

if (only !== 'browser') {
  const files = globSync(['src/**/*.test.ts', 'server/**/*.test.ts', 'test/node/**/*.test.ts'])
    .filter((file) => !file.endsWith('.browser.test.ts'));
  const countsFile = join(work, 'node.json');
  // With no file arguments `node --test` falls back to its default globs, which match this script.
  const run = files.length === 0 ? null : spawnSync(process.execPath, [
    '--test', '--test-concurrency=2',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/node-counts-reporter.mjs', `--test-reporter-destination=${countsFile}`,
    ...files,
  ], { stdio: 'inherit' });
  if (!run) console.log('No Node test files yet.');
  else {
    if (!add(countsFile)) totals.failed += 1;
    if (run.status !== 0 && totals.failed === 0) totals.failed += 1;
  }
}

if (only !== 'node') {
  if (!findBrowser()) {
    console.error(`\n${browserHelp}\n`);
    totals.failed += 1;
  } else {
    const countsFile = join(work, 'browser.json');
    const run = spawnSync(process.execPath, ['node_modules/@web/test-runner/dist/bin.js'], {
      stdio: 'inherit',
      env: { ...process.env, WTR_COUNTS_FILE: countsFile },
    });
    const before = totals.failed;
    if (!add(countsFile)) totals.failed += 1;
    if (run.status !== 0 && totals.failed === before) totals.failed += 1;
  }
}

const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
