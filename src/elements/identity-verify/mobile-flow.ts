import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MobileCodeStatus } from '../../api/contract.ts';
import { MembershipError } from '../../api/errors.ts';
import type { VerificationPurpose, VerificationResult } from '../../api/schemas.ts';
import type { MembershipRuntime } from '../../context/runtime.ts';
import { calendarDateOf } from '../../rules/birth-date.ts';
import { FormController } from '../shared/form-controller.ts';
import type { IdentityVerifyErrorDetail } from './events.ts';
import { emptyMobileForm, toMobileCodeRequest, validateMobileForm, type MobileFormValues } from '../../flows/identity/mobile-values.ts';
import { toMembershipError } from './problem.ts';

export type MobileStage = 'idle' | 'starting' | 'form' | 'code';
type Operation = IdentityVerifyErrorDetail['operation'];

export interface MobileFlowOptions {
  runtime: () => MembershipRuntime | undefined;
  purpose: () => VerificationPurpose;
  resetId: () => string | undefined;
  clock: () => number;
  /** Initial nationality choice of the form. */
  nationality: () => MobileFormValues['nationality'];
  onVerified: (result: VerificationResult) => void;
  onError: (error: MembershipError, operation: Operation) => void;
  /** Language of the spoken security text. */
  locale: () => 'ko' | 'en';
  announce: (key: 'identity.code.sent' | 'identity.code.resent' | 'identity.captcha.refreshed' | 'identity.captcha.audioFailed') => void;
}

/** A failure shown as an alert, with the operation to repeat when it was transient. */
export interface MobileAlert {
  error: MembershipError;
  operation: Operation;
}

/**
 * The mobile OTP verification (docs/domain.md, "Identity verification"): start → form (with captcha) → code → token. Holds
 * the state and talks to the API; rendering is in mobile-form.ts, the element only composes.
 * Typed values survive every error; only the single-use security text is cleared.
 */
export class MobileFlow implements ReactiveController {
  readonly form: FormController<MobileFormValues>;
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

  #host: ReactiveControllerHost & HTMLElement;
  #options: MobileFlowOptions;
  #abort: AbortController | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: MobileFlowOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    this.form = new FormController<MobileFormValues>(host, {
      initial: emptyMobileForm(options.nationality()),
      validate: (values) => validateMobileForm(values, calendarDateOf(new Date(options.clock()))),
    });
  }

  hostConnected(): void {
    // Moved in the document while starting: the start was aborted on disconnect, so start again.
    if (this.stage === 'starting') void this.start();
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  get #runtime(): MembershipRuntime {
    const runtime = this.#options.runtime();
    if (!runtime) throw new Error('identity-verify: no membership API configured (api-base and site, or a membership-provider).');
    return runtime;
  }

  /** `<img src>` of the current security text. */
  get captchaSrc(): string | undefined {
    return this.verificationId ? this.#options.runtime()?.client.captchaUrl(this.verificationId, this.captchaRefresh) : undefined;
  }

  /** URL of the current security text read aloud (it does not replace the text); a new one per play. */
  captchaAudioUrl(): string | undefined {
    this.#audioPlays += 1;
    return this.verificationId ? this.#options.runtime()?.client.captchaAudioUrl(this.verificationId, this.#options.locale(), this.#audioPlays) : undefined;
  }

  /** Whether the last play of the spoken security text failed; a failure is said once. */
  setCaptchaAudioFailed(failed: boolean): void {
    if (failed === this.captchaAudioFailed) return;
    this.captchaAudioFailed = failed;
    if (failed) this.#options.announce('identity.captcha.audioFailed');
    this.#host.requestUpdate();
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
      const start = await this.#runtime.client.call(
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
    this.#host.requestUpdate();
  }

  /** "인증번호 받기": checks the form, then asks the API to send the code. */
  async requestCode(): Promise<void> {
    if (this.busy || !this.verificationId) return;
    this.alert = undefined;
    if (!(await this.form.submitAndFocus())) return;
    this.#setBusy('request-code');
    try {
      this.codeStatus = await this.#runtime.client.call('requestMobileCode', {
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
      await this.#requestFailed(toMembershipError(error));
    } finally {
      this.#setBusy(undefined);
    }
  }

  async #requestFailed(error: MembershipError): Promise<void> {
    this.#options.onError(error, 'request-code');
    if (error.code === 'CAPTCHA_MISMATCH') {
      this.form.setServerErrors([{ field: 'captchaAnswer', code: 'CAPTCHA_MISMATCH' }]);
      await this.#focus('[data-field="captchaAnswer"]');
      return;
    }
    const fields = error.fields.map((f) => ({ field: f.field === 'providerTermsAgreed' ? 'terms' : f.field, code: f.code }));
    if (error.code === 'VALIDATION_FAILED' && fields.length > 0) {
      this.form.setServerErrors(fields);
      await this.#focus('[aria-invalid="true"]');
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
    this.#host.requestUpdate();
  }

  async confirm(): Promise<void> {
    if (this.busy || !this.verificationId) return;
    this.alert = undefined;
    if (!/^\d{6}$/.test(this.code)) {
      this.codeError = 'CODE_INCOMPLETE';
      this.#host.requestUpdate();
      await this.#focus('mb-otp-input');
      return;
    }
    this.#setBusy('confirm-code');
    try {
      const result = await this.#runtime.client.call('confirmMobileCode', { params: { verificationId: this.verificationId }, body: { code: this.code } });
      this.#options.onVerified(result);
    } catch (error) {
      const failure = toMembershipError(error);
      this.#options.onError(failure, 'confirm-code');
      if (['CODE_MISMATCH', 'CODE_EXPIRED', 'ATTEMPTS_EXCEEDED'].includes(failure.code)) {
        this.codeError = failure;
        if (failure.code === 'CODE_MISMATCH') this.code = '';
        this.#setBusy(undefined);
        await this.#host.updateComplete;
        const otp = this.#host.querySelector<HTMLElement & { focusResend(): void }>('mb-otp-input');
        if (failure.code === 'CODE_MISMATCH') otp?.focus();
        else otp?.focusResend();
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
      this.codeStatus = await this.#runtime.client.call('resendMobileCode', { params: { verificationId: this.verificationId } });
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
      this.codeStatus = await this.#runtime.client.call('extendMobileCode', { params: { verificationId: this.verificationId } });
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
    this.#host.requestUpdate();
  }

  async #focus(selector: string): Promise<void> {
    await this.#host.updateComplete;
    this.#host.querySelector<HTMLElement>(selector)?.focus();
  }
}
