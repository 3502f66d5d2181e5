import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { fileURLToPath } from 'node:url';
import { findBrowser, chromiumArgs } from './scripts/find-browser.mjs';
import { countingReporter } from './scripts/counting-reporter.mjs';

const executablePath = findBrowser();

export default {
  files: ['src/**/*.browser.test.ts', 'server/**/*.browser.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: { browser: true, exportConditions: ['browser', 'development'] },
  // One page at a time: the MSW service worker is shared by the pages of one origin, and a page
  // closing while another starts can leave the other without its mocks (random failures).
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    chromeLauncher({ launchOptions: { executablePath, headless: true, args: chromiumArgs } }),
  ],
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
