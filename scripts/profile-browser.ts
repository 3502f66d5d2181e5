#!/usr/bin/env node
// `npm run bench:profile`: where the main thread goes after the wizard's first control. Loads
// /signup-wizard.html of the browser bench (scripts/bench-site.ts) in Chromium with the CPU throttled,
// records a trace with CPU samples, and walks the journey as `npm run bench` does (idle, answer step 1,
// press 다음) and on (consent: agree to all, 다음 → identity). Prints, per load, each step wait and every
// task after the first control longer than --min ms with what ran in it: self time by kind (script,
// compile, style, layout, fonts, gc, paint), the elements styled and objects laid out, JS self time by file
// (chunk) and the functions with most self time; then a summary over the loads. Needs `npm run build`.
// Options: --loads N (default 3), --rate R (default 4), --min MS (default 50), --steps N (presses of
// 다음, default 2), --top N (functions per task, default 6), --trace FILE (the last load's trace, for
// the DevTools Performance panel), --font FAMILY (sets --mb-font-family on the page: with a Hangul font
// the machine has, layout shows what the code costs apart from per-character font fallback, most of
// the layout time where no listed family covers Hangul, as on a Linux box without Korean fonts),
// --from-start (list the tasks from navigation on, not only after the first control), --page NAME (a
// bench page other than signup-wizard: plain, identity-verify; with --steps 0 unless it is the wizard).
// Tracing and sampling slow the page a little: compare runs of this tool with each other, and take
// medians from `npm run bench`. On a busy machine wall times swell; each task's thread CPU time
// (throttling spins, so it counts) stays closer to what an idle machine takes.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { answerAndNext, firstControlSeen, idle, prefetched, probe, readProbe, settle, startBenchSite } from './bench-site.ts';
import { largest, mainThread, marks, tasks, type Task, type TraceEvent } from './trace-tasks.ts';

// find-browser.mjs is plain JS without declarations.
const finder = './find-browser.mjs';
const { chromiumArgs, findBrowser } = (await import(finder)) as { chromiumArgs: string[]; findBrowser(): string };

const { values } = parseArgs({
  options: {
    loads: { type: 'string', default: '3' },
    rate: { type: 'string', default: '4' },
    min: { type: 'string', default: '50' },
    steps: { type: 'string', default: '2' },
    top: { type: 'string', default: '6' },
    trace: { type: 'string' },
    font: { type: 'string' },
    'from-start': { type: 'boolean', default: false },
    page: { type: 'string', default: 'signup-wizard' },
  },
});
const loads = Math.max(1, Number(values.loads));
const rate = Number(values.rate);
const minimum = Number(values.min);
const presses = Math.max(0, Number(values.steps));
const top = Number(values.top);

const categories = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler', 'disabled-by-default-v8.gc', 'fonts', '__metadata',
];

interface Profiled {
  firstControl: number;
  waits: number[];
  /** Tasks after the first control, longer than --min (wall or thread CPU), with the phase they ran in. */
  long: (Task & { at: number; phase: string })[];
  /** Thread CPU time of each task after the first control over 50 ms. */
  cpuOver50: number[];
  /** Thread CPU time of the tasks from navigation to the one the first control appeared in (included). */
  cpuBefore: number;
  /** The page's own long-task entries (> 50 ms) after the first control: what the bench counts. */
  observed: number[];
  events: TraceEvent[];
}

async function profile(browser: Browser, origin: string): Promise<Profiled> {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await tab.addInitScript(probe);
  if (values.font) {
    await tab.addInitScript((family: string) => {
      const style = document.createElement('style');
      style.textContent = `:root { --mb-font-family: ${family}; }`;
      document.addEventListener('DOMContentLoaded', () => document.head.append(style));
    }, values.font);
  }
  tab.on('pageerror', (error) => console.error(`profile-browser: ${error.message}`));
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: categories } });
  const seen = firstControlSeen(tab);
  await tab.goto(`${origin}/${values.page}.html`);
  await seen;
  const waits: number[] = [];
  // As the bench: the prefetch done (bench-site.ts `prefetched`), then each step answered and 다음 pressed.
  await (values.page === 'signup-wizard' ? prefetched(tab) : idle(tab));
  for (let press = 0; press < presses; press += 1) {
    if (press > 0) await idle(tab);
    waits.push(await answerAndNext(tab));
    await settle(tab);
  }
  await idle(tab);
  await settle(tab);
  const { firstControl, longTasks } = await readProbe(tab);
  await cdp.send('Tracing.end');
  await complete;
  await context.close();

  const thread = mainThread(events, 'bench:first-control');
  const timeline = marks(events, 'bench:');
  const start = timeline.find(([name]) => name === 'bench:first-control')![1];
  const navigation = events.filter((event) => event.name === 'navigationStart' && event.pid === thread.pid).at(-1)?.ts ?? start - firstControl * 1000;
  // The phase a task ran in: the last mark before it, or the marks inside it (다음 pressed and the step shown in one task).
  const phaseAt = (from: number, to: number) => {
    const names = (name: string, step: number) => (name === 'bench:next' ? `다음 #${step} pressed` : name === 'bench:shown' ? `step ${step + 1} shown` : 'first control');
    let phase = 'after first control: idle, prefetch, settings';
    const inside: string[] = [];
    let step = 0;
    for (const [name, at] of timeline) {
      if (at >= to) break;
      if (name === 'bench:next') step += 1;
      if (at >= from) inside.push(names(name, step));
      else if (name === 'bench:next') phase = `after 다음 #${step} pressed`;
      else if (name === 'bench:shown') phase = `after step ${step + 1} shown`;
    }
    return inside.length ? `${inside.join(', ')} in it` : phase;
  };
  const after = tasks(events, thread).filter((task) => task.start >= start);
  const cpuOver50 = after.filter((task) => task.cpu > 50).map((task) => task.cpu);
  // Steadier than wall time on a busy machine: what the page's main thread worked before the first control.
  const cpuBefore = tasks(events, thread).filter((task) => task.start >= navigation && task.start < start).reduce((sum, task) => sum + task.cpu, 0);
  // --from-start lists the tasks before the first control too (where the wait for it goes).
  const listed = values['from-start'] ? tasks(events, thread).filter((task) => task.start >= navigation) : after;
  const long = listed
    .filter((task) => task.duration > minimum || task.cpu > minimum)
    .map((task) => ({ ...task, at: (task.start - navigation) / 1000, phase: phaseAt(task.start, task.start + task.duration * 1000) }));
  const observed = longTasks.filter(([at, duration]) => at >= firstControl && duration > 50).map(([, duration]) => duration);
  return { firstControl, waits, long, cpuOver50, cpuBefore, observed, events };
}

