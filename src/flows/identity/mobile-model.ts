import type { MembershipError } from '../../api/errors.ts';
import { MobileState } from './mobile-state.ts';
import { toMobileCodeRequest } from './mobile-values.ts';

export type { MobileAlert, MobileModelOptions, MobileStage } from './mobile-state.ts';

/**
 * The mobile OTP verification (docs/domain.md, "Identity verification"), with no DOM: start → form
 * (with captcha) → code (with its timer, resend and more time) → token. Typed values survive every
 * error; only the single-use security text is cleared. The element renders it and asks for focus
 * through `options.focus`.
 */
export class MobileModel extends MobileState {
  /** "인증번호 받기": checks the form, then asks the API to send the code. */
  async requestCode(): Promise<void> {
    if (this.busy || !this.verificationId) return;
    this.alert = undefined;
    if (!this.form.submit()) {
      this.options.focus('invalid');
      return;
    }
    const verificationId = this.verificationId;
    const answer = await this.request('request-code', (signal) => this.client.call(
      'requestMobileCode',
      { params: { verificationId }, body: toMobileCodeRequest(this.form.values) },
      { signal },
    ));
    if (!answer) return;
    if (answer.ok) {
      this.codeStatus = answer.value;
      this.code = '';
      this.codeError = undefined;
      this.extendable = true;
      this.stage = 'code';
      this.options.announce('identity.code.sent');
    } else {
      // The security text is single-use: a new image for the next try, whatever happened (a cancel too).
      this.refreshCaptcha();
      this.setBusy(undefined);
      this.#requestFailed(answer.error);
    }
    this.setBusy(undefined);
  }

  #requestFailed(error: MembershipError): void {
    this.options.onError(error, 'request-code');
    if (error.code === 'CAPTCHA_MISMATCH') {
      this.form.setServerErrors([{ field: 'captchaAnswer', code: 'CAPTCHA_MISMATCH' }]);
      this.options.focus('captcha');
      return;
    }
    const fields = error.fields.map((f) => ({ field: f.field === 'providerTermsAgreed' ? 'terms' : f.field, code: f.code }));
    if (error.code === 'VALIDATION_FAILED' && fields.length > 0) {
      this.form.setServerErrors(fields);
      this.options.focus('invalid');
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
    this.options.onChange();
  }

  async confirm(): Promise<void> {
    if (this.busy || !this.verificationId) return;
    this.alert = undefined;
    if (!/^\d{6}$/.test(this.code)) {
      this.codeError = 'CODE_INCOMPLETE';
      this.options.focus('code');
      this.options.onChange();
      return;
    }
    const verificationId = this.verificationId;
    const answer = await this.request('confirm-code', (signal) => this.client.call('confirmMobileCode', { params: { verificationId }, body: { code: this.code } }, { signal }));
    if (!answer) return;
    if (answer.ok) {
      this.options.onVerified(answer.value);
      this.setBusy(undefined);
      return;
    }
    const failure = answer.error;
    this.options.onError(failure, 'confirm-code');
    if (['CODE_MISMATCH', 'CODE_EXPIRED', 'ATTEMPTS_EXCEEDED'].includes(failure.code)) {
      this.codeError = failure;
      if (failure.code === 'CODE_MISMATCH') this.code = '';
      this.options.focus(failure.code === 'CODE_MISMATCH' ? 'code' : 'resend');
    } else {
      this.alert = { error: failure, operation: 'confirm-code' };
    }
    this.setBusy(undefined);
  }

  async resend(): Promise<void> {
    if (this.busy || !this.verificationId) return;
    this.alert = undefined;
    const verificationId = this.verificationId;
    const answer = await this.request('resend-code', (signal) => this.client.call('resendMobileCode', { params: { verificationId } }, { signal }));
    if (!answer) return;
    if (answer.ok) {
      this.codeStatus = answer.value;
      this.code = '';
      this.codeError = undefined;
      this.options.announce('identity.code.resent');
    } else {
      const failure = answer.error;
      this.options.onError(failure, 'resend-code');
      if (failure.code === 'RESEND_TOO_SOON' && failure.retryAfterSeconds !== undefined && this.codeStatus) {
        // The server's wait wins over the device clock's: the button waits as long as it says.
        const at = new Date(this.options.clock() + failure.retryAfterSeconds * 1000).toISOString();
        this.codeStatus = { ...this.codeStatus, resendAvailableAt: at };
      }
      if (failure.code === 'ATTEMPTS_EXCEEDED' && this.codeStatus) this.codeStatus = { ...this.codeStatus, resendsLeft: 0 };
      this.alert = { error: failure, operation: 'resend-code' };
    }
    this.setBusy(undefined);
  }

  /** "시간 연장": the same code stays valid for a full period again (WCAG 2.2.1); nothing is sent. */
  async extend(): Promise<void> {
    if (this.busy || !this.verificationId) return;
    this.alert = undefined;
    const verificationId = this.verificationId;
    const answer = await this.request('extend-code', (signal) => this.client.call('extendMobileCode', { params: { verificationId } }, { signal }));
    if (!answer) return;
    if (answer.ok) {
      this.codeStatus = answer.value;
      if (this.codeError !== undefined && this.codeError !== 'CODE_INCOMPLETE' && this.codeError.code === 'CODE_EXPIRED') this.codeError = undefined;
    } else {
      const failure = answer.error;
      this.options.onError(failure, 'extend-code');
      if (failure.code === 'ATTEMPTS_EXCEEDED') this.extendable = false;
      this.alert = { error: failure, operation: 'extend-code' };
    }
    this.setBusy(undefined);
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
}
