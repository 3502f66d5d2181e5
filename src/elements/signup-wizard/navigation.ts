import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How the wizard leaves the page for `completion-url`; a seam for tests (a page cannot stub `location.assign`). */
export const completionNavigation = {
  assign(url: string): void {
    location.assign(url);
  },
};

/** `completion-delay` as a number of seconds, or undefined (unset or not a usable number: no automatic move). */
export function completionDelayOf(delay: number | null | undefined): number | undefined {
  return delay !== undefined && delay !== null && Number.isFinite(delay) && delay >= 0 ? delay : undefined;
}

/** One job: leaving the done step for `completion-url`, by the user's choice or after the host's delay. */
export class CompletionController implements ReactiveController {
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Goes to `url` after `delay` seconds unless the user leaves first or the host element goes away. */
  schedule(url: string, delay: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => completionNavigation.assign(url), delay * 1000);
  }

  /** Goes now (the user chose to). */
  go(url: string): void {
    clearTimeout(this.#timer);
    completionNavigation.assign(url);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }
}
