import type { MembershipClient } from '../../api/client.ts';
import type { MobileCodeStatus } from '../../api/contract.ts';
import { MembershipError } from '../../api/errors.ts';
import type { VerificationPurpose, VerificationResult } from '../../api/schemas.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { calendarDateOf } from '../../rules/birth-date.ts';
import { FormModel } from '../form-model.ts';
import { Job } from '../job.ts';
import { codeTimer, type CodeTimer } from './code-timer.ts';
import type { IdentityFocus, IdentityOperation } from './events.ts';
import { emptyMobileForm, validateMobileForm, type MobileFormValues } from './mobile-values.ts';

export type MobileStage = 'idle' | 'starting' | 'form' | 'code';
type Operation = IdentityOperation;

export interface MobileModelOptions {
  client: () => MembershipClient | undefined;
  purpose: () => VerificationPurpose;
  resetId: () => string | undefined;
  clock: () => number;
  /** Initial nationality choice of the form. */
  nationality: () => MobileFormValues['nationality'];
  /** Language of the spoken security text. */
  locale: () => 'ko' | 'en';
  /** After every change (the element re-renders). */
  onChange: () => void;
  onVerified: (result: VerificationResult) => void;
  onError: (error: MembershipError, operation: Operation) => void;
  announce: (key: MessageKey) => void;
  /** Where focus goes after the next render. */
  focus: (target: IdentityFocus) => void;
}

/** A failure shown as an alert, with the operation to repeat when it was transient. */
export interface MobileAlert {
  error: MembershipError;
  operation: Operation;
}

/** A request's answer or its failure; undefined when a newer request or a reset took over. */
export type Answer<T> = { ok: true; value: T } | { ok: false; error: MembershipError } | undefined;

/** Any failure as the MembershipError the screen explains (the client already wraps what it throws). */
export const toMembershipError = (thrown: unknown): MembershipError =>
  thrown instanceof MembershipError ? thrown : new MembershipError({ code: 'NETWORK_ERROR', cause: thrown });

/**
 * The mobile verification's state, its start, the security text and its reset, with no DOM. The
 * requests around the code are MobileModel's (mobile-model.ts), as SignupFlow extends SignupState.
 */
export abstract class MobileState {
  readonly form: FormModel<MobileFormValues>;
  stage: MobileStage = 'idle';
  verificationId: string | undefined;
  /** Bumped for every new captcha image (the API replaces the text after every try). */
  captchaRefresh = 0;
  /** The spoken security text could not be loaded or played (said under the captcha). */
  captchaAudioFailed = false;
  #audioPlays = 0;
  codeStatus: MobileCodeStatus | undefined;
  code = '';
  /** Whether "more time" is still offered (the server refuses past the verification's longest life). */
  extendable = true;
  /** The message under the code input: wrong, expired, too many tries — or fewer than 6 digits. */
  codeError: MembershipError | 'CODE_INCOMPLETE' | undefined;
  alert: MobileAlert | undefined;
  busy: Operation | undefined;

  protected readonly options: MobileModelOptions;
  /** Every request runs here: one at a time, "still working" after a few seconds, a cancel by the person. */
  readonly #job = new Job<Answer<unknown>>({ onChange: () => this.options.onChange() });

  constructor(options: MobileModelOptions) {
    this.options = options;
    this.form = new FormModel<MobileFormValues>({
      initial: emptyMobileForm(options.nationality()),
      validate: (values) => validateMobileForm(values, calendarDateOf(new Date(options.clock()))),
      onChange: () => options.onChange(),
    });
  }

  /** The element came back: a start aborted by `pause()` runs again. */
  resume(): void {
    if (this.stage === 'starting') void this.start();
  }

  /** The element left the document: a running start is aborted (the other requests finish). */
  pause(): void {
    if (this.busy === 'start') this.#job.abort();
  }

  /** The running request has taken a few seconds already: say "still working" and offer `cancel()`. */
  get slow(): boolean {
    return this.busy !== undefined && this.#job.slow;
  }

  /**
   * The person stops waiting: the request is aborted at once and ends as a cancelled failure with its
   * retry; everything typed stays (the security text is renewed, as after any try).
   */
  cancel(): void {
    this.#job.cancel();
  }

