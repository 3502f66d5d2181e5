import type { MembershipClient } from '../../api/client.ts';
import type { Failure } from '../failure.ts';
import { Job } from '../job.ts';
import { checkLoginId, loginIdKey, normalizeLoginId } from '../../rules/login-id.ts';
import type { MembershipPolicy } from '../../rules/policy.ts';

/** What the ID availability check (중복확인) knows about the ID typed now. */
export type LoginIdCheckState =
  | { status: 'idle' }
  /** `slow`: the answer takes a few seconds already — say so and offer to cancel. */
  | { status: 'checking'; loginId: string; slow?: true }
  | { status: 'available'; loginId: string }
  | { status: 'taken'; loginId: string }
  | { status: 'error'; loginId: string; failure: Failure };

export interface LoginIdCheckOptions {
  client: () => MembershipClient | undefined;
  onChange: () => void;
  policy: () => MembershipPolicy | undefined;
  /** Milliseconds of quiet typing before the live check runs. */
  debounceMs?: number;
  /** The check failed (for signup-error); the ID can still be sent, the API decides at submit. */
  onError?: (failure: Failure) => void;
}

/**
 * The live availability check of the login ID: debounced while typing, immediate on the "중복확인"
 * button, one request at a time (a newer ID aborts the older request). Only IDs that pass the
 * policy's rules are sent; the API's answer is the authority.
 */
export class LoginIdCheck {
  #options: LoginIdCheckOptions;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** One request at a time: a newer ID aborts the older request. */
  #job: Job<boolean> = new Job<boolean>({
    onChange: () => {
      if (this.#job.slow && this.state.status === 'checking' && !this.state.slow) this.#set({ ...this.state, slow: true });
    },
  });
  #pending: Promise<LoginIdCheckState> | undefined;
  state: LoginIdCheckState = { status: 'idle' };

  constructor(options: LoginIdCheckOptions) {
    this.#options = options;
  }

  /** Stops the timer and the request (the flow is torn down). */
  stop(): void {
    clearTimeout(this.#timer);
    this.#job.abort();
  }

  /** Restores a known answer (a resumed draft) without asking again. */
  restore(loginId: string | undefined): void {
    if (loginId) this.#set({ status: 'available', loginId });
  }

  /** The ID changed: forget the old answer and check again after a pause in typing. */
  typed(value: string): void {
    clearTimeout(this.#timer);
    const loginId = normalizeLoginId(value);
    if (this.#answerFor(loginId)) return;
    this.#job.abort();
    this.#set({ status: 'idle' });
    if (!this.#passesRules(loginId)) return;
    this.#timer = setTimeout(() => void this.check(value), this.#options.debounceMs ?? 600);
  }

  /** Checks now (the "중복확인" button, or before leaving the step); resolves with the answer. */
  check(value: string): Promise<LoginIdCheckState> {
    clearTimeout(this.#timer);
    const loginId = normalizeLoginId(value);
    const known = this.#answerFor(loginId);
    if (known?.status === 'checking' && this.#pending) return this.#pending;
    if (known && known.status !== 'error' && known.status !== 'checking') return Promise.resolve(known);
    const client = this.#options.client();
    if (!client || !this.#passesRules(loginId)) {
      this.#set({ status: 'idle' });
      return Promise.resolve(this.state);
    }
    this.#set({ status: 'checking', loginId });
    const run = this.#job.run(async (signal) => (await client.call('checkLoginIdAvailability', { params: { loginId } }, { signal })).available);
    this.#pending = run.then((done) => {
      // Superseded by a newer ID, or stopped.
      if (!done) return this.state;
      const state: LoginIdCheckState = done.status === 'error' ? { status: 'error', loginId, failure: done.failure }
        : { status: done.status === 'complete' && done.value ? 'available' : 'taken', loginId };
      // A cancel is the person's choice, not a failure to report.
      if (state.status === 'error' && state.failure.kind !== 'aborted') this.#options.onError?.(state.failure);
      this.#set(state);
      return state;
    });
    return this.#pending;
  }

  /** The person stops waiting for a slow answer: the check ends as cancelled; 중복확인 asks again. */
  cancel(): void {
    this.#job.cancel();
  }

  /** The API said this ID is taken after all (LOGIN_ID_TAKEN at submit). */
  markTaken(value: string): void {
    this.#set({ status: 'taken', loginId: normalizeLoginId(value) });
  }

  /** Whether the API confirmed this ID as free. */
  isAvailable(value: string): boolean {
    return this.state.status === 'available' && loginIdKey(this.state.loginId) === loginIdKey(normalizeLoginId(value));
  }

  #answerFor(loginId: string): LoginIdCheckState | undefined {
    const state = this.state;
    return state.status !== 'idle' && loginIdKey(state.loginId) === loginIdKey(loginId) ? state : undefined;
  }

  #passesRules(loginId: string): boolean {
    const policy = this.#options.policy();
    return loginId !== '' && policy !== undefined && checkLoginId(loginId, policy).length === 0;
  }

  #set(state: LoginIdCheckState): void {
    this.state = state;
    this.#options.onChange();
  }
}
