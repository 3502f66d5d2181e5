import type { MembershipClient } from '../../api/client.ts';
import type { MobileCodeStatus } from '../../api/contract.ts';
import { MembershipError } from '../../api/errors.ts';
import type { VerificationPurpose, VerificationResult } from '../../api/schemas.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { calendarDateOf } from '../../rules/birth-date.ts';
import { FormModel } from '../form-model.ts';
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
  protected abort: AbortController | undefined;

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

  /** The element left the document: running work is aborted. */
  pause(): void {
    this.abort?.abort();
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
    this.abort?.abort();
    this.abort = new AbortController();
    const { signal } = this.abort;
    this.stage = 'starting';
    this.verificationId = undefined;
    this.codeStatus = undefined;
    this.codeError = undefined;
    this.code = '';
    this.alert = undefined;
    this.setBusy('start');
    try {
      const resetId = this.options.resetId();
      const start = await this.client.call(
        'startVerification',
        { body: { method: 'mobile', purpose: this.options.purpose(), ...(resetId ? { resetId } : {}) } },
        { signal },
      );
      if (start.kind !== 'otp') throw new MembershipError({ code: 'INVALID_RESPONSE', message: 'mobile verification did not start as OTP' });
      this.verificationId = start.verificationId;
      this.captchaRefresh = 0;
      this.form.set('captchaAnswer', '');
    } catch (error) {
      if (signal.aborted) return;
      this.fail(toMembershipError(error), 'start');
    } finally {
      if (!signal.aborted) {
        this.stage = 'form';
        this.setBusy(undefined);
      }
    }
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
    this.abort?.abort();
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