const ms = (value: number) => `${Math.round(value)} ms`;

function print(index: number, load: Profiled): void {
  const steps = load.waits.map((wait, step) => `다음 #${step + 1} ${ms(wait)}`).join(', ');
  console.log(`\nload ${index + 1}: first control ${ms(load.firstControl)}; next-step wait: ${steps || '—'}`);
  console.log(`  long tasks > 50 ms after first control (the page's own entries): ${load.observed.length}${load.observed.length ? ` (${load.observed.map(ms).join(', ')})` : ''}`);
  console.log(`  trace tasks > ${minimum} ms after first control: ${load.long.length}`);
  for (const task of load.long) {
    const kinds = Object.entries(task.kinds).filter(([, value]) => value >= 1).sort((a, b) => b[1] - a[1]).map(([kind, value]) => `${kind} ${ms(value)}`);
    console.log(`  at ${ms(task.at)} (${task.phase}): ${ms(task.duration)} (thread CPU ${ms(task.cpu)}) — ${task.entry || 'no script'}`);
    console.log(`    ${kinds.join(', ')}${task.styleElements ? `; style: ${task.styleElements} elements` : ''}${task.layoutObjects ? `; layout: ${task.layoutObjects} objects` : ''}`);
    const files = largest(task.files, 6);
    if (files.length) console.log(`    JS by file: ${files.join(', ')}`);
    for (const fn of largest(task.functions, top)) console.log(`      ${fn}`);
  }
}

function median(list: number[]): number {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]! ) / 2;
}

const site = await startBenchSite('profile-browser');
const browser = await chromium.launch({ executablePath: findBrowser(), headless: true, args: chromiumArgs });
// One load unprofiled first: the browser's own start-up work stays out of the figures.
{
  const context = await browser.newContext();
  await (await context.newPage()).goto(`${site.origin}/signup-wizard.html`);
  await context.close();
}
const results: Profiled[] = [];
for (let index = 0; index < loads; index += 1) {
  const load = await profile(browser, site.origin);
  print(index, load);
  results.push(load);
}
if (values.trace) writeFileSync(values.trace, JSON.stringify({ traceEvents: results.at(-1)!.events }));
await browser.close();
site.close();

console.log(`\n${loads} load(s) at ${rate}× CPU throttling (tracing on):`);
console.log(`  first control: median ${ms(median(results.map((load) => load.firstControl)))}`);
console.log(`  main-thread CPU from navigation to the first control: median ${ms(median(results.map((load) => load.cpuBefore)))} (${results.map((load) => Math.round(load.cpuBefore)).join(', ')})`);
for (let step = 0; step < presses; step += 1) {
  const waits = results.map((load) => load.waits[step]!);
  console.log(`  next-step wait, 다음 #${step + 1}: median ${ms(median(waits))} (${waits.map(ms).join(', ')})`);
}
const counts = results.map((load) => load.observed.length);
console.log(`  long tasks > 50 ms after first control (page entries): median ${median(counts)} (${counts.join(', ')}); longest ${ms(Math.max(0, ...results.flatMap((load) => load.observed)))}`);
console.log(`  trace tasks > ${minimum} ms after first control: ${results.map((load) => load.long.length).join(', ')}`);
// The throttled thread's CPU time (throttling spins) does not count the time other programs took the
// core: the steadier figure on a shared machine.
const byCpu = results.map((load) => load.cpuOver50);
console.log(`  tasks over 50 ms of thread CPU after first control: median ${median(byCpu.map((list) => list.length))} (${byCpu.map((list) => list.length).join(', ')}); per load (ms): ${byCpu.map((list) => list.map(Math.round).join(' ') || '—').join(' | ')}`);
