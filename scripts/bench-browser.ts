#!/usr/bin/env node
// `npm run bench` (browser part): how fast the CDN folder gets a page to its first control, in
// Chromium (playwright-core, the machine's own browser), CPU throttled through the DevTools protocol
// (4× and 1×), N loads per page interleaved with a plain Lit element rendering a comparable first step
// (heading, three radios, a button) in the same run, each load in a fresh context (cold cache).
// Also loaded, and printed as one line: the same plain element behind a one-line loader (what the
// CDN entry's second request costs by itself, with none of our code).
// Prints one table per element; asserts nothing. Needs `npm run build` first.
// Options: --runs N (default 9), --rates 4,1, --detail (also print, per element and rate, the load
// nearest the median: each script's fetch start and end and each long task, in ms from navigation, those
// after the first control marked by when they came: after it, or after 다음),
// --against DIR (another build's CDN folder, e.g. a copy of dist/cdn made before a change: its wizard
// is loaded too, interleaved in the same run, and printed as one more table; on a busy machine this is
// the comparison that holds, where two separate runs differ by more than most changes), --fonts DIR
// (a folder of font files the browser may use beside the machine's, through fontconfig: a Linux box
// without a Korean font draws each Hangul character by fallback, which a Korean user's device does not;
// e.g. Debian's fonts-noto-cjk unpacked with `dpkg -x`, whose Noto Sans CJK KR is in --mb-font-family).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { answerAndNext, firstControlSeen, prefetched, probe, settle, startBenchSite } from './bench-site.ts';

// find-browser.mjs is plain JS without declarations.
const finder = './find-browser.mjs';
const { chromiumArgs, findBrowser } = (await import(finder)) as { chromiumArgs: string[]; findBrowser(): string };

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' }, rates: { type: 'string', default: '4,1' }, detail: { type: 'boolean', default: false }, against: { type: 'string' },
    fonts: { type: 'string' },
  },
});
const runs = Math.max(1, Number(values.runs));
const rates = values.rates.split(',').map(Number);
const { origin, close } = await startBenchSite('bench-browser', { against: values.against });

interface Load {
  firstControl: number;
  jsBytes: number;
  longTaskMs: number;
  /** Scripts fetched before the first control ([file, fetch start, response end]) and every long task ([start, duration]). */
  scripts: [string, number, number][];
  longTasks: [number, number][];
  nextStep?: number;
  longAfter?: number;
  /** The long tasks from the first control on ([start, duration]), and when 다음 was pressed (the wizard). */
  after?: [number, number][];
  nextAt?: number;
}

async function load(browser: Browser, path: string, rate: number, nextStep: boolean): Promise<Load> {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await tab.addInitScript(probe);
  tab.on('crash', () => console.error(`bench-browser: the page crashed (${path})`));
  tab.on('pageerror', (error) => console.error(`bench-browser: ${path}: ${error.message}`));
  const seen = firstControlSeen(tab);
  await tab.goto(`${origin}${path}`);
  await seen;
  const result = await tab.evaluate(() => {
    const bench = (window as unknown as { __bench: { firstControl: number; longTasks: [number, number][] } }).__bench;
    const jsBytes = performance
      .getEntriesByType('resource')
      .filter((entry) => (entry as PerformanceResourceTiming).responseEnd <= bench.firstControl && /\.js(\?|$)/.test(entry.name))
      .reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).encodedBodySize, 0);
    const longTaskMs = bench.longTasks.filter(([start]) => start < bench.firstControl).reduce((sum, [, duration]) => sum + duration, 0);
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => entry.responseEnd <= bench.firstControl && /\.js(\?|$)/.test(entry.name))
      .map((entry): [string, number, number] => [entry.name.replace(/^.*\//, ''), entry.startTime, entry.responseEnd]);
    return { firstControl: bench.firstControl, jsBytes, longTaskMs, scripts, longTasks: bench.longTasks };
  });
  const out: Load = { ...result };
  if (nextStep) Object.assign(out, await toNextStep(tab));
  else Object.assign(out, await longTasksAfterFirstControl(tab));
  await context.close();
  return out;
}

/** Waits for the prefetch (flow, settings, terms and the next step in, idle), answers the first step, presses 다음: time to the next step's first enabled control. */
async function toNextStep(tab: Page): Promise<Pick<Load, 'nextStep' | 'longAfter' | 'after' | 'nextAt'>> {
  await prefetched(tab);
  const nextStep = await answerAndNext(tab);
  // From the first control on: its first paint, the idle prefetch, answering step 1, and drawing step 2.
  const nextAt = await tab.evaluate(() => performance.getEntriesByName('bench:next')[0]?.startTime);
  return { nextStep, nextAt, ...(await longTasksAfterFirstControl(tab)) };
}

