// A small classic-WebDriver client over fetch, and WebKitWebDriver started under xvfb-run: enough to
// drive WebKitGTK's MiniBrowser from the browser tests and the end-to-end journeys. (webdriverio would
// do too, but its optional puppeteer-core peer (≤ 24) clashes with the 25 that the Chromium launcher needs.)
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** WebDriver's code points for the named keys the tests press. */
export const keyCodes = {
  Tab: '\uE004', Enter: '\uE007', Escape: '\uE00C', Backspace: '\uE003', Delete: '\uE017', Space: ' ',
  Shift: '\uE008', Control: '\uE009', Alt: '\uE00A', Meta: '\uE03D',
  ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015', Home: '\uE011', End: '\uE010',
  PageUp: '\uE00E', PageDown: '\uE00F',
};

/** Key actions for `press` ("Enter", "Shift+Tab", "a"). */
export function keyActions(press) {
  const keys = press.split('+').map((name) => keyCodes[name] ?? name);
  return [...keys.map((value) => ({ type: 'keyDown', value })), ...keys.reverse().map((value) => ({ type: 'keyUp', value }))];
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export class WebDriverError extends Error {}

export class WebDriverSession {
  /** Opens a session on the driver at `url` (e.g. http://127.0.0.1:4444). */
  static async create(url, capabilities, timeoutMs = 60_000) {
    const answer = await request(url, 'POST', '/session', { capabilities: { alwaysMatch: capabilities } }, timeoutMs);
    return new WebDriverSession(url, answer.sessionId, answer.capabilities);
  }

  constructor(url, id, capabilities) {
    this.url = url;
    this.id = id;
    this.capabilities = capabilities;
  }

  command(method, path, body) {
    return request(this.url, method, `/session/${this.id}${path}`, body);
  }

  navigate(url) { return this.command('POST', '/url', { url }); }
  currentUrl() { return this.command('GET', '/url'); }
  /** Runs `script` (a function body; `arguments` holds `args`) in the page and returns its value. */
  execute(script, args = []) { return this.command('POST', '/execute/sync', { script, args }); }
  executeAsync(script, args = []) { return this.command('POST', '/execute/async', { script, args }); }
  setTimeouts(timeouts) { return this.command('POST', '/timeouts', timeouts); }
  setWindowRect(rect) { return this.command('POST', '/window/rect', rect); }
  windowHandles() { return this.command('GET', '/window/handles'); }
  windowHandle() { return this.command('GET', '/window'); }
  switchToWindow(handle) { return this.command('POST', '/window', { handle }); }
  closeWindow() { return this.command('DELETE', '/window'); }
  screenshot() { return this.command('GET', '/screenshot'); }
  performActions(actions) { return this.command('POST', '/actions', { actions }); }
  releaseActions() { return this.command('DELETE', '/actions'); }
  /** Presses keys as a keyboard would ("Tab", "Shift+Tab", "a"). */
  async press(press) {
    await this.performActions([{ type: 'key', id: 'keyboard', actions: keyActions(press) }]);
  }
  /** Types `text` key by key into the focused element. */
  async type(text) {
    await this.performActions([{ type: 'key', id: 'keyboard', actions: [...text].flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]) }]);
  }
  async delete() {
    await request(this.url, 'DELETE', `/session/${this.id}`).catch(() => undefined);
  }
}

async function request(base, method, path, body, timeoutMs = 60_000) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok || json.value?.error) {
    const { error = response.status, message = '' } = json.value ?? {};
    throw new WebDriverError(`WebDriver ${method} ${path}: ${error} ${message}`.trim());
  }
  return json.value;
}

/** Capabilities that open WebKitGTK's MiniBrowser through WebKitWebDriver (classic WebDriver, no BiDi). */
export function webkitCapabilities(browserPath) {
  return {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: browserPath, args: ['--automation'] },
  };
}

/**
 * Starts WebKitWebDriver on a free port — under `xvfb-run -a` when there is no display (MiniBrowser
 * has no headless mode) — and resolves once its /status answers. `stop()` ends the driver, its
 * browsers and the X server (one process group).
 */
export async function startWebKitDriver({ driverPath, xvfbRun }, { timeoutMs = 20_000 } = {}) {
  const port = await freePort();
  const [command, args] = xvfbRun
    ? [xvfbRun, ['-a', '-s', '-screen 0 1280x1024x24', driverPath, `--port=${port}`]]
    : [driverPath, [`--port=${port}`]];
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk) => { output = (output + chunk).slice(-4000); });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 3000);
    await exited;
    clearTimeout(timer);
  };
  process.once('exit', () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode}) before it was ready:\n${output}`);
    const ready = await fetch(`${url}/status`, { signal: AbortSignal.timeout(1000) })
      .then((response) => response.json()).then((json) => json.value?.ready === true, () => false);
    if (ready) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`WebKitWebDriver did not answer on ${url} within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
