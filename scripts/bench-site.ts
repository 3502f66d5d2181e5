// The site the browser benches load (scripts/bench-browser.ts, scripts/profile-browser.ts): the CDN folder
// (dist/cdn), the reference server's API in memory, a plain Lit element as the baseline and the password
// field alone; every response gzipped and never cached. Plus what runs in each page: the probe and the
// wizard journey.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { getRequestListener } from '@hono/node-server';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { createApp } from '../server/app.ts';
import { defaultConfig } from '../server/config.ts';
import { pbkdf2Hasher } from '../server/crypto.ts';
import { MemoryStore } from '../server/store/memory.ts';

const cdnDir = 'dist/cdn';

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

// The loader of /plain-loaded.html: the element's code only once its tag is found.
const plainEntry = `if (document.querySelector('plain-step')) import('./plain.js');`;

// The password field alone (the wizard defines it only once its details step has loaded), for the
// keystroke-to-checklist figure.
const passwordSource = `
import { PasswordField } from './src/elements/shared/password-field.ts';
import './src/i18n/all-locales.ts';
customElements.define('mb-password-field', PasswordField);`;

const bundle = async (contents: string, loader: 'js' | 'ts') =>
  (await build({ stdin: { contents, resolveDir: process.cwd(), loader }, tsconfig: 'tsconfig.json', bundle: true, minify: true, format: 'esm', write: false, logLevel: 'silent' })).outputFiles[0]!.contents;

const page = (body: string, control: string) =>
  `<!doctype html><html lang="ko" data-bench-control='${control}'><head><meta charset="utf-8"><title>bench</title></head><body>${body}</body></html>`;
const cdn = (folder = 'cdn') => `<script type="module" src="/${folder}/membership-elements.min.js"></script>`;

export interface BenchSite {
  origin: string;
  close(): void;
}

/**
 * Serves the bench pages on a free local port. Needs `npm run build` first (exits saying so otherwise).
 * `against`: another build's CDN folder (a copy of dist/cdn kept aside), served as /cdn-b/ with its own
 * wizard page /signup-wizard-b.html, so that two builds can be compared in one run, loads interleaved.
 */
export async function startBenchSite(name: string, { against }: { against?: string | undefined } = {}): Promise<BenchSite> {
  for (const folder of [cdnDir, ...(against ? [against] : [])]) {
    if (!existsSync(`${folder}/membership-elements.min.js`)) {
      console.error(`${name}: ${folder} holds no CDN build${folder === cdnDir ? ': run `npm run build` first' : ''}.`);
      process.exit(1);
    }
  }
  const plainJs = await bundle(plainSource, 'js');
  const passwordJs = await bundle(passwordSource, 'ts');
  const pages: Record<string, string> = {
    '/plain.html': page('<script type="module" src="/plain.js"></script><plain-step></plain-step>', 'plain-step input'),
    // The same element behind a loader (an entry script importing the element's chunk when the tag is in
    // the page), as the CDN entry loads ours: what two requests in a row cost, with nothing else of ours.
    '/plain-loaded.html': page('<script type="module" src="/plain-entry.js"></script><plain-step></plain-step>', 'plain-step input'),
    '/signup-wizard.html': page(`${cdn()}<signup-wizard api-base="/api/v1/" site="trade"></signup-wizard>`, 'signup-wizard input'),
    '/signup-wizard-b.html': page(`${cdn('cdn-b')}<signup-wizard api-base="/api/v1/" site="trade"></signup-wizard>`, 'signup-wizard input'),
    '/identity-verify.html': page(`${cdn()}<identity-verify api-base="/api/v1/" site="trade"></identity-verify>`, 'identity-verify input'),
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
    if (path === '/plain-entry.js') return send(request, response, Buffer.from(plainEntry), 'text/javascript');
    if (path === '/password.js') return send(request, response, passwordJs, 'text/javascript');
    const [, folder, rest] = /^\/(cdn|cdn-b)\/(.*)$/.exec(path) ?? [];
    const root = folder === 'cdn' ? cdnDir : folder === 'cdn-b' ? against : undefined;
    const file = root ? normalize(join(root, rest!)) : '';
    if (root && file.startsWith(normalize(root)) && existsSync(file)) {
      return send(request, response, readFileSync(file), extname(file) === '.json' ? 'application/json' : 'text/javascript');
    }
    response.writeHead(404).end();
  });
  return { origin, close: () => server.close() };
}

