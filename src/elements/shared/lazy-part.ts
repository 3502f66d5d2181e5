import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { reloadAfterFailedRetry } from '../../support/reload.ts';

export type LazyPartState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: unknown };

/** The least idle time a prefetch starts in: starting an import costs the page a few ms (more on a slow CPU). */
const idleNeeded = 10;

/**
 * Runs `run` in an idle period with time left (or after 2 s at the latest, so a busy page still
 * prefetches). Safari has no requestIdleCallback: there it runs after `fallbackDelay` ms, which lets the
 * render that asked finish first (a wizard's next step can wait 200 ms; a part the element's first
 * press may need, such as identity-verify's provider window, is started at once).
 */
export function whenIdle(run: () => void, fallbackDelay = 200): void {
  if (typeof requestIdleCallback !== 'function') return void setTimeout(run, fallbackDelay);
  const wait = () => requestIdleCallback((deadline) => (deadline.didTimeout || deadline.timeRemaining() >= idleNeeded ? run() : wait()), { timeout: 2000 });
  wait();
}

/**
 * A part of an element loaded on demand (a dynamic import: its own chunk). Prefetched when the
 * browser is idle; a failed load (offline, CDN error) is an error state the element shows with a
 * retry, and the next `load()` tries again. Lit's Task runs on argument changes; this is imperative
 * (prefetch, load on a click, retry), hence its own small controller.
 */
export class LazyPart<T> implements ReactiveController {
  #host: ReactiveControllerHost;
  #import: () => Promise<T>;
  #state: LazyPartState<T> = { status: 'idle' };
  #pending: Promise<T | undefined> | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, load: () => Promise<T>) {
    this.#host = host;
    this.#import = load;
    host.addController(this);
  }

  get state(): LazyPartState<T> {
    return this.#state;
  }

  get value(): T | undefined {
    return this.#state.status === 'ready' ? this.#state.value : undefined;
  }

  hostConnected(): void {
    this.#connected = true;
  }

  hostDisconnected(): void {
    this.#connected = false;
  }

  /** Loads the part once; resolves undefined when it failed (the state says why). */
  load(): Promise<T | undefined> {
    if (this.#state.status === 'ready') return Promise.resolve(this.#state.value);
    if (this.#pending) return this.#pending;
    this.#state = { status: 'loading' };
    this.#host.requestUpdate();
    this.#pending = this.#import().then(
      (value) => {
        this.#state = { status: 'ready', value };
        return value;
      },
      (error: unknown) => {
        this.#state = { status: 'error', error };
        return undefined;
      },
    );
    void this.#pending.finally(() => {
      this.#pending = undefined;
      this.#host.requestUpdate();
    });
    return this.#pending;
  }

  /**
   * 다시 시도 after a failed load: loads again, and when that fails too while the browser is online, asks
   * to reload the page (Firefox and WebKit keep a failed module import failed: support/reload.ts).
   */
  async retry(): Promise<T | undefined> {
    const value = await this.load();
    if (value === undefined) reloadAfterFailedRetry();
    return value;
  }

  /**
   * Loads the part when the browser is idle, so using it later never waits; failures stay quiet until
   * used. Not for an element that left the page in the meantime (it would fetch code nobody shows).
   */
  prefetch(): void {
    if (this.#state.status !== 'idle') return;
    whenIdle(() => {
      if (this.#state.status === 'idle' && this.#connected) void this.load();
    }, 1);
  }
}
