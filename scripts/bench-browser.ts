#!/usr/bin/env node
// `npm run bench` (browser part): how fast the CDN folder gets a page to its first control, in
// Chromium (playwright-core, the machine's own browser), CPU throttled through the DevTools protocol
// (4× and 1×), N loads per page interleaved with a plain Lit element rendering a comparable first step
// (heading, three radios, a button) in the same run, each load in a fresh context (cold cache).
// Prints one table per element; asserts nothing. Needs `npm run build` first.
// Options: --runs N (default 9), --rates 4,1, --detail (also print, per element and rate, the load
// nearest the median: each script's fetch start and end and each long task, in ms from navigation).
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { getRequestListener } from '@hono/node-server';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../server/app.ts';
import { defaultConfig } from '../server/config.ts';
import { pbkdf2Hasher } from '../server/crypto.ts';
import { MemoryStore } from '../server/store/memory.ts';

// find-browser.mjs is plain JS without declarations.
const finder = './find-browser.mjs';
const { chromiumArgs, findBrowser } = (await import(finder)) as { chromiumArgs: string[]; findBrowser(): string };

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' }, rates: { type: 'string', default: '4,1' }, detail: { type: 'boolean', default: false } } });
const runs = Math.max(1, Number(values.runs));
const rates = values.rates.split(',').map(Number);
const cdnDir = 'dist/cdn';
if (!existsSync(`${cdnDir}/membership-elements.min.js`)) {
  console.error('bench-browser: dist/cdn is missing: run `npm run build` first.');
  process.exit(1);
}

// A plain Lit element with the wizard's first step (heading, three radios, a button): the baseline.
const plainSource = `
import { LitElement, html } from 'lit';
class PlainStep extends LitElement {
  createRenderRoot() { return this; }
  render() {
    return html\`<h2>회원 유형 선택</h2><form><fieldset><legend>가입할 회원 유형을 선택해 주세요.</legend>
      \${['개인회원', '기업회원', '외국인회원'].map((label, i) => html\`<label><input type="radio" name="type" value=\${i}> \${label}</label>\`)}
      </fieldset><button type="submit">다음</button></form>\`;
  }
}
customElements.define('plain-step', PlainStep);`;
const plainJs = (await build({ stdin: { contents: plainSource, resolveDir: process.cwd() }, bundle: true, minify: true, format: 'esm', write: false, logLevel: 'silent' })).outputFiles[0]!.contents;

// The password field alone (the wizard defines it only once its details step has loaded), for the
// keystroke-to-checklist figure.
const passwordSource = `
import { PasswordField } from './src/elements/shared/password-field.ts';
import './src/i18n/all-locales.ts';
customElements.define('mb-password-field', PasswordField);`;
const passwordJs = (await build({ stdin: { contents: passwordSource, resolveDir: process.cwd(), loader: 'ts' }, tsconfig: 'tsconfig.json', bundle: true, minify: true, format: 'esm', write: false, logLevel: 'silent' })).outputFiles[0]!.contents;

const page = (body: string, control: string) =>
  `<!doctype html><html lang="ko" data-bench-control='${control}'><head><meta charset="utf-8"><title>bench</title></head><body>${body}</body></html>`;
const cdn = '<script type="module" src="/cdn/membership-elements.min.js"></script>';
const pages: Record<string, string> = {
  '/plain.html': page('<script type="module" src="/plain.js"></script><plain-step></plain-step>', 'plain-step input'),
  '/signup-wizard.html': page(`${cdn}<signup-wizard api-base="/api/v1/" site="trade"></signup-wizard>`, 'signup-wizard input'),
  '/identity-verify.html': page(`${cdn}<identity-verify api-base="/api/v1/" site="trade"></identity-verify>`, 'identity-verify input'),
  '/all.html': page('<script type="module" src="/cdn/membership-elements.all.min.js"></script>', 'none'),
  '/password.html': page('<script type="module" src="/password.js"></script>', 'none'),
};

