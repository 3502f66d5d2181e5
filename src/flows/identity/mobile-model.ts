import type { MembershipClient } from '../../api/client.ts';
import type { MobileCodeStatus } from '../../api/contract.ts';
import { MembershipError } from '../../api/errors.ts';
import type { VerificationPurpose, VerificationResult } from '../../api/schemas.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { calendarDateOf } from '../../rules/birth-date.ts';
import { describeFailure } from '../failure.ts';
import { FormModel } from '../form-model.ts';
import { codeTimer, type CodeTimer } from './code-timer.ts';
import type { IdentityFocus, IdentityOperation } from './events.ts';
import { emptyMobileForm, toMobileCodeRequest, validateMobileForm, type MobileFormValues } from './mobile-values.ts';

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

/** Any failure as the MembershipError the screen explains (describeFailure's one mapping). */
const toMembershipError = (thrown: unknown): MembershipError => describeFailure(thrown).error;

/**
 * The mobile OTP verification (docs/domain.md, "Identity verification"), with no DOM: start → form
 * (with captcha) → code (with its timer, resend and more time) → token. Typed values survive every
 * error; only the single-use security text is cleared. The element renders it and asks for focus
 * through `focus`.
 */
export class MobileModel {
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

  #options: MobileModelOptions;
  #abort: AbortController | undefined;

  constructor(options: MobileModelOptions) {
    this.#options = options;
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
    this.#abort?.abort();
  }

  /** The code's countdown now (by the element's clock). */
  get timer(): CodeTimer {
    return codeTimer(this.codeStatus, this.#options.clock());
  }

  get #client(): MembershipClient {
    const client = this.#options.client();
    if (!client) throw new Error('identity-verify: no membership API configured (api-base and site, or a membership-provider).');
    return client;
  }

  /** `<img src>` of the current security text. */
  get captchaSrc(): string | undefined {
    return this.verificationId ? this.#options.client()?.captchaUrl(this.verificationId, this.captchaRefresh) : undefined;
  }

  /** URL of the current security text read aloud (it does not replace the text); a new one per play. */
  captchaAudioUrl(): string | undefined {
    this.#audioPlays += 1;
    return this.verificationId ? this.#options.client()?.captchaAudioUrl(this.verificationId, this.#options.locale(), this.#audioPlays) : undefined;
  }

  /** Whether the last play of the spoken security text failed; a failure is said once. */
  setCaptchaAudioFailed(failed: boolean): void {
    if (failed === this.captchaAudioFailed) return;
    this.captchaAudioFailed = failed;
    if (failed) this.#options.announce('identity.captcha.audioFailed');
    this.#options.onChange();
  }

