// The fault matrix (`npm run test:faults`): every network moment of the signup flow under every fault,
// in real Chromium against the real reference server (SQLite), faults injected by request interception
// and by restarting the server. The fast subset runs in CI; `-- --full` runs every cell. Prints a
// moment × fault matrix (✓ pass, ✗ fail, ~ known, — cannot exist here, · not in this run), then why.
// Options: --full, --only=moment:fault[,moment:fault…], --workers=N.
import type { Browser } from 'playwright-core';
import { findBrowser } from '../e2e/find-browser.ts';
import { launchBrowser } from '../e2e/browser.ts';
import { ensureBundle, startDemoServer } from '../e2e/server.ts';
import { absence, runCell, type Outcome, type ServerBox } from './cells.ts';
import { faults, type Fault } from './faults.ts';
import { known } from './known.ts';
import { moments, type Moment } from './moments.ts';

/**
 * The CI subset: every fault at least once, every row but the terms, the submit (where a duplicate could happen)
 * under most, and the lost confirm answer (a timeout after the server accepted the code).
 */
const fast: readonly string[] = [
  'config:offline', 'config:chunk', 'step-code:chunk', 'request-code:http503', 'confirm:timeout',
  'provider:http500', 'address:malformed', 'login-id:slow',
  'submit:offline', 'submit:http500', 'submit:http429', 'submit:malformed', 'submit:timeout', 'submit:restart',
];

const args = process.argv.slice(2);
const full = args.includes('--full');
const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const workers = Number(args.find((arg) => arg.startsWith('--workers='))?.slice('--workers='.length) ?? 2);
const wanted = (key: string) => (only ? only.includes(key) : full || fast.includes(key));

if (!findBrowser()) {
  console.error('faults: no Chromium-family browser found (see scripts/find-browser.mjs)');
  process.exit(1);
}

const started = Date.now();
// As deployed (`npm run serve` requires one): a fixed secret, so SMS codes sent before a restart still
// check after it (without one the demo server draws a new secret per start).
process.env.MEMBERSHIP_SECRET ??= 'fault-matrix-secret-0123456789abcdefghij';
await ensureBundle((line) => console.log(line.replace(/^e2e:/, 'faults:')), { splitting: true });
const first = await startDemoServer();
const box: ServerBox = { server: first, port: Number(new URL(first.origin).port) };
const browser: Browser = await launchBrowser();
const results = new Map<string, Outcome>();
const key = (moment: Moment, fault: Fault) => `${moment.id}:${fault.id}`;

type Cell = { moment: Moment; fault: Fault };
const cells: Cell[] = [];
for (const moment of moments) {
  for (const fault of faults) {
    const reason = absence(moment, fault);
    if (reason) results.set(key(moment, fault), { status: 'absent', reason });
    else if (wanted(key(moment, fault))) cells.push({ moment, fault });
  }
}

async function run(cell: Cell): Promise<void> {
  const cellStarted = Date.now();
  const outcome = await runCell(browser, box, cell.moment, cell.fault);
  results.set(key(cell.moment, cell.fault), outcome);
  const isKnown = outcome.status === 'fail' && known.some((entry) => entry.moment === cell.moment.id && entry.fault === cell.fault.id && outcome.reason.includes(entry.reason));
  const mark = outcome.status === 'pass' ? '✓' : isKnown ? '~' : '✗';
  console.log(`faults: ${mark} ${key(cell.moment, cell.fault).padEnd(24)} ${((Date.now() - cellStarted) / 1000).toFixed(1).padStart(5)} s${outcome.status === 'fail' ? `  ${outcome.reason}` : ''}`);
}

try {
  // A restart stops the one server every cell talks to: those cells run alone, after the others.
  const parallel = cells.filter((cell) => cell.fault.id !== 'restart');
  const queue = [...parallel];
  await Promise.all(Array.from({ length: Math.max(1, workers) }, async () => {
    for (let cell = queue.shift(); cell; cell = queue.shift()) await run(cell);
  }));
  for (const cell of cells.filter((entry) => entry.fault.id === 'restart')) await run(cell);
} finally {
  await browser.close();
  await box.server.stop();
}

// ---------------------------------------------------------------- the matrix

const knownFor = (momentId: string, faultId: string, reason: string) =>
  known.find((entry) => entry.moment === momentId && entry.fault === faultId && reason.includes(entry.reason));
const width = Math.max(...moments.map((moment) => moment.title.length)) + 2;
const column = (text: string) => text.padEnd(10);
const lines = [`${''.padEnd(width)}${faults.map((fault) => column(fault.title)).join('')}`];
const failures: string[] = [];
const knownSeen: string[] = [];
const absent = new Map<string, string[]>();
for (const moment of moments) {
  let row = moment.title.padEnd(width);
  for (const fault of faults) {
    const outcome = results.get(key(moment, fault));
    let mark = '·';
    if (outcome?.status === 'pass') mark = '✓';
    else if (outcome?.status === 'absent') {
      mark = '—';
      absent.set(outcome.reason, [...(absent.get(outcome.reason) ?? []), key(moment, fault)]);
    } else if (outcome?.status === 'fail') {
      const entry = knownFor(moment.id, fault.id, outcome.reason);
      mark = entry ? '~' : '✗';
      (entry ? knownSeen : failures).push(`${key(moment, fault)}: ${outcome.reason}${entry ? ` (known: ${entry.fixedBy})` : ''}`);
    }
    row += column(mark);
  }
  lines.push(row);
}
const stale = known.filter((entry) => {
  const outcome = results.get(`${entry.moment}:${entry.fault}`);
  return outcome !== undefined && !(outcome.status === 'fail' && outcome.reason.includes(entry.reason));
});
const ran = [...results.values()].filter((outcome) => outcome.status !== 'absent').length;
const passed = [...results.values()].filter((outcome) => outcome.status === 'pass').length;

console.log(`\nfaults: signup flow × fault (${full ? 'full matrix' : only ? 'chosen cells' : 'fast subset; --full for every cell'})`);
console.log(lines.join('\n'));
console.log('✓ pass  ✗ fail  ~ known (fix owned elsewhere)  — cannot exist here  · not in this run');
if (failures.length) console.log(`\nfailed:\n  ${failures.join('\n  ')}`);
if (knownSeen.length) console.log(`\nknown:\n  ${knownSeen.join('\n  ')}`);
if (stale.length) console.log(`\nstale known entries (the cell no longer fails so):\n  ${stale.map((entry) => `${entry.moment}:${entry.fault}`).join('\n  ')}`);
console.log(`\n— why:\n  ${[...absent].map(([reason, keys]) => `${reason} (${keys.length} cells)`).join('\n  ')}`);
console.log(`\nfaults: ${passed} of ${ran} cells passed, ${failures.length} failed, ${knownSeen.length} known, in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(failures.length > 0 || stale.length > 0 ? 1 : 0);
