// Real Chromium for the end-to-end tests (playwright-core, the system browser; nothing is downloaded)
// and one scenario's page: console errors, the host page's event panel as it fills, and a screenshot
// plus the console errors when the scenario fails.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { chromiumArgs, findBrowser } from './find-browser.ts';
import { root } from './server.ts';
import { waitFor } from '../support/wait.ts';

export const resultsDir = join(root, 'test-results/e2e');

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error('No Chromium-family browser found (see scripts/find-browser.mjs).');
  return chromium.launch({ executablePath, args: [...chromiumArgs], timeout: 30_000 });
}

/** One line of the demo's `#host-events` panel: `time  type  {detail JSON}`. */
export interface HostEvent {
  type: string;
  detail: Record<string, unknown>;
  /** The line as the panel shows it. */
  text: string;
}

export interface Scenario {
  name: string;
  origin: string;
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions of every page of the scenario, in order. */
  consoleErrors: string[];
  /** Every line the host page added to its events panel, oldest first (kept across navigations). */
  hostEvents: HostEvent[];
}

// Runs before the page's own scripts: forwards each line the demo's host-events.js adds to its panel.
const panelObserver = `(() => {
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) {
      if (node.nodeName === 'LI' && node.parentElement && node.parentElement.id === 'host-events') window.__e2eHostEvent(node.textContent || '');
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

function parseHostEvent(text: string): HostEvent {
  const match = /^.*?\s{2}([a-z-]+)\s{2}(\{.*\})$/s.exec(text);
  if (!match) return { type: '?', detail: {}, text };
  return { type: match[1]!, detail: JSON.parse(match[2]!) as Record<string, unknown>, text };
}

/** A resource load the browser reports as a console error although nothing is wrong (no favicon in the demo). */
const harmless = (url: string) => url.endsWith('/favicon.ico');

export async function openScenario(browser: Browser, origin: string, name: string): Promise<Scenario> {
  const context = await browser.newContext({ baseURL: origin, locale: 'ko-KR', timezoneId: 'Asia/Seoul', viewport: { width: 1000, height: 900 } });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const scenario: Scenario = { name, origin, context, page: undefined as unknown as Page, consoleErrors: [], hostEvents: [] };
  await context.exposeBinding('__e2eHostEvent', (_source, text: string) => {
    scenario.hostEvents.push(parseHostEvent(text));
  });
  await context.addInitScript({ content: panelObserver });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error' || harmless(message.location().url)) return;
    scenario.consoleErrors.push(`[console] ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => scenario.consoleErrors.push(`[pageerror] ${error.stack ?? error.message}`));
  scenario.page = page;
  return scenario;
}

/**
 * Runs one scenario in its own browser context. On failure: a screenshot at
 * `test-results/e2e/<name>.png` and the page's console errors added to the assertion message.
 */
export async function runScenario(browser: Browser, origin: string, name: string, body: (scenario: Scenario) => Promise<void>, timeoutMs = 60_000): Promise<void> {
  // A screenshot left by an earlier failing run would mislead.
  rmSync(join(resultsDir, `${name}.png`), { force: true });
  const scenario = await openScenario(browser, origin, name);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      body(scenario),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`scenario "${name}" took longer than ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (error) {
    mkdirSync(resultsDir, { recursive: true });
    const screenshot = join(resultsDir, `${name}.png`);
    const saved = await scenario.page.screenshot({ path: screenshot, fullPage: true, timeout: 5000 }).then(() => true, () => false);
    const console = scenario.consoleErrors.length ? scenario.consoleErrors.join('\n  ') : '(none)';
    const events = scenario.hostEvents.map((event) => event.text).join('\n  ') || '(none)';
    const extra = `\n--- ${saved ? `screenshot: ${screenshot}` : 'no screenshot'} (url ${scenario.page.url()})\n--- console errors:\n  ${console}\n--- host events:\n  ${events}`;
    if (error instanceof Error) {
      error.message += extra;
      throw error;
    }
    throw new Error(`${String(error)}${extra}`);
  } finally {
    clearTimeout(timer);
    await scenario.context.close().catch(() => undefined);
  }
}

/** Presses Tab until `target` has focus (keyboard-only use); fails after `maxTabs`. */
export async function tabTo(page: Page, target: Locator, maxTabs = 40): Promise<void> {
  for (let presses = 0; presses < maxTabs; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  if (await target.evaluate((element) => element === document.activeElement)) return;
  const active = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`Tab did not reach ${target} within ${maxTabs} presses (focus is on ${active})`);
}

/** Saves a screenshot of the page under `test-results/e2e/<relative>`. */
export async function screenshot(page: Page, relative: string): Promise<string> {
  const path = join(resultsDir, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Waits until `locator` shows `expected` (substring or pattern); the failure says what it showed. */
export async function expectText(locator: Locator, expected: string | RegExp, timeout = 10_000): Promise<void> {
  try {
    await locator.filter({ hasText: expected }).first().waitFor({ timeout });
  } catch {
    const shown = await locator.allTextContents().catch(() => []);
    throw new Error(`expected ${locator} to show ${String(expected)}; it shows ${JSON.stringify(shown.map((text) => text.trim().replace(/\s+/g, ' ')))}`);
  }
}

/** Waits until the host page's panel listed an event of `type` (matching `where`), and returns it. */
export async function hostEvent(scenario: Scenario, type: string, where: (detail: Record<string, unknown>) => boolean = () => true, timeout = 5000): Promise<HostEvent> {
  try {
    return await waitFor(() => scenario.hostEvents.find((event) => event.type === type && where(event.detail)), `a ${type} event`, { timeout, interval: 50 });
  } catch {
    throw new Error(`the host page did not list a ${type} event; it listed:\n  ${scenario.hostEvents.map((event) => event.text).join('\n  ')}`);
  }
}
