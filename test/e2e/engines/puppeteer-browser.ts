// Chromium (CDP) and Firefox (WebDriver BiDi, no geckodriver) through puppeteer-core, on the system's
// browsers. Chromium emulates the phone (touch, mobile viewport and user agent).
import puppeteer, { type ElementHandle, type Page as PuppeteerPage } from 'puppeteer-core';
import { chromiumArgs, type Engine } from '../find-browser.ts';
import { phoneUserAgent, viewports, type Browser, type Page, type Viewport } from './driver.ts';

export async function launchPuppeteer(engine: Engine, executablePath: string): Promise<Browser> {
  const browser = await puppeteer.launch(engine === 'firefox'
    ? { browser: 'firefox', executablePath, headless: true }
    : { executablePath, headless: true, args: [...chromiumArgs] });
  return {
    engine,
    async newPage(viewport: Viewport = 'desktop') {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      if (viewport === 'phone') {
        if (engine !== 'chromium') throw new Error(`${engine}: no phone emulation here (Chromium and WebKit only)`);
        await page.emulate({ userAgent: phoneUserAgent, viewport: { ...viewports.phone, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } });
      } else {
        await page.setViewport(viewports.desktop);
      }
      return wrap(engine, viewport, page, () => context.close());
    },
    close: () => browser.close(),
  };
}

function wrap(engine: Engine, viewport: Viewport, page: PuppeteerPage, close: () => Promise<void>): Page {
  const element = async (selector: string): Promise<ElementHandle<Element>> => {
    const handle = await page.waitForSelector(selector, { visible: true });
    if (!handle) throw new Error(`${engine}: no ${selector}`);
    await handle.evaluate((node) => node.scrollIntoView({ block: 'center' }));
    return handle;
  };
  return {
    engine,
    viewport,
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    async url() {
      return page.url();
    },
    evaluate(fn, ...args) {
      return page.evaluate(fn as never, ...(args as unknown as never[])) as never;
    },
    async click(selector) {
      const handle = await element(selector);
      if (viewport === 'phone') await handle.tap();
      else await handle.click();
    },
    async type(selector, text) {
      const handle = await element(selector);
      await handle.evaluate((node) => {
        const input = node as HTMLInputElement;
        input.focus();
        input.select();
      });
      if (await handle.evaluate((node) => (node as HTMLInputElement).value !== '')) await page.keyboard.press('Backspace');
      await page.keyboard.type(text);
    },
    async press(key) {
      await page.keyboard.press(key as never);
    },
    async upload(selector, path) {
      const handle = (await page.waitForSelector(selector)) as ElementHandle<HTMLInputElement> | null;
      if (!handle) throw new Error(`${engine}: no ${selector}`);
      await handle.uploadFile(path);
    },
    async waitForPopup() {
      const popup = await new Promise<PuppeteerPage>((resolve) => page.once('popup', (opened) => opened && resolve(opened)));
      return wrap(engine, viewport, popup, () => popup.close());
    },
    async screenshot(path) {
      await page.screenshot({ path: path as `${string}.png` });
    },
    close,
  };
}