/** Long tasks over 50 ms from the first control on (the task that first paints it included), once the page has settled. */
async function longTasksAfterFirstControl(tab: Page): Promise<Pick<Load, 'longAfter' | 'after'>> {
  await settle(tab);
  const after = await tab.evaluate(() => {
    const bench = (window as unknown as { __bench: { longTasks: [number, number][]; firstControl: number } }).__bench;
    return bench.longTasks.filter(([at, duration]) => at >= bench.firstControl && duration > 50);
  });
  return { longAfter: after.length, after };
}

/** Median time from an input event to the checklist's update, per keystroke, at the given rate. */
async function keystrokes(browser: Browser, rate: number): Promise<number> {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await (await context.newCDPSession(tab)).send('Emulation.setCPUThrottlingRate', { rate });
  await tab.goto(`${origin}/password.html`);
  await tab.waitForFunction(() => customElements.get('mb-password-field'));
  const times = await tab.evaluate(async () => {
    const field = document.createElement('mb-password-field') as HTMLElement & { updateComplete: Promise<unknown> };
    document.body.append(field);
    await field.updateComplete;
    const input = field.querySelector('input')!;
    const out: number[] = [];
    for (const char of 'Abcdefgh1!xyzXYZ2@') {
      const start = performance.now();
      input.value += char;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: char }));
      // The checklist is in the DOM when the field's update has completed.
      await field.updateComplete;
      out.push(performance.now() - start);
    }
    return out;
  });
  await context.close();
  return median(times);
}

/** JS heap growth (after garbage collection) over 100 mounts and removals of a tag. */
async function heapGrowth(browser: Browser, tag: string): Promise<{ growth: number; alive: number }> {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await tab.goto(`${origin}/all.html`);
  await tab.waitForFunction((name) => customElements.get(name), tag);
  const cycle = (count: number) =>
    tab.evaluate(
      async ([name, n]) => {
        for (let i = 0; i < n; i += 1) {
          const element = document.createElement(name) as HTMLElement & { updateComplete: Promise<unknown> };
          element.setAttribute('api-base', '/api/v1/');
          element.setAttribute('site', 'trade');
          document.body.append(element);
          await element.updateComplete;
          element.remove();
        }
      },
      [tag, count] as const,
    );
  const used = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  // Instances of the tag still alive after garbage collection: removed elements that something keeps.
  const live = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { result } = await cdp.send('Runtime.evaluate', { expression: `customElements.get(${JSON.stringify(tag)}).prototype` });
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: result.objectId! });
    const { result: count } = await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId!, functionDeclaration: 'function () { return this.length; }', returnByValue: true });
    return count.value as number;
  };
  await cycle(5);
  const before = await used();
  await cycle(100);
  // Let the last elements' requests settle (they hold their element until they do).
  await tab.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
  const after = await used();
  const alive = await live();
  await context.close();
  return { growth: after - before, alive };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The environment of the browser (and of fc-list): with --fonts, a fontconfig file adding that folder. */
function fontEnvironment(): NodeJS.ProcessEnv {
  if (!values.fonts) return process.env;
  const folder = mkdtempSync(join(tmpdir(), 'bench-fonts-'));
  const file = join(folder, 'fonts.conf');
  writeFileSync(file, `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">${process.env.FONTCONFIG_FILE ?? '/etc/fonts/fonts.conf'}</include>
  <dir>${resolve(values.fonts)}</dir>
  <cachedir>${join(folder, 'cache')}</cachedir>
</fontconfig>
`);
  return { ...process.env, FONTCONFIG_FILE: file };
}
const fontEnv = fontEnvironment();

const browser = await chromium.launch({ executablePath: findBrowser(), headless: true, args: chromiumArgs, env: fontEnv });
const elements = ['signup-wizard', 'identity-verify'] as const;
const isWizard = (name: string) => name.startsWith('signup-wizard');
const tables: string[] = [...elements, ...(values.against ? ['signup-wizard-b'] : [])];
const results: Record<string, Record<number, Load[]>> = {};
for (const rate of rates) {
  for (let run = 0; run < runs; run += 1) {
    for (const name of ['plain', 'plain-loaded', ...tables]) {
      const loaded = await load(browser, `/${name}.html`, rate, isWizard(name));
      ((results[name] ??= {})[rate] ??= []).push(loaded);
    }
  }
}
// One rate after the other: two throttled tabs at once would slow each other down.
const keystroke: Record<number, number> = {};
for (const rate of rates) keystroke[rate] = await keystrokes(browser, rate);
const heap: Record<string, { growth: number; alive: number }> = {};
for (const tag of elements) heap[tag] = await heapGrowth(browser, tag);
const version = browser.version();
await browser.close();
close();

