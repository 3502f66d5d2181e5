import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MembershipError } from '../api/errors.ts';
import type { SiteConfig } from '../api/schemas.ts';
import type { MembershipRuntime } from './runtime.ts';

export type SiteConfigState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'complete'; value: SiteConfig }
  | { status: 'error'; error: MembershipError };

export interface SiteConfigOptions {
  /**
   * The host's first render does not wait for the config (the wizard's first step): the request (and the
   * client code it loads) starts in the task after that render, not inside it. The state is `pending`
   * from the start all the same.
   */
  afterFirstRender?: boolean;
}

/**
 * One job: the site config of the host's runtime. The request starts when the host connects — in
 * parallel with loading the rest of its code and catalogue, not after its first render — or, for a host
 * whose first render does not wait for it, right after that render.
 */
export class SiteConfigController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #runtime: () => MembershipRuntime | undefined;
  #state: SiteConfigState = { status: 'idle' };
  #loadedFor: MembershipRuntime | undefined;
  #changedWhileAway = false;

  #afterFirstRender: Promise<void> | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, runtime: () => MembershipRuntime | undefined, options: SiteConfigOptions = {}) {
    this.#host = host;
    this.#runtime = runtime;
    if (options.afterFirstRender) {
      this.#afterFirstRender = host.updateComplete.then(() => new Promise<void>((resolve) => setTimeout(resolve)));
      // Once it has passed, loads are not delayed again.
      void this.#afterFirstRender.then(() => (this.#afterFirstRender = undefined));
    }
    host.addController(this);
  }

  get state(): SiteConfigState {
    return this.#state;
  }

  hostConnected(): void {
    // An answer that came while the host was out of the page is drawn now.
    if (this.#changedWhileAway) this.#host.requestUpdate();
    this.#changedWhileAway = false;
    this.#loadIfNew();
  }

  /** Re-render for a new state, but not while the host is out of the page: a removed element would
   *  otherwise update (Lit updates disconnected elements) and start its own requests (e.g. the terms). */
  #changed(): void {
    if (this.#host.isConnected) this.#host.requestUpdate();
    else this.#changedWhileAway = true;
  }

  hostUpdate(): void {
    this.#loadIfNew();
  }

  #loadIfNew(): void {
    const runtime = this.#runtime();
    if (runtime && runtime !== this.#loadedFor) void this.load();
  }

  /** Loads (or reloads after a failure) the site config; `fresh` after the person cancelled a slow load. */
  async load(fresh = false): Promise<void> {
    const runtime = this.#runtime();
    if (!runtime) return;
    this.#loadedFor = runtime;
    this.#state = { status: 'pending' };
    this.#host.requestUpdate();
    if (this.#afterFirstRender) await this.#afterFirstRender;
    if (this.#loadedFor !== runtime) return;
    try {
      const value = await runtime.siteConfig(fresh ? { fresh } : undefined);
      // The host draws the settings in the task after the one that checked them (the answer's parse and the
      // render together were one long task on a slow CPU).
      await nextTask();
      if (this.#loadedFor === runtime) this.#state = { status: 'complete', value };
    } catch (error) {
      if (this.#loadedFor === runtime) {
        this.#state = { status: 'error', error: error instanceof MembershipError ? error : new MembershipError({ code: 'NETWORK_ERROR', cause: error }) };
      }
    }
    this.#changed();
  }
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));
