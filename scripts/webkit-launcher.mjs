// A @web/test-runner launcher for WebKitGTK's MiniBrowser: starts WebKitWebDriver (under xvfb-run
// when there is no display) and runs each test file as one page of one WebDriver session, one at a
// time — the way @web/test-runner-webdriver does with concurrency 1, without webdriverio.
import { WebDriverSession, keyActions, startWebKitDriver, webkitCapabilities } from './webdriver.mjs';

export function webkitLauncher(found) {
  let config;
  let driver;
  let session;
  let starting;
  const urls = new Map();

  async function getSession() {
    starting ??= (async () => {
      driver = await startWebKitDriver(found);
      session = await WebDriverSession.create(driver.url, webkitCapabilities(found.browserPath));
      await session.setTimeouts({ script: 120_000, pageLoad: 60_000 });
      return session;
    })();
    return starting;
  }

  return {
    name: 'WebKit',
    type: 'webdriver',
    async initialize(givenConfig) {
      config = givenConfig;
    },
    async stop() {
      await session?.delete();
      await driver?.stop();
    },
    async startSession(id, url) {
      const current = await getSession();
      urls.set(id, url);
      await current.navigate(url);
    },
    isActive(id) {
      return urls.has(id);
    },
    async getBrowserUrl(id) {
      return urls.get(id);
    },
    async startDebugSession() {
      throw new Error('Debugging is not supported in WebKit here; use Chromium.');
    },
    async stopSession(id) {
      const current = await getSession();
      const testCoverage = await current.execute('return window.__coverage__ ?? null;').catch(() => null);
      // An empty page stops whatever the test page still runs (its MSW worker among them).
      await current.navigate('about:blank');
      urls.delete(id);
      return { testCoverage: config?.coverage ? testCoverage ?? undefined : undefined };
    },
    // What @web/test-runner-commands calls for a "webdriver" launcher.
    async sendKeys(_id, keys) {
      const current = await getSession();
      const actions = keys.length === 1 && keys[0].length > 1 ? keyActions(keys[0]) : keys.flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]);
      await current.performActions([{ type: 'key', id: 'keyboard', actions }]);
    },
    async performActions(_id, actions) {
      const current = await getSession();
      await current.performActions(actions);
    },
    async takeScreenshot() {
      const current = await getSession();
      return Buffer.from(await current.screenshot(), 'base64');
    },
  };
}
