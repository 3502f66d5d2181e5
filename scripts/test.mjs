#!/usr/bin/env node
// `npm test`: Node tests (rules, contract, server) then the browser tests (wtr) in Chromium, Firefox
// and WebKit one engine after another (the MSW worker is shared per origin), each with its wall time,
// ending with one plain "N passed, N failed" line for everything. A missing engine counts as a failure.
// Firefox and WebKit run the cross-engine subset of web-test-runner.config.mjs unless --full
// (`npm run test:engines`): the whole run on this 2-core machine took past 20 minutes.
//   node scripts/test.mjs [node|browser] [--engines=chromium,firefox] [--full]
import { spawnSync } from 'node:child_process';
import { globSync, mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engines as allEngines, engineHelp, engineNames, findEngine } from './find-browser.mjs';

const args = process.argv.slice(2);
const only = args.find((arg) => !arg.startsWith('--')); // "node" | "browser" | undefined (both)
const enginesArg = args.find((arg) => arg.startsWith('--engines='))?.slice('--engines='.length) ?? process.env.TEST_ENGINES;
const engines = enginesArg ? enginesArg.split(',').map((name) => name.trim()).filter(Boolean) : allEngines;
const wallTimes = [];
const full = args.includes('--full');
const work = mkdtempSync(join(tmpdir(), 'membership-tests-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function add(file) {
  if (!existsSync(file)) return false;
  const counts = JSON.parse(readFileSync(file, 'utf8'));
  for (const key of Object.keys(totals)) totals[key] += counts[key];
  return true;
}

if (only !== 'browser') {
  const all = globSync(['src/**/*.test.ts', 'server/**/*.test.ts', 'test/node/**/*.test.ts'])
    .filter((file) => !file.endsWith('.browser.test.ts'));
  // The end-to-end files drive whole browsers: one at a time, after the rest (two at once on two
  // cores starved each other's scenarios past their limits).
  const isE2e = (file) => /(^|\/)test\/node\/e2e[^/]*\.test\.ts$/.test(file);
  const groups = [[all.filter((file) => !isE2e(file)), 2], [all.filter(isE2e), 1]];
  if (all.length === 0) console.log('No Node test files yet.');
  for (const [index, [files, concurrency]] of groups.entries()) {
    // With no file arguments `node --test` falls back to its default globs, which match this script.
    if (files.length === 0) continue;
    const countsFile = join(work, `node-${index}.json`);
    const run = spawnSync(process.execPath, [
      '--test', `--test-concurrency=${concurrency}`,
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=./scripts/node-counts-reporter.mjs', `--test-reporter-destination=${countsFile}`,
      ...files,
    ], { stdio: 'inherit' });
    const before = totals.failed;
    if (!add(countsFile)) totals.failed += 1;
    if (run.status !== 0 && totals.failed === before) totals.failed += 1;
  }
}

if (only !== 'node') {
  for (const engine of engines) {
    const name = engineNames[engine] ?? engine;
    if (!findEngine(engine)) {
      console.error(`\n${engineHelp(engine)}\n`);
      wallTimes.push(`${name}: missing (counted as 1 failure)`);
      totals.failed += 1;
      continue;
    }
    console.log(`\n── browser tests in ${name} ──`);
    const started = Date.now();
    const countsFile = join(work, `browser-${engine}.json`);
    const run = spawnSync(process.execPath, ['node_modules/@web/test-runner/dist/bin.js'], {
      stdio: 'inherit',
      env: { ...process.env, WTR_COUNTS_FILE: countsFile, WTR_ENGINE: engine, ...(full ? { WTR_ALL_FILES: '1' } : {}) },
    });
    const before = { ...totals };
    if (!add(countsFile)) totals.failed += 1;
    if (run.status !== 0 && totals.failed === before.failed) totals.failed += 1;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const scope = engine === 'chromium' || full ? 'all files' : 'cross-engine subset';
    wallTimes.push(`${name}: ${totals.passed - before.passed} passed, ${totals.failed - before.failed} failed in ${seconds} s (${scope})`);
  }
  if (wallTimes.length) console.log(`\nBrowser tests per engine (wall time):\n  ${wallTimes.join('\n  ')}`);
}

const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