const server = createServer();
const origin = await new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`)));
const { app } = createApp({ store: new MemoryStore(), config: defaultConfig(origin, { rateLimitScale: 1_000_000 }), hasher: pbkdf2Hasher(1_000) });
const api = getRequestListener(app.fetch);
const send = (request: IncomingMessage, response: ServerResponse, body: Uint8Array, type: string) => {
  const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding']));
  response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
  response.end(gzip ? gzipSync(body, { level: 9 }) : body);
};
server.on('request', (request, response) => {
  const path = new URL(request.url ?? '/', origin).pathname;
  if (path.startsWith('/api/')) return void api(request, response);
  if (pages[path]) return send(request, response, Buffer.from(pages[path]), 'text/html; charset=utf-8');
  if (path === '/plain.js') return send(request, response, plainJs, 'text/javascript');
  if (path === '/password.js') return send(request, response, passwordJs, 'text/javascript');
  const file = normalize(join(cdnDir, path.replace(/^\/cdn\//, '')));
  if (path.startsWith('/cdn/') && file.startsWith(cdnDir) && existsSync(file)) {
    return send(request, response, readFileSync(file), extname(file) === '.json' ? 'application/json' : 'text/javascript');
  }
  response.writeHead(404).end();
});

// In every page before its scripts: long tasks, and the moment the first enabled control is in the DOM.
const probe = () => {
  const bench = { longTasks: [] as [number, number][], firstControl: 0 };
  (window as unknown as { __bench: typeof bench }).__bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    const selector = document.documentElement?.dataset.benchControl;
    const control = selector ? document.querySelector<HTMLInputElement>(`${selector}:not(:disabled)`) : null;
    if (control && !bench.firstControl) bench.firstControl = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
};

interface Load {
  firstControl: number;
  jsBytes: number;
  longTaskMs: number;
  /** Scripts fetched before the first control ([file, fetch start, response end]) and every long task ([start, duration]). */
  scripts: [string, number, number][];
  longTasks: [number, number][];
  nextStep?: number;
  longAfter?: number;
}

async function load(browser: Browser, path: string, rate: number, nextStep: boolean): Promise<Load> {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await tab.addInitScript(probe);
  tab.on('crash', () => console.error(`bench-browser: the page crashed (${path})`));
  tab.on('pageerror', (error) => console.error(`bench-browser: ${path}: ${error.message}`));
  await tab.goto(`${origin}${path}`);
  await tab.waitForFunction(() => (window as unknown as { __bench: { firstControl: number } }).__bench.firstControl > 0, null, { timeout: 60_000, polling: 50 });
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
  await context.close();
  return out;
}

/** Waits for idle (the prefetch), answers the first step, presses 다음: time to the next step's first enabled control. */
async function toNextStep(tab: Page): Promise<{ nextStep: number; longAfter: number }> {
  const idle = () => tab.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(true), { timeout: 5000 })));
  await idle();
  await idle();
  return tab.evaluate(async () => {
    const wizard = document.querySelector('signup-wizard')!;
    const before = new Set(wizard.querySelectorAll('input, select, button'));
    const heading = () => wizard.querySelector('[data-part~="step-heading"]')?.textContent;
    const first = heading();
    // The first answer of each question (개인회원, 내국인).
    const names = new Set([...wizard.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((radio) => radio.name));
    for (const name of names) wizard.querySelector<HTMLInputElement>(`input[type="radio"][name="${name}"]`)!.click();
    await new Promise((resolve) => setTimeout(resolve));
    const next = [...wizard.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent?.trim() === '다음')!;
    const start = performance.now();
    next.click();
    const end = await new Promise<number>((resolve) => {
      const check = () => {
        const control = [...wizard.querySelectorAll<HTMLInputElement>('input, select')].find((element) => !element.disabled && !before.has(element));
        if (heading() !== first && control) {
          observer.disconnect();
          resolve(performance.now());
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(wizard, { childList: true, subtree: true, attributes: true });
      check();
    });
    // A long-task entry arrives after its task: let the one that drew the step be reported.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)));
    const bench = (window as unknown as { __bench: { longTasks: [number, number][] } }).__bench;
    const firstControl = (window as unknown as { __bench: { firstControl: number } }).__bench.firstControl;
    // From the first control on: the idle prefetch, answering step 1, and drawing step 2.
    return { nextStep: end - start, longAfter: bench.longTasks.filter(([at, duration]) => at >= firstControl && duration > 50).length };
  });
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

const browser = await chromium.launch({ executablePath: findBrowser(), headless: true, args: chromiumArgs });
const elements = ['signup-wizard', 'identity-verify'] as const;
const results: Record<string, Record<number, Load[]>> = {};
for (const rate of rates) {
  for (let run = 0; run < runs; run += 1) {
    for (const name of ['plain', ...elements]) {
      const loaded = await load(browser, `/${name}.html`, rate, name === 'signup-wizard');
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
server.close();

const ms = (value: number | undefined) => (value === undefined ? '—' : `${Math.round(value)} ms`);
const kb = (value: number) => `${(value / 1024).toFixed(1)} KB`;
console.log(`Browser bench: Chromium ${version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GB; ${runs} interleaved cold loads per page and rate; medians.`);
for (const name of elements) {
  console.log(`\n<${name}>`);
  const rows = [['CPU', 'first control', 'plain Lit', 'ratio', 'JS before (gzip)', 'long tasks before', ...(name === 'signup-wizard' ? ['next-step wait', 'long tasks >50 ms after', 'keystroke→checklist'] : [])]];
  for (const rate of rates) {
    const own = results[name]![rate]!;
    const plain = median(results['plain']![rate]!.map((entry) => entry.firstControl));
    const first = median(own.map((entry) => entry.firstControl));
    rows.push([
      `${rate}×`,
      ms(first),
      ms(plain),
      `${(first / plain).toFixed(2)}×`,
      kb(median(own.map((entry) => entry.jsBytes))),
      ms(median(own.map((entry) => entry.longTaskMs))),
      ...(name === 'signup-wizard'
        ? [ms(median(own.map((entry) => entry.nextStep ?? 0))), String(median(own.map((entry) => entry.longAfter ?? 0))), `${(keystroke[rate] ?? 0).toFixed(1)} ms`]
        : []),
    ]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padStart(widths[column]!)).join('  '));
  console.log(`heap growth over 100 mount/unmount cycles (1×): ${kb(heap[name]!.growth)}; instances still alive after GC: ${heap[name]!.alive}`);
  if (values.detail) {
    for (const rate of rates) {
      const own = results[name]![rate]!;
      const first = median(own.map((entry) => entry.firstControl));
      const typical = own.reduce((best, entry) => (Math.abs(entry.firstControl - first) < Math.abs(best.firstControl - first) ? entry : best));
      console.log(`  ${rate}×, the load nearest the median (first control at ${ms(typical.firstControl)}):`);
      for (const [file, start, end] of typical.scripts) console.log(`    ${ms(start).padStart(7)} → ${ms(end).padStart(7)}  ${file}`);
      for (const [start, duration] of typical.longTasks) console.log(`    long task at ${ms(start)}: ${ms(duration)}`);
    }
  }
}
