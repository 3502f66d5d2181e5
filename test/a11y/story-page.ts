// A page of the built Storybook's iframe in one locale that shows one story after another the way
// the Storybook UI does (the preview channel's `setCurrentStory`; one in-page reference server per
// page, as in a designer's session), and waits until each settled: the channel says `storyFinished`
// (the play function ended), then the DOM stays unchanged for a moment.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

export type Locale = 'ko' | 'en';

// Runs before the preview's scripts: hooks the channel the moment the preview assigns it.
const channelHook = `(() => {
  let channel;
  window.__a11yFinished = undefined;
  window.__a11yChannel = () => channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get() { return channel; },
    set(value) {
      channel = value;
      value.on('storyFinished', (event) => { window.__a11yFinished = event.status || 'success'; });
      value.on('storyErrored', () => { window.__a11yFinished = 'error'; });
      value.on('storyMissing', () => { window.__a11yFinished = 'missing'; });
    },
  });
})();`;

// Resolves once nothing in the document changed for `quietMs` (timers of a countdown excluded by the
// caller choosing a short window), or after `maxMs`.
const domQuiet = `({ quietMs, maxMs }) => new Promise((resolve) => {
  let timer;
  const done = () => { observer.disconnect(); clearTimeout(timer); clearTimeout(limit); resolve(); };
  const observer = new MutationObserver((records) => {
    if (records.every((r) => r.type === 'characterData' && /^\\d{1,2}:\\d{2}$|^\\d+$/.test(r.target.textContent.trim()))) return;
    clearTimeout(timer); timer = setTimeout(done, quietMs);
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  timer = setTimeout(done, quietMs);
  const limit = setTimeout(done, maxMs);
})`;

export function storyUrl(origin: string, id: string, locale: Locale): string {
  return `${origin}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story&globals=locale:${locale}`;
}

type Hooked = { __a11yFinished?: string; __a11yChannel: () => { emit(event: string, payload: unknown): void } };

export class StoryPage {
  private shown = false;
  readonly page: Page;
  readonly locale: Locale;
  private readonly origin: string;

  private constructor(page: Page, locale: Locale, origin: string) {
    this.page = page;
    this.locale = locale;
    this.origin = origin;
  }

  static async open(browser: Browser, origin: string, locale: Locale, options: BrowserContextOptions = {}): Promise<StoryPage> {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, ...options });
    const page = await context.newPage();
    await page.addInitScript(channelHook);
    return new StoryPage(page, locale, origin);
  }

  /** Shows the story (a fresh page load with `reload`) and returns the play function's status. */
  async show(id: string, { reload = false } = {}): Promise<string> {
    if (!this.shown || reload) {
      await this.page.goto(storyUrl(this.origin, id, this.locale));
      this.shown = true;
    } else {
      await this.page.evaluate((storyId) => {
        const hooked = window as unknown as Hooked;
        hooked.__a11yFinished = undefined;
        hooked.__a11yChannel().emit('setCurrentStory', { storyId, viewMode: 'story' });
      }, id);
    }
    await this.page.waitForFunction(() => (window as unknown as Hooked).__a11yFinished !== undefined, undefined, { timeout: 60_000 });
    await this.page.evaluate(`(${domQuiet})({ quietMs: 250, maxMs: 2000 })`);
    return this.page.evaluate(() => (window as unknown as Hooked).__a11yFinished!);
  }

  /** Shows the story; when its play function fails on a page used before, once more on a fresh load. */
  async showIsolated(id: string): Promise<string> {
    const status = await this.show(id);
    return status === 'success' ? status : this.show(id, { reload: true });
  }

  close(): Promise<void> {
    return this.page.context().close();
  }
}
