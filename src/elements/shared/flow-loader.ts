import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LazyPart, type LazyPartState } from './lazy-part.ts';

/** What an element's journey model offers its host (src/flows/README.md): the element renders its view. */
export interface HostedFlow {
  /** Calls the listener on every change of the view; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Stops timers and requests while the element is out of the page. */
  pause(): void;
  /** Takes up again where `pause` left it. */
  resume(): void;
}

export interface FlowLoaderOptions<M, F extends HostedFlow> {
  /** The flow's code: a dynamic import, so it is a chunk of its own (src/flows/README.md). */
  code: () => Promise<M>;
  /** Builds the flow from its module and hands it what the first screen gathered meanwhile. */
  start: (module: M) => F;
}

/**
 * An element's journey, loaded after its first render (docs/architecture.md, "Loading"): the first
 * screen is drawn by a small model of its own while the flow's code arrives in the next task. The host
 * reads `flow` (undefined until then) and `failed` (the code could not be fetched: show it with a retry
 * calling `retry()`); `ready` resolves with the flow. The flow follows the element in and out of the
 * page: paused while it is away, and never started by an element removed before its code arrived.
 */
export class FlowLoader<M, F extends HostedFlow> implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #start: (module: M) => F;
  readonly #code: LazyPart<M>;
  #flow: F | undefined;
  #unsubscribe: (() => void) | undefined;
  #resolve!: (flow: F) => void;
  /** Resolves with the flow once its code has loaded. */
  readonly ready: Promise<F>;

  constructor(host: ReactiveControllerHost & HTMLElement, { code, start }: FlowLoaderOptions<M, F>) {
    this.#host = host;
    this.#start = start;
    this.#code = new LazyPart(host, code);
    this.ready = new Promise((resolve) => (this.#resolve = resolve));
    host.addController(this);
  }

  /** The flow, once its code has loaded. */
  get flow(): F | undefined {
    return this.#flow;
  }

  /** Why the flow's code did not arrive (offline, CDN error), while that is so. */
  get failed(): { error: unknown } | undefined {
    const state: LazyPartState<M> = this.#code.state;
    return state.status === 'error' ? { error: state.error } : undefined;
  }

  hostConnected(): void {
    // Requested in the task after the first render: not on the way to the first control.
    if (!this.#flow) return void this.#host.updateComplete.then(() => setTimeout(() => void this.#load()));
    this.#flow.resume();
    this.#listen(this.#flow);
    // The flow may have changed while the element was away.
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#flow?.pause();
  }

  /** 다시 시도 after the code failed; failing again while online asks to reload the page (support/reload.ts). */
  async retry(): Promise<void> {
    if (await this.#code.retry()) await this.#load();
  }

  async #load(): Promise<void> {
    const module = await this.#code.load();
    if (module === undefined || this.#flow) return;
    const flow = this.#start(module);
    this.#flow = flow;
    this.#resolve(flow);
    // Removed meanwhile: the flow waits, paused, until the element is back (hostConnected resumes it).
    if (!this.#host.isConnected) return flow.pause();
    this.#listen(flow);
    this.#host.requestUpdate();
  }

  #listen(flow: F): void {
    this.#unsubscribe ??= flow.subscribe(() => this.#host.requestUpdate());
  }
}