const ms = (value: number | undefined) => (value === undefined ? '—' : `${Math.round(value)} ms`);
const kb = (value: number) => `${(value / 1024).toFixed(1)} KB`;
console.log(`Browser bench: Chromium ${version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GB; ${runs} interleaved cold loads per page and rate; medians.`);
console.log(`Font for Hangul: ${hangulFont()}.`);
// The floor of any loader: the plain element behind a one-line entry script (bench-site.ts /plain-loaded.html).
for (const rate of rates) {
  const plain = median(results['plain']![rate]!.map((entry) => entry.firstControl));
  const loaded = median(results['plain-loaded']![rate]!.map((entry) => entry.firstControl));
  console.log(`plain Lit behind a loader (entry script, then the element's chunk), ${rate}×: ${ms(loaded)} = ${(loaded / plain).toFixed(2)}× plain Lit`);
  // The baseline's own: the task that first paints its step comes after its first control.
  const plainLong = median(results['plain']![rate]!.map((entry) => entry.longAfter ?? 0));
  console.log(`plain Lit's own long tasks > 50 ms from its first control on (its first paint), ${rate}×: ${plainLong}`);
}
for (const name of tables) {
  console.log(name === 'signup-wizard-b' ? `\n<signup-wizard> built from ${values.against}` : `\n<${name}>`);
  const rows = [['CPU', 'first control', 'plain Lit', 'ratio', 'ratio to plain behind a loader', 'JS before (gzip)', 'long tasks before', ...(isWizard(name) ? ['next-step wait', 'long tasks >50 ms after', 'keystroke→checklist'] : [])]];
  for (const rate of rates) {
    const own = results[name]![rate]!;
    const plain = median(results['plain']![rate]!.map((entry) => entry.firstControl));
    const loaded = median(results['plain-loaded']![rate]!.map((entry) => entry.firstControl));
    const first = median(own.map((entry) => entry.firstControl));
    rows.push([
      `${rate}×`,
      ms(first),
      ms(plain),
      `${(first / plain).toFixed(2)}×`,
      `${(first / loaded).toFixed(2)}×`,
      kb(median(own.map((entry) => entry.jsBytes))),
      ms(median(own.map((entry) => entry.longTaskMs))),
      ...(isWizard(name)
        ? [ms(median(own.map((entry) => entry.nextStep ?? 0))), String(median(own.map((entry) => entry.longAfter ?? 0))), `${(keystroke[rate] ?? 0).toFixed(1)} ms`]
        : []),
    ]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padStart(widths[column]!)).join('  '));
  if (heap[name]) console.log(`heap growth over 100 mount/unmount cycles (1×): ${kb(heap[name].growth)}; instances still alive after GC: ${heap[name].alive}`);
  if (values.detail) {
    for (const rate of rates) {
      const own = results[name]![rate]!;
      const first = median(own.map((entry) => entry.firstControl));
      const typical = own.reduce((best, entry) => (Math.abs(entry.firstControl - first) < Math.abs(best.firstControl - first) ? entry : best));
      console.log(`  ${rate}×, the load nearest the median (first control at ${ms(typical.firstControl)}):`);
      for (const [file, start, end] of typical.scripts) console.log(`    ${ms(start).padStart(7)} → ${ms(end).padStart(7)}  ${file}`);
      for (const [start, duration] of typical.longTasks.filter(([at]) => at < typical.firstControl)) console.log(`    long task at ${ms(start)}: ${ms(duration)}`);
      // After the first control, each marked by when it came: the first paint, the idle prefetch, or after 다음.
      for (const [start, duration] of typical.after ?? []) {
        const when = typical.nextAt !== undefined && start >= typical.nextAt ? `${ms(start - typical.nextAt)} after 다음` : `${ms(start - typical.firstControl)} after the first control`;
        console.log(`    long task at ${ms(start)} (${when}): ${ms(duration)}`);
      }
    }
  }
}

/**
 * Which family of `--mb-font-family` (src/elements/shared/tokens.ts) this machine has, asked of
 * fontconfig (which Chromium uses on Linux; FONTCONFIG_FILE applies). A Korean user's device has one
 * (Malgun Gothic, Apple SD Gothic Neo, Noto Sans CJK KR); without one, Chromium finds a font for each
 * Hangul character by fallback, which costs layout and paint time that is the machine's, not ours.
 */
function hangulFont(): string {
  const tokens = readFileSync(new URL('../src/elements/shared/tokens.ts', import.meta.url), 'utf8');
  const families = (/--mb-font-family:\s*([^;]+);/.exec(tokens)?.[1] ?? '').split(',').map((family) => family.trim().replace(/^'(.*)'$/, '$1'));
  let installed: Set<string>;
  try {
    installed = new Set(execFileSync('fc-list', [':', 'family'], { encoding: 'utf8', env: fontEnv }).split('\n').flatMap((line) => line.split(',').map((family) => family.trim())));
  } catch {
    return 'unknown (no fc-list on this machine)';
  }
  const found = families.find((family) => installed.has(family));
  return found ? `${found}, named in --mb-font-family` : 'none of --mb-font-family is installed: each Hangul character found by font fallback';
}
