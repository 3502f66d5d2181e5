// The one way tests wait (browser tests, Storybook play functions, e2e drivers in Node): on a
// condition, never for a fixed time. test/node/waiting.test.ts fails when another copy or a fixed
// sleep appears in a test file.

type Falsy = undefined | null | false | 0 | '';

export interface WaitOptions {
  /** Give up after this long (ms). */
  timeout?: number;
  /** Ask again at least this often (ms); in a page, every DOM change asks again at once. */
  interval?: number;
}

const defaults: Required<WaitOptions> = { timeout: 5000, interval: 10 };

/** Changes the defaults for this page (Storybook waits longer: a designer's machine runs a dev server too). */
export function setWaitDefaults(options: WaitOptions): void {
  Object.assign(defaults, options);
}

/**
 * Resolves with the first truthy value of `check` (sync or async), asked again on every DOM change
 * of the document and at least every `interval` ms; rejects after `timeout` with `message`.
 * Timers alone would be slowed to one a second in a background page; the DOM changes are not.
 */
export async function waitFor<T>(check: () => T | Falsy | Promise<T | Falsy>, message: string, options: number | WaitOptions = {}): Promise<T> {
  const { timeout, interval } = { ...defaults, ...(typeof options === 'number' ? { timeout: options } : options) };
  const start = performance.now();
  for (;;) {
    // Watching starts before the check, so a change made while an async check runs is not missed.
    const left = timeout - (performance.now() - start);
    const change = nextChange(Math.max(0, Math.min(interval, left)));
    let value: T | Falsy;
    try {
      value = await check();
    } catch (error) {
      change.stop();
      throw error;
    }
    if (value) {
      change.stop();
      return value;
    }
    if (left <= 0) {
      change.stop();
      throw new Error(`Timed out waiting (${timeout} ms): ${message}`);
    }
    await change.promise;
  }
}

/**
 * The task after the next DOM change of the document (when there is one), or `ms`, whichever comes
 * first: a change is often the first of a render's several, which end within the same task.
 */
function nextChange(ms: number): { promise: Promise<void>; stop: () => void } {
  let stop!: () => void;
  const promise = new Promise<void>((resolve) => {
    const observer = typeof document === 'object' && typeof MutationObserver === 'function' ? new MutationObserver((_records, self) => {
      self.disconnect();
      void nextTask().then(() => stop());
    }) : undefined;
    observer?.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    const timer = setTimeout(() => stop(), ms);
    stop = () => {
      clearTimeout(timer);
      observer?.disconnect();
      resolve();
    };
  });
  return { promise, stop };
}

/** One turn of the event loop (a message-channel task: not throttled in a background page, unlike a timer). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

type Updatable = { updateComplete: Promise<unknown> };

/** Lets a Lit element and the ones inside it render what the last action changed (three update rounds). */
export async function settle(element: Updatable): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    await element.updateComplete;
    await nextTask();
  }
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
}

/**
 * A promise the test settles: a mocked server that must answer "late" awaits one, and the test
 * resolves it when it has checked the waiting state (instead of the handler sleeping).
 */
export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}