  /** The code's countdown now (by the element's clock). */
  get timer(): CodeTimer {
    return codeTimer(this.codeStatus, this.options.clock());
  }

  protected get client(): MembershipClient {
    const client = this.options.client();
    if (!client) throw new Error('identity-verify: no membership API configured (api-base and site, or a membership-provider).');
    return client;
  }

  /** `<img src>` of the current security text. */
  get captchaSrc(): string | undefined {
    return this.verificationId ? this.options.client()?.captchaUrl(this.verificationId, this.captchaRefresh) : undefined;
  }

  /** URL of the current security text read aloud (it does not replace the text); a new one per play. */
  captchaAudioUrl(): string | undefined {
    this.#audioPlays += 1;
    return this.verificationId ? this.options.client()?.captchaAudioUrl(this.verificationId, this.options.locale(), this.#audioPlays) : undefined;
  }

  /** Whether the last play of the spoken security text failed; a failure is said once. */
  setCaptchaAudioFailed(failed: boolean): void {
    if (failed === this.captchaAudioFailed) return;
    this.captchaAudioFailed = failed;
    if (failed) this.options.announce('identity.captcha.audioFailed');
    this.options.onChange();
  }

  /** Starts a new verification (first time, or "start again"), keeping what was typed. */
  async start(): Promise<void> {
    this.stage = 'starting';
    this.verificationId = undefined;
    this.codeStatus = undefined;
    this.codeError = undefined;
    this.code = '';
    this.alert = undefined;
    const resetId = this.options.resetId();
    const answer = await this.request('start', (signal) => this.client.call(
      'startVerification',
      { body: { method: 'mobile', purpose: this.options.purpose(), ...(resetId ? { resetId } : {}) } },
      { signal },
    ));
    // Stopped by pause() or reset(): `resume()` starts again.
    if (!answer) return;
    if (answer.ok && answer.value.kind === 'otp') {
      this.verificationId = answer.value.verificationId;
      this.captchaRefresh = 0;
      this.form.set('captchaAnswer', '');
    } else {
      this.fail(answer.ok ? new MembershipError({ code: 'INVALID_RESPONSE', message: 'mobile verification did not start as OTP' }) : answer.error, 'start');
    }
    this.stage = 'form';
    this.setBusy(undefined);
  }

  /**
   * Runs one request as `operation` (busy meanwhile). Failures come back as MembershipErrors (a cancel
   * as ABORTED); undefined when a newer request or a reset took over, which then owns `busy`.
   */
  protected async request<T>(operation: Operation, call: (signal: AbortSignal) => Promise<T>): Promise<Answer<T>> {
    this.setBusy(operation);
    const state = await this.#job.run(async (signal): Promise<Answer<unknown>> => {
      try {
        return { ok: true, value: await call(signal) };
      } catch (error) {
        return { ok: false, error: toMembershipError(error) };
      }
    }, operation);
    if (!state) return undefined;
    if (state.status === 'error') return { ok: false, error: state.failure.error };
    return state.status === 'complete' ? (state.value as Answer<T>) : undefined;
  }

  /** A new security-text image; the typed answer no longer applies. */
  refreshCaptcha({ announce = false } = {}): void {
    this.captchaRefresh += 1;
    this.captchaAudioFailed = false;
    this.form.set('captchaAnswer', '');
    if (announce) this.options.announce('identity.captcha.refreshed');
    this.options.onChange();
  }

  /** Forgets everything (another method was chosen, or the purpose changed). */
  reset(): void {
    this.#job.reset();
    this.stage = 'idle';
    this.verificationId = undefined;
    this.codeStatus = undefined;
    this.codeError = undefined;
    this.alert = undefined;
    this.busy = undefined;
    this.code = '';
    this.extendable = true;
    this.form.reset(emptyMobileForm(this.options.nationality()));
  }

  protected fail(error: MembershipError, operation: Operation): void {
    this.options.onError(error, operation);
    this.alert = { error, operation };
  }

  protected setBusy(operation: Operation | undefined): void {
    this.busy = operation;
    this.options.onChange();
  }
}
