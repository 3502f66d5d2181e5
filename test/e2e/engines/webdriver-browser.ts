// WebKit through classic WebDriver: WebKitWebDriver (started under xvfb-run when there is no display)
// and one MiniBrowser session per page. Phone: the same viewport as Chromium's phone (no touch
// emulation in WebKitGTK's driver: clicks stay mouse clicks).
import type { FoundEngine } from '../find-browser.ts';
import { viewports, type Browser, type Page, type Viewport } from './driver.ts';
import { waitFor } from '../../support/wait.ts';

interface Session {
  execute(script: string, args?: unknown[]): Promise<unknown>;
  executeAsync(script: string, args?: unknown[]): Promise<unknown>;
  command(method: string, path: string, body?: unknown): Promise<unknown>;
  navigate(url: string): Promise<void>;
  currentUrl(): Promise<string>;
  setWindowRect(rect: { width: number; height: number }): Promise<void>;
  setTimeouts(timeouts: Record<string, number>): Promise<void>;
  windowHandles(): Promise<string[]>;
  windowHandle(): Promise<string>;
  switchToWindow(handle: string): Promise<void>;
  closeWindow(): Promise<void>;
  screenshot(): Promise<string>;
  press(key: string): Promise<void>;
  delete(): Promise<void>;
}

interface WebDriverModule {
  WebDriverSession: { create(url: string, capabilities: unknown): Promise<Session> };
  startWebKitDriver(found: FoundEngine): Promise<{ url: string; stop(): Promise<void> }>;
  webkitCapabilities(browserPath: string): Record<string, unknown>;
}

const script: string = '../../../scripts/webdriver.mjs';
const webdriver = (await import(script)) as WebDriverModule;
const elementKey = 'element-6066-11e4-a52e-4f735466cecf';

export async function launchWebKit(found: FoundEngine): Promise<Browser> {
  const driver = await webdriver.startWebKitDriver(found);
  const sessions = new Set<Session>();
  return {
    engine: 'webkit',
    async newPage(viewport: Viewport = 'desktop') {
      const session = await webdriver.WebDriverSession.create(driver.url, webdriver.webkitCapabilities(found.browserPath!));
      sessions.add(session);
      await session.setTimeouts({ script: 30_000, pageLoad: 30_000 });
      const size = viewports[viewport];
      await session.setWindowRect(size);
      // The window's frame takes some room: grow it until the page gets the wanted viewport.
      const inner = (await session.execute('return [innerWidth, innerHeight];')) as [number, number];
      await session.setWindowRect({ width: size.width * 2 - inner[0], height: size.height * 2 - inner[1] });
      const state = { current: await session.windowHandle() };
      return wrap(session, viewport, state.current, state, async () => {
        sessions.delete(session);
        await session.delete();
      });
    },
    async close() {
      for (const session of sessions) await session.delete();
      await driver.stop();
    },
  };
}

function wrap(session: Session, viewport: Viewport, handle: string, state: { current: string }, close: () => Promise<void>): Page {
  const focus = async () => {
    if (state.current === handle) return;
    await session.switchToWindow(handle);
    state.current = handle;
  };
  const find = async (selector: string): Promise<string> => {
    await focus();
    const visible = async () => {
      const found = await session.execute(
        'const e = document.querySelector(arguments[0]); if (!e || e.getClientRects().length === 0) return null; e.scrollIntoView({ block: "center" }); return e;',
        [selector],
      ).catch(() => null) as Record<string, string> | null;
      return found?.[elementKey];
    };
    return waitFor(visible, `webkit: a visible ${selector}`, { timeout: 20_000, interval: 100 });
  };
  const page: Page = {
    engine: 'webkit',
    viewport,
    async goto(url) {
      await focus();
      await session.navigate(url);
    },
    async url() {
      await focus();
      return session.currentUrl();
    },
    async evaluate(fn, ...args) {
      await focus();
      const answer = (await session.executeAsync(
        `const done = arguments[arguments.length - 1];
         Promise.resolve().then(() => (${fn.toString()}).apply(null, arguments[0]))
           .then((value) => done({ value: value === undefined ? null : value }), (error) => done({ error: String(error && error.stack || error) }));`,
        [args],
      )) as { value?: unknown; error?: string };
      if (answer.error !== undefined) throw new Error(`webkit: in the page: ${answer.error}`);
      return answer.value as never;
    },
    async click(selector) {
      const id = await find(selector);
      await session.command('POST', `/element/${id}/click`, {});
    },
    async type(selector, text) {
      const id = await find(selector);
      await session.command('POST', `/element/${id}/clear`, {});
      await session.command('POST', `/element/${id}/value`, { text });
    },
    async press(key) {
      await focus();
      await session.press(key);
    },
    async upload(selector, path) {
      await focus();
      const found = (await session.execute('return document.querySelector(arguments[0]);', [selector])) as Record<string, string> | null;
      if (!found?.[elementKey]) throw new Error(`webkit: no ${selector}`);
      await session.command('POST', `/element/${found[elementKey]}/value`, { text: path });
    },
    async waitForPopup() {
      await focus();
      const before = new Set(await session.windowHandles());
      const opened = await waitFor(async () => (await session.windowHandles()).find((candidate) => !before.has(candidate)), 'webkit: a popup opened', { timeout: 20_000, interval: 100 });
      return wrap(session, viewport, opened, state, async () => {
        await session.switchToWindow(opened);
        await session.closeWindow();
        await session.switchToWindow(handle);
        state.current = handle;
      });
    },
    async screenshot(path) {
      await focus();
      const { writeFileSync } = await import('node:fs');
      writeFileSync(path, Buffer.from(await session.screenshot(), 'base64'));
    },
    close,
  };
  return page;
}
