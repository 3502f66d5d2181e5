import { MembershipError } from '../api/errors.ts';
import { describeFailure, type Failure } from './failure.ts';

/** The state of one piece of async work, as a screen renders it. */
export type JobState<T> =
  | { status: 'idle' }
  /** `slow`: still running after `slowAfterMs` — say "still working" and offer to cancel. */
  | { status: 'pending'; label?: string; slow?: true }
  | { status: 'complete'; value: T }
  | { status: 'error'; failure: Failure };

export interface JobOptions {
  onChange: () => void;
  describe?: (thrown: unknown) => Failure;
  /** Milliseconds before a pending run is marked slow (default 3 000; a person wonders after a few seconds). */
  slowAfterMs?: number;
}

/** Default delay before a pending run says "still working" and offers to cancel. */
export const slowAfterMs = 3000;

/** The failure a run ends with when the person cancels it: retryable, the entries kept. */
export function cancelledFailure(): Failure {
  const failure = describeFailure(new MembershipError({ code: 'ABORTED', message: 'cancelled by the user' }));
  return { ...failure, retry: true };
}

/**
 * One path for async work in flows: run (a newer run aborts the older one), pending / slow /
 * complete / error, the failure already described (message + retry), cancel by the person, abort on
 * teardown. Lit's `Task` would need a Lit host; flows have none (they run in Node tests), so this is
 * the one small controller of ours.
 */
export class Job<T> {
  #abort: AbortController | undefined;
  #cancelled: AbortController | undefined;
  #slowTimer: ReturnType<typeof setTimeout> | undefined;
  #onChange: () => void;
  #describe: (thrown: unknown) => Failure;
  #slowAfterMs: number;
  state: JobState<T> = { status: 'idle' };

  constructor(options: JobOptions) {
    this.#onChange = options.onChange;
    this.#describe = options.describe ?? ((thrown) => describeFailure(thrown));
    this.#slowAfterMs = options.slowAfterMs ?? slowAfterMs;
  }

  get pending(): boolean {
    return this.state.status === 'pending';
  }

  /** Whether the run has been pending long enough to say "still working" and offer a cancel. */
  get slow(): boolean {
    return this.state.status === 'pending' && this.state.slow === true;
  }

  /**
   * Runs `work`; resolves with the new state, or undefined when a newer run or `abort()` superseded
   * it. A `cancel()` resolves it with the cancelled error state (a retry is offered).
   */
  async run(work: (signal: AbortSignal) => Promise<T>, label?: string): Promise<JobState<T> | undefined> {
    this.#abort?.abort();
    clearTimeout(this.#slowTimer);
    const abort = (this.#abort = new AbortController());
    const pending: JobState<T> = label === undefined ? { status: 'pending' } : { status: 'pending', label };
    this.#set(pending);
    this.#slowTimer = setTimeout(() => {
      if (this.#abort === abort && this.state === pending) this.#set({ ...pending, slow: true });
    }, this.#slowAfterMs);
    let next: JobState<T>;
    try {
      // A cancel ends the wait at once, even for work that does not listen to the signal.
      next = { status: 'complete', value: await Promise.race([work(abort.signal), rejectOnAbort(abort.signal)]) };
    } catch (thrown) {
      next = { status: 'error', failure: this.#describe(thrown) };
    }
    if (this.#abort === abort) clearTimeout(this.#slowTimer);
    if (abort.signal.aborted) {
      if (this.#cancelled !== abort || this.#abort !== abort) return undefined;
      next = { status: 'error', failure: cancelledFailure() };
    }
    this.#abort = undefined;
    this.#set(next);
    return next;
  }

  /**
   * The person stops waiting: the request is aborted, its answer ignored, and the run ends as a
   * cancelled error with a retry (whoever drives the job keeps the entries and, for a submit, its key).
   */
  cancel(): void {
    if (!this.#abort || this.state.status !== 'pending') return;
    this.#cancelled = this.#abort;
    this.#abort.abort(new DOMException('cancelled by the user', 'AbortError'));
  }

  /** Stops the running work (its answer is ignored) and, unless told otherwise, forgets the state. */
  abort(reset = true): void {
    clearTimeout(this.#slowTimer);
    this.#abort?.abort();
    this.#abort = undefined;
    if (reset && this.state.status === 'pending') this.#set({ status: 'idle' });
  }

  reset(state: JobState<T> = { status: 'idle' }): void {
    clearTimeout(this.#slowTimer);
    this.#abort?.abort();
    this.#abort = undefined;
    this.#set(state);
  }

  #set(state: JobState<T>): void {
    this.state = state;
    this.#onChange();
  }
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}