  /** Starts a new verification (first time, or "start again"), keeping what was typed. */
  async start(): Promise<void> {
    this.#abort?.abort();
    this.#abort = new AbortController();
    const { signal } = this.#abort;
    this.stage = 'starting';
    this.verificationId = undefined;
    this.codeStatus = undefined;
    this.codeError = undefined;
    this.code = '';
    this.alert = undefined;
    this.#setBusy('start');
    try {
      const resetId = this.#options.resetId();
      const start = await this.#client.call(
        'startVerification',
        { body: { method: 'mobile', purpose: this.#options.purpose(), ...(resetId ? { resetId } : {}) } },
        { signal },
      );
      if (start.kind !== 'otp') throw new MembershipError({ code: 'INVALID_RESPONSE', message: 'mobile verification did not start as OTP' });
      this.verificationId = start.verificationId;
      this.captchaRefresh = 0;
      this.form.set('captchaAnswer', '');
    } catch (error) {
      if (signal.aborted) return;
      this.#fail(toMembershipError(error), 'start');
    } finally {
      if (!signal.aborted) {
        this.stage = 'form';
        this.#setBusy(undefined);
      }
    }
  }

  /** A new security-text image; the typed answer no longer applies. */
  refreshCaptcha({ announce = false } = {}): void {
    this.captchaRefresh += 1;
    this.captchaAudioFailed = false;
    this.form.set('captchaAnswer', '');
    if (announce) this.#options.announce('identity.captcha.refreshed');
    this.#options.onChange();
  }

  /** "인증번호 받기": checks the form, then asks the API to send the code. */
  async requestCode(): Promise<void> {
    if (this.busy || !this.verificationId) return;
    this.alert = undefined;
    if (!this.form.submit()) {
      this.#options.focus('invalid');
      return;
    }
    this.#setBusy('request-code');
    try {
      this.codeStatus = await this.#client.call('requestMobileCode', {
        params: { verificationId: this.verificationId },
        body: toMobileCodeRequest(this.form.values),
      });
      this.code = '';
      this.codeError = undefined;
      this.extendable = true;
      this.stage = 'code';
      this.#options.announce('identity.code.sent');
    } catch (error) {
      // The security text is single-use: a new image for the next try, whatever happened.
      this.refreshCaptcha();
      this.#setBusy(undefined);
      this.#requestFailed(toMembershipError(error));
    } finally {
      this.#setBusy(undefined);
    }
  }

  #requestFailed(error: MembershipError): void {
    this.#options.onError(error, 'request-code');
    if (error.code === 'CAPTCHA_MISMATCH') {
      this.form.setServerErrors([{ field: 'captchaAnswer', code: 'CAPTCHA_MISMATCH' }]);
      this.#options.focus('captcha');
      return;
    }
    const fields = error.fields.map((f) => ({ field: f.field === 'providerTermsAgreed' ? 'terms' : f.field, code: f.code }));
    if (error.code === 'VALIDATION_FAILED' && fields.length > 0) {
      this.form.setServerErrors(fields);
      this.#options.focus('invalid');
      return;
    }
    this.alert = { error, operation: 'request-code' };
  }

  /** Back from the code step to change the number or other details (same verification, new captcha). */
  editDetails(): void {
    this.stage = 'form';
    this.codeError = undefined;
    this.alert = undefined;
    this.refreshCaptcha();
  }

  setCode(code: string): void {
    this.code = code;
    if (this.codeError === 'CODE_INCOMPLETE' || this.codeError?.code === 'CODE_MISMATCH') this.codeError = undefined;
    this.#options.onChange();
  }

  async confirm(): Promise<void> {
    if (this.busy || !this.verificationId) return;
    this.alert = undefined;
    if (!/^\d{6}$/.test(this.code)) {
      this.codeError = 'CODE_INCOMPLETE';
      this.#options.focus('code');
      this.#options.onChange();
      return;
    }
    this.#setBusy('confirm-code');
    try {
      const result = await this.#client.call('confirmMobileCode', { params: { verificationId: this.verificationId }, body: { code: this.code } });
      this.#options.onVerified(result);
    } catch (error) {
      const failure = toMembershipError(error);
      this.#options.onError(failure, 'confirm-code');
      if (['CODE_MISMATCH', 'CODE_EXPIRED', 'ATTEMPTS_EXCEEDED'].includes(failure.code)) {
        this.codeError = failure;
        if (failure.code === 'CODE_MISMATCH') this.code = '';
        this.#options.focus(failure.code === 'CODE_MISMATCH' ? 'code' : 'resend');
        return;
      }
      this.alert = { error: failure, operation: 'confirm-code' };
    } finally {
      this.#setBusy(undefined);
    }
  }

  async resend(): Promise<void> {
    if (this.busy || !this.verificationId) return;
    this.alert = undefined;
    this.#setBusy('resend-code');
    try {
      this.codeStatus = await this.#client.call('resendMobileCode', { params: { verificationId: this.verificationId } });
      this.code = '';
      this.codeError = undefined;
      this.#options.announce('identity.code.resent');
    } catch (error) {
      const failure = toMembershipError(error);
      this.#options.onError(failure, 'resend-code');
      if (failure.code === 'RESEND_TOO_SOON' && failure.retryAfterSeconds !== undefined && this.codeStatus) {
        // The server's wait wins over the device clock's: the button waits as long as it says.
        const at = new Date(this.#options.clock() + failure.retryAfterSeconds * 1000).toISOString();
        this.codeStatus = { ...this.codeStatus, resendAvailableAt: at };
      }
      if (failure.code === 'ATTEMPTS_EXCEEDED' && this.codeStatus) this.codeStatus = { ...this.codeStatus, resendsLeft: 0 };
      this.alert = { error: failure, operation: 'resend-code' };
    } finally {
      this.#setBusy(undefined);
    }
  }

  /** "시간 연장": the same code stays valid for a full period again (WCAG 2.2.1); nothing is sent. */
  async extend(): Promise<void> {
    if (this.busy || !this.verificationId) return;
    this.alert = undefined;
    this.#setBusy('extend-code');
    try {
      this.codeStatus = await this.#client.call('extendMobileCode', { params: { verificationId: this.verificationId } });
      if (this.codeError !== undefined && this.codeError !== 'CODE_INCOMPLETE' && this.codeError.code === 'CODE_EXPIRED') this.codeError = undefined;
    } catch (error) {
      const failure = toMembershipError(error);
      this.#options.onError(failure, 'extend-code');
      if (failure.code === 'ATTEMPTS_EXCEEDED') this.extendable = false;
      this.alert = { error: failure, operation: 'extend-code' };
    } finally {
      this.#setBusy(undefined);
    }
  }

  /** Repeats the operation of a transient alert (network loss, timeout, server busy). */
  retry(): Promise<void> {
    const operation = this.alert?.operation;
    if (operation === 'start') return this.start();
    if (operation === 'confirm-code') return this.confirm();
    if (operation === 'resend-code') return this.resend();
    if (operation === 'extend-code') return this.extend();
    return this.requestCode();
  }

  /** Forgets everything (another method was chosen, or the purpose changed). */
  reset(): void {
    this.#abort?.abort();
    this.stage = 'idle';
    this.verificationId = undefined;
    this.codeStatus = undefined;
    this.codeError = undefined;
    this.alert = undefined;
    this.busy = undefined;
    this.code = '';
    this.extendable = true;
    this.form.reset(emptyMobileForm(this.#options.nationality()));
  }

  #fail(error: MembershipError, operation: Operation): void {
    this.#options.onError(error, operation);
    this.alert = { error, operation };
  }

  #setBusy(operation: Operation | undefined): void {
    this.busy = operation;
    this.#options.onChange();
  }
}
