import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteer from 'puppeteer-core';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findEngine, engineHelp, chromiumArgs } from './scripts/find-browser.mjs';
import { countingReporter } from './scripts/counting-reporter.mjs';
import { webkitLauncher } from './scripts/webkit-launcher.mjs';

// One engine per run (scripts/test.mjs runs them one after another): chromium, firefox or webkit.
const engine = process.env.WTR_ENGINE ?? 'chromium';
const found = findEngine(engine);
if (!found) throw new Error(engineHelp(engine));

function launcher() {
  if (engine === 'webkit') return webkitLauncher(found);
  if (engine === 'firefox') {
    // puppeteer-core drives Debian's Firefox over WebDriver BiDi: no geckodriver, nothing downloaded.
    return chromeLauncher({ puppeteer, launchOptions: { browser: 'firefox', executablePath: found.executablePath, headless: true } });
  }
  return chromeLauncher({ launchOptions: { executablePath: found.executablePath, headless: true, args: chromiumArgs } });
}

const allFiles = ['src/**/*.browser.test.ts', 'server/**/*.browser.test.ts', 'test/browser/**/*.test.ts'];
/**
 * What `npm test` runs in Firefox and WebKit (Chromium runs everything; `npm run test:engines` runs
 * everything everywhere): the files where the engines differ most — fetch, aborts and retries, file
 * uploads, paste and one-time codes, popups and postMessage, redirects and storage, focus and keys,
 * cookies under MSW, the old-browser check, the CDN entry's load-failure note (failed dynamic imports). Listed in README ("Browser support").
 */
const crossEngineFiles = [
  'src/api/client.browser.test.ts',
  'src/elements/shared/otp-input.browser.test.ts',
  'src/elements/shared/phone-input.browser.test.ts',
  'src/elements/identity-verify/identity-verify.browser.test.ts',
  'src/elements/identity-verify/provider-flow.browser.test.ts',
  'src/elements/signup-wizard/company.browser.test.ts',
  'src/elements/signup-wizard/draft.browser.test.ts',
  'src/elements/signup-wizard/steps.browser.test.ts',
  // The first step before the flow's code, and the flow taking it over (engine-neutral; the failed-load
  // case stays Chromium-only: Firefox and WebKit keep a failed module import failed, see src/cdn.ts).
  'src/elements/signup-wizard/flow-code-next.browser.test.ts',
  'src/elements/signup-wizard/flow-code-one-kind.browser.test.ts',
  'server/msw.browser.test.ts',
  'test/browser/old-browser.test.ts',
  'src/cdn.browser.test.ts',
];
const gone = crossEngineFiles.filter((file) => !existsSync(new URL(file, import.meta.url)));
if (gone.length > 0) throw new Error(`web-test-runner.config.mjs lists files that are gone (update crossEngineFiles): ${gone.join(', ')}`);
const subset = engine !== 'chromium' && process.env.WTR_ALL_FILES !== '1';

export default {
  files: subset ? crossEngineFiles : allFiles,
  nodeResolve: { browser: true, exportConditions: ['browser', 'development'] },
  // One page at a time: the MSW service worker is shared by the pages of one origin, and a page
  // closing while another starts can leave the other without its mocks (random failures).
  concurrency: 1,
  // Firefox and WebKit run the same tests 2–3× slower here (a shared 2-core machine): a longer limit, same tests.
  testFramework: { config: { timeout: engine === 'chromium' ? 10000 : 30000 } },
  browsers: [launcher()],
  // Firefox starts in ~5 s here; WebKit pages load slower under a shared CPU.
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  middleware: [
    // msw's worker must be served from the site root.
    function serveMockServiceWorker(context, next) {
      if (context.url === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
      return next();
    },
  ],
  reporters: [
    process.env.CI ? summaryReporter({ flatten: true }) : defaultReporter(),
    countingReporter(process.env.WTR_COUNTS_FILE),
  ],
};
