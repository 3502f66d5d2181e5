// Finds the installed browsers the tests drive, one per engine; the project never downloads its own.
// Each engine has an environment variable to point at another binary.
import { existsSync } from 'node:fs';

const first = (paths) => paths.find((path) => existsSync(path));
/** `undefined` when the variable names a file that does not exist (a typo must not fall back silently). */
const fromEnv = (name, fallback) => {
  const value = process.env[name];
  if (value) return existsSync(value) ? value : undefined;
  return fallback();
};

export const engines = ['chromium', 'firefox', 'webkit'];

export const engineNames = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

/**
 * The binaries for `engine`, or undefined when one is missing:
 * chromium → { executablePath }, firefox → { executablePath }, webkit → { driverPath, browserPath, xvfbRun? }.
 */
export function findEngine(engine) {
  if (engine === 'chromium') {
    const executablePath = fromEnv('CHROME_PATH', () => first([
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ]));
    return executablePath && { executablePath };
  }
  if (engine === 'firefox') {
    const executablePath = fromEnv('FIREFOX_PATH', () => first([
      '/usr/bin/firefox-esr',
      '/usr/bin/firefox',
      '/Applications/Firefox.app/Contents/MacOS/firefox',
    ]));
    return executablePath && { executablePath };
  }
  if (engine === 'webkit') {
    const driverPath = fromEnv('WEBKIT_DRIVER_PATH', () => first(['/usr/bin/WebKitWebDriver']));
    const browserPath = fromEnv('MINIBROWSER_PATH', () => first([
      '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
      '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
      '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
    ]));
    // MiniBrowser has no headless mode: without a display it needs xvfb-run.
    const xvfbRun = first(['/usr/bin/xvfb-run']);
    if (!driverPath || !browserPath || (!process.env.DISPLAY && !xvfbRun)) return undefined;
    return { driverPath, browserPath, xvfbRun: process.env.DISPLAY ? undefined : xvfbRun };
  }
  throw new Error(`unknown engine "${engine}" (one of ${engines.join(', ')})`);
}

/** Chromium's binary (kept for scripts that only drive Chromium). */
export function findBrowser() {
  return findEngine('chromium')?.executablePath;
}

const engineVariables = { chromium: ['CHROME_PATH'], firefox: ['FIREFOX_PATH'], webkit: ['WEBKIT_DRIVER_PATH', 'MINIBROWSER_PATH'] };

/** What to do when `engine` is missing, in a few lines (first: a variable naming a file that is not there). */
export function engineHelp(engine) {
  const wrong = (engineVariables[engine] ?? []).filter((name) => process.env[name] && !existsSync(process.env[name]));
  const prefix = wrong.map((name) => `${name}=${process.env[name]} does not exist.\n`).join('');
  return prefix + baseHelp(engine);
}

function baseHelp(engine) {
  switch (engine) {
    case 'chromium': return `Chromium: no Chromium-family browser found.
  Install one (Debian/Ubuntu: "sudo apt-get install -y chromium") or point CHROME_PATH at it.`;
    case 'firefox': return `Firefox: no Firefox found.
  Install it (Debian: "sudo apt-get install -y firefox-esr") or point FIREFOX_PATH at it.`;
    default: return `WebKit: WebKitWebDriver, MiniBrowser or xvfb-run (when there is no DISPLAY) not found.
  Install them (Debian: "sudo apt-get install -y webkit2gtk-driver xvfb") or point
  WEBKIT_DRIVER_PATH and MINIBROWSER_PATH at them.`;
  }
}

export const browserHelp = engineHelp('chromium');

/** Flags that let Chromium run headless as root on a closed network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Two test pages run at once; keep timers and rendering going in the one in the background.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];
