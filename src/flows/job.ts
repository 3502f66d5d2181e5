import { describeFailure, type Failure } from './failure.ts';

/** The state of one piece of async work, as a screen renders it. */
export type JobState<T> =
  | { status: 'idle' }
  | { status: 'pending'; label?: string }
  | { status: 'complete'; value: T }
  | { status: 'error'; failure: Failure };

/**
 * One path for async work in flows: run (a newer run aborts the older one), pending / complete /
 * error, the failure already described (message + retry), abort on teardown. Lit's `Task` would need
 * a Lit host; flows have none (they run in Node tests), so this is the one small controller of ours.
 */
export class Job<T> {
  #abort: AbortController | undefined;
  #onChange: () => void;
  #describe: (thrown: unknown) => Failure;
  state: JobState<T> = { status: 'idle' };

  constructor(options: { onChange: () => void; describe?: (thrown: unknown) => Failure }) {
    this.#onChange = options.onChange;
    this.#describe = options.describe ?? ((thrown) => describeFailure(thrown));
  }

  get pending(): boolean {
    return this.state.status === 'pending';
  }

  /** Runs `work`; resolves with the new state, or undefined when a newer run or `abort()` superseded it. */
  async run(work: (signal: AbortSignal) => Promise<T>, label?: string): Promise<JobState<T> | undefined> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.#set(label === undefined ? { status: 'pending' } : { status: 'pending', label });
    let next: JobState<T>;
    try {
      next = { status: 'complete', value: await work(abort.signal) };
    } catch (thrown) {
      next = { status: 'error', failure: this.#describe(thrown) };
    }
    if (abort.signal.aborted) return undefined;
    this.#set(next);
    return next;
  }

  /** Stops the running work (its answer is ignored) and, unless told otherwise, forgets the state. */
  abort(reset = true): void {
    this.#abort?.abort();
    this.#abort = undefined;
    if (reset && this.state.status === 'pending') this.#set({ status: 'idle' });
  }

  reset(state: JobState<T> = { status: 'idle' }): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#set(state);
  }

  #set(state: JobState<T>): void {
    this.state = state;
    this.#onChange();
  }
}
