// One browser-driving interface for the end-to-end journeys, with an implementation per engine:
// puppeteer-core for Chromium (CDP) and Firefox (WebDriver BiDi), classic WebDriver for WebKit
// (WebKitWebDriver + MiniBrowser). A journey written against `Page` runs in all three.
import { engineHelp, findEngine, type Engine } from '../find-browser.ts';
import { waitFor } from '../../support/wait.ts';

export type { Engine };

/** The window a journey runs in: desktop, or a phone (390×844, touch input, a phone's user agent). */
export type Viewport = 'desktop' | 'phone';

export const viewports = {
  desktop: { width: 1000, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

/** An iPhone's Safari: the elements choose redirect over popups there (`verify-mode="auto"`). */
export const phoneUserAgent = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

/** A page (tab) of one browser session, in one engine. Selectors are CSS; the first match is used. */
export interface Page {
  readonly engine: Engine;
  readonly viewport: Viewport;
  goto(url: string): Promise<void>;
  url(): Promise<string>;
  /** Runs `fn` in the page with JSON-serialisable `args` and returns its JSON-serialisable result. */
  evaluate<T, A extends unknown[]>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T>;
  /** A real click (a tap on the phone) in the middle of the element, scrolled into view. */
  click(selector: string): Promise<void>;
  /** Empties the field and types `text` key by key into it. */
  type(selector: string, text: string): Promise<void>;
  /** Presses a key ("Enter", "Tab") on the focused element. */
  press(key: string): Promise<void>;
  /** Chooses a file for an `<input type="file">`. */
  upload(selector: string, path: string): Promise<void>;
  /** The next window this page opens (a provider popup). */
  waitForPopup(): Promise<Page>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/** One running browser of one engine; each `newPage()` is its own session (cookies, storage). */
export interface Browser {
  readonly engine: Engine;
  newPage(viewport?: Viewport): Promise<Page>;
  close(): Promise<void>;
}

/** Starts `engine`'s browser, or fails with what to install. */
export async function launch(engine: Engine): Promise<Browser> {
  const found = findEngine(engine);
  if (!found) throw new Error(engineHelp(engine));
  if (engine === 'webkit') return (await import('./webdriver-browser.ts')).launchWebKit(found);
  return (await import('./puppeteer-browser.ts')).launchPuppeteer(engine, found.executablePath!);
}

/** Waits until `check` (run in the page) returns something truthy, and returns it; the failure says what it waited for. */
export async function waitUntil<T, A extends unknown[]>(page: Page, message: string, check: (...args: A) => T | Promise<T>, ...args: A): Promise<T> {
  let last: unknown;
  const ask = async () => {
    try {
      return await page.evaluate(check, ...args);
    } catch (error) {
      last = error; // navigation in progress: ask again
      return undefined;
    }
  };
  try {
    return await waitFor(ask, message, { timeout: 20_000, interval: 100 });
  } catch {
    throw new Error(`${page.engine}: timed out waiting for ${message}${last ? ` (${String(last)})` : ''}`);
  }
}

/** Waits until an element matching `selector` is in the page and shown. */
export function waitForSelector(page: Page, selector: string): Promise<boolean> {
  return waitUntil(page, selector, (css: string) => {
    const element = document.querySelector(css);
    return !!element && element.getClientRects().length > 0;
  }, selector);
}
