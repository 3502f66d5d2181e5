// End to end in every engine: the journeys of test/e2e/engines/journeys.ts against the demo server
// (CDN bundle built into a temporary directory, SQLite, sandbox provider) in Chromium, Firefox and
// WebKit, and the phone journeys at a phone viewport in Chromium (touch) and WebKit. A missing
// engine fails its tests with what to install. E2E_ENGINES=chromium,webkit narrows the run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch, type Browser, type Viewport } from '../e2e/engines/driver.ts';
import { journeys } from '../e2e/engines/journeys.ts';
import { engineNames, engines, type Engine } from '../e2e/find-browser.ts';
import { resultsDir } from '../e2e/browser.ts';
import { ensureBundle, startDemoServer, type DemoServer } from '../e2e/server.ts';

const chosen = (process.env.E2E_ENGINES?.split(',') as Engine[] | undefined) ?? engines;
const phoneEngines: readonly Engine[] = ['chromium', 'webkit'];

let server: DemoServer;
const workDir = mkdtempSync(join(tmpdir(), 'membership-e2e-files-'));

before(async () => {
  await ensureBundle((line) => console.log(line));
  server = await startDemoServer();
}, { timeout: 240_000 });

after(async () => {
  await server?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

for (const engine of chosen) {
  // One engine at a time: each starts its own browser; journeys in it run one after another.
  describe(`end to end in ${engineNames[engine]}`, { concurrency: 1 }, () => {
    let browser: Browser | undefined;
    let launchError: unknown;
    let started = 0;

    before(async () => {
      started = Date.now();
      browser = await launch(engine).catch((error: unknown) => {
        launchError = error;
        return undefined;
      });
    }, { timeout: 60_000 });

    after(async () => {
      await browser?.close();
      console.log(`e2e: ${engineNames[engine]} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });

    const viewportsOf = (phone: boolean | undefined): Viewport[] => (phone && phoneEngines.includes(engine) ? ['desktop', 'phone'] : ['desktop']);
    for (const journey of journeys) {
      for (const viewport of viewportsOf(journey.phone)) {
        test(`${journey.name}${viewport === 'phone' ? ' (phone)' : ''}`, { timeout: 120_000 }, async () => {
          if (!browser) throw launchError;
          const page = await browser.newPage(viewport);
          try {
            await journey.run(page, server.origin, workDir);
          } catch (error) {
            const shot = join(resultsDir, `${engine}-${viewport}-${journey.name.replace(/\W+/g, '-')}.png`);
            await import('node:fs').then(({ mkdirSync }) => mkdirSync(resultsDir, { recursive: true }));
            const saved = await page.screenshot(shot).then(() => true, () => false);
            if (error instanceof Error) error.message += `\n--- ${saved ? `screenshot: ${shot}` : 'no screenshot'} (url ${await page.url().catch(() => '?')})`;
            throw error;
          } finally {
            await page.close().catch(() => undefined);
          }
        });
      }
    }
  });
}