export interface BenchProbe {
  longTasks: [number, number][];
  firstControl: number;
}

/**
 * In every page before its scripts: long tasks, and the moment the first enabled control is in the DOM
 * (also a `bench:first-control` performance mark, which traces show).
 */
export const probe = () => {
  const bench = { longTasks: [] as [number, number][], firstControl: 0 };
  (window as unknown as { __bench: typeof bench }).__bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    const selector = document.documentElement?.dataset.benchControl;
    const control = selector ? document.querySelector<HTMLInputElement>(`${selector}:not(:disabled)`) : null;
    if (control && !bench.firstControl) {
      bench.firstControl = performance.now();
      performance.mark('bench:first-control');
      // Heard through the DevTools protocol: waiting for it runs nothing in the page (Playwright's
      // waitForFunction would inject its script and poll, on the main thread, while the page loads).
      console.debug('bench:first-control');
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
};

/** Resolves once the page's probe saw the first control; call before `goto`, await after it. */
export const firstControlSeen = (tab: Page): Promise<unknown> => tab.waitForEvent('console', { predicate: (message) => message.text() === 'bench:first-control', timeout: 60_000 });

/** The page's probe, read back. */
export const readProbe = (tab: Page): Promise<BenchProbe> => tab.evaluate(() => (window as unknown as { __bench: BenchProbe }).__bench);

/** Resolves when the page has had an idle period (the wizard prefetches its later steps in idle periods). */
export const idle = (tab: Page): Promise<unknown> =>
  tab.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(true), { timeout: 5000 })));

/**
 * Resolves once the wizard's flow is in and two idle periods in a row fetched nothing new (its settings,
 * terms and the prefetched next step have arrived): the state "after idle prefetch" the next-step wait is
 * defined for. Two idle periods alone could come while the page still waited for the network, and a
 * faster page then had 다음 pressed before its flow and settings were in.
 */
export const prefetched = (tab: Page): Promise<unknown> =>
  tab.evaluate(async () => {
    await (document.querySelector('signup-wizard') as (Element & { flowReady?: Promise<unknown> }) | null)?.flowReady;
    const idlePeriod = () => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5000 }));
    let fetched = -1;
    for (let round = 0; round < 20 && performance.getEntriesByType('resource').length !== fetched; round += 1) {
      fetched = performance.getEntriesByType('resource').length;
      await idlePeriod();
      await idlePeriod();
    }
  });

/**
 * In a page with a wizard: answers the step shown (the first answer of each radio question, every
 * term: 개인회원, 내국인, agree to all), presses 다음, and returns the time from the press to the next
 * step's first enabled control, after its heading changed (`bench:next` and `bench:shown` marks).
 */
export const answerAndNext = (tab: Page): Promise<number> =>
  tab.evaluate(async () => {
    const wizard = document.querySelector('signup-wizard')!;
    const before = new Set(wizard.querySelectorAll('input, select, button'));
    const heading = () => wizard.querySelector('[data-part~="step-heading"]')?.textContent;
    const first = heading();
    const names = new Set([...wizard.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((radio) => radio.name));
    for (const name of names) wizard.querySelector<HTMLInputElement>(`input[type="radio"][name="${name}"]`)!.click();
    // The terms ("agree to all" first: it checks the others); not the keep-for-later box under a step.
    for (const box of wizard.querySelectorAll<HTMLInputElement>('mb-consent-list input[type="checkbox"]')) if (!box.checked) box.click();
    await new Promise((resolve) => setTimeout(resolve));
    const next = [...wizard.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent?.trim() === '다음')!;
    performance.mark('bench:next');
    const start = performance.now();
    next.click();
    return new Promise<number>((resolve) => {
      const check = () => {
        const control = [...wizard.querySelectorAll<HTMLInputElement>('input, select')].find((element) => !element.disabled && !before.has(element));
        if (heading() !== first && control) {
          observer.disconnect();
          performance.mark('bench:shown');
          resolve(performance.now() - start);
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(wizard, { childList: true, subtree: true, attributes: true });
      check();
    });
  });

/** Lets the long task that drew the last change be reported (an entry arrives after its task). */
export const settle = (tab: Page): Promise<unknown> =>
  tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
