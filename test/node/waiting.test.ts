// Tests wait on conditions, through the one waitFor of test/support/wait.ts: this scan fails when a
// test file (browser, Node, e2e, attacks, a11y, stories) defines another one or sleeps a fixed time.
import assert from 'node:assert/strict';
import { globSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const harness = 'test/support/wait.ts';
const self = 'test/node/waiting.test.ts';

const testFiles = [
  ...globSync('{src,server}/**/*.test.ts', { cwd: root }),
  ...globSync('{test,stories,.storybook}/**/*.{ts,mts,mjs,js}', { cwd: root }),
].filter((file) => !file.includes('node_modules') && file !== self);

/** What a second waiting helper or a fixed sleep looks like. */
const rules: { name: string; pattern: RegExp }[] = [
  { name: 'a waitFor of its own (use test/support/wait.ts)', pattern: /\b(?:function\s*\*?\s*waitFor\b|(?:const|let|var)\s+waitFor\s*=|\bwaitFor\s*\([^)]*\)\s*[:{])/ },
  { name: 'a promise resolved by a timer (a fixed sleep)', pattern: /new Promise\b[^\n]*\bsetTimeout\(|setTimeout\(\s*(?:resolve|res|r)\s*[,)]/ },
  { name: 'a sleep()', pattern: /\bsleep\s*(?:\(|=)/ },
  { name: "msw's delay() with a time (hold the answer with a deferred instead)", pattern: /\bdelay\s*\((?!\s*['"]infinite['"])/ },
  { name: 'timers/promises (a fixed sleep)', pattern: /['"](?:node:)?timers\/promises['"]/ },
  { name: "Playwright's waitForTimeout", pattern: /\.waitForTimeout\s*\(/ },
];

/** Timers that are the behaviour under test, not a wait: the fault matrix's 10-second server answer. */
const latencies = new Set(['test/faults/faults.ts: await new Promise((resolve) => setTimeout(resolve, slowAnswerMs));']);

function findings(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, index) => {
    if (/^\s*(?:\/\/|\*)/.test(line)) return; // comments may name what they avoid
    if (latencies.has(`${file}: ${line.trim()}`)) return;
    for (const rule of rules) if (rule.pattern.test(line)) found.push(`${file}:${index + 1}: ${rule.name}\n    ${line.trim()}`);
  });
  return found;
}

test('the scan sees the test files, and catches each kind of copy or sleep', () => {
  assert.ok(testFiles.length > 50, `only ${testFiles.length} test files found`);
  assert.ok(testFiles.includes('stories/support/drive.ts') && testFiles.includes('test/e2e/sandbox.ts'), 'stories and e2e are scanned');
  const samples = [
    'async function waitFor<T>(check: () => T) {',
    'export const waitFor = async (check) => {',
    'await new Promise((resolve) => setTimeout(resolve, 10));',
    'await new Promise((r) => setTimeout(() => r(undefined), 50));',
    'const sleep = (ms: number) => wait(ms);',
    'await delay(1500);',
    "import { setTimeout as pause } from 'node:timers/promises';",
    'await page.waitForTimeout(200);',
  ];
  for (const sample of samples) assert.equal(findings('sample.ts', sample).length, 1, `not caught: ${sample}`);
  for (const fine of ["await delay('infinite');", 'await waitFor(() => ready, "ready");', 'await waitForStep(wizard, "type");', 'const timer = setTimeout(() => controller.abort(), timeoutMs);']) {
    assert.deepEqual(findings('sample.ts', fine), [], `wrongly caught: ${fine}`);
  }
  assert.equal(findings(harness, readFileSync(`${root}/${harness}`, 'utf8')).filter((f) => f.includes('waitFor of its own')).length, 1, 'the one waitFor is where the scan expects it');
});

test('no test file defines its own waitFor or sleeps a fixed time', () => {
  const found = testFiles.filter((file) => file !== harness).flatMap((file) => findings(file, readFileSync(`${root}/${file}`, 'utf8')));
  assert.deepEqual(found, [], `wait on a condition with waitFor from ${harness} (or a deferred / controlled timers):\n${found.join('\n')}`);
});
