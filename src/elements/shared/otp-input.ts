import { html, nothing, type PropertyValues, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { MessageArea } from '../../i18n/areas.ts';
import { live } from 'lit/directives/live.js';
import { normalizeDigits, toAsciiDigits } from '../../rules/digits.ts';
import { describedBy, renderField } from './field.ts';
import { MembershipElement } from './membership-element.ts';
import { otpInputStyles } from './otp-input.styles.ts';

/** The resend button was pressed (the host asks the API for a new code). */
export class OtpResendEvent extends Event {
  static readonly type = 'otp-resend';

  constructor() {
    super(OtpResendEvent.type, { bubbles: true, composed: true });
  }
}

/** The "more time" button was pressed (the host asks the API to keep the same code valid longer). */
export class OtpExtendEvent extends Event {
  static readonly type = 'otp-extend';

  constructor() {
    super(OtpExtendEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'otp-resend': OtpResendEvent;
    'otp-extend': OtpExtendEvent;
  }
}

export const otpLength = 6;

/** The code in pasted or autofilled text: a lone run of 6 digits (an SMS) or else the first 6 digits. */
export function extractOtp(text: string): string {
  const ascii = toAsciiDigits(text);
  const run = /(?<!\d)\d{6}(?!\d)/.exec(ascii);
  return run ? run[0] : normalizeDigits(ascii).slice(0, otpLength);
}

/** Remaining whole seconds until `deadline` (ISO), never negative; undefined without a deadline. */
function secondsUntil(deadline: string | undefined, now: number): number | undefined {
  if (!deadline) return undefined;
  const at = Date.parse(deadline);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

const clockText = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

// Screen readers hear the time at these moments only (not every second): at start, then here, then at 0.
const announceAt = [60, 30] as const;

/**
 * A 6-digit one-time code: one input (numeric keyboard, SMS autofill, paste of a whole message),
 * a visible mm:ss countdown to `expiresAt`, spoken at start, at 1 minute, at 30 seconds and at
 * expiry (aria-live polite), and a resend button that waits for `resendAvailableAt`. With
 * `extendable`, a "more time" button while the code is valid (WCAG 2.2.1), named in the 1-minute warning.
 * Once the time is up the input is invalid with the expiry as its error.
 *
 * @summary One-time code input with countdown and resend.
 * @event input - Native input events of the inner input; read `value`.
 * @event otp-resend - {@link OtpResendEvent}: the resend button was pressed.
 * @event otp-extend - {@link OtpExtendEvent}: the "more time" button was pressed.
 * @csspart field, countdown, resend, resend-hint — as `data-part` attributes.
 */
export class OtpInput extends MembershipElement {
  static override messages: readonly MessageArea[] = ['core', 'identity'];
  static override properties: PropertyDeclarations = {
    announcement: { state: true },
    value: {},
    label: {},
    name: {},
    expiresAt: { attribute: 'expires-at' },
    resendAvailableAt: { attribute: 'resend-available-at' },
    error: {},
    disabled: { type: Boolean },
    resendDisabled: { type: Boolean, attribute: 'resend-disabled' },
    extendable: { type: Boolean },
    extendDisabled: { type: Boolean, attribute: 'extend-disabled' },
    clock: { attribute: false },
  };

  static override sheets = [otpInputStyles];

  declare private announcement: string;

  /** The digits typed so far (0–6). */
  declare value: string;
  /** Label text; default "인증번호". */
  declare label?: string;
  /** `name` of the inner input. */
  declare name: string;
  /** When the code stops working (ISO date-time from the API). */
  declare expiresAt?: string;
  /** When a new code may be requested (ISO date-time from the API). */
  declare resendAvailableAt?: string;
  /** A message to show under the input (already translated); marks the input invalid. */
  declare error?: string;
  declare disabled: boolean;
  /** Disables resend whatever the time (busy, or no resends left). */
  declare resendDisabled: boolean;
  /** Offers "more time" (emits `otp-extend`) while the code is valid. */
  declare extendable: boolean;
  /** Disables "more time" (busy, or the limit reached). */
  declare extendDisabled: boolean;
  /** The clock the countdowns read; the device clock by default (tests pass their own). */
  declare clock: () => number;

  constructor() {
    super();
    this.announcement = '';
    this.value = '';
    this.name = 'code';
    this.disabled = false;
    this.resendDisabled = false;
    this.extendable = false;
    this.extendDisabled = false;
    this.clock = () => Date.now();
  }

  #timer: ReturnType<typeof setTimeout> | undefined;
  #announcedFor: string | undefined;
  #announced = new Set<number>();

  get #inputId(): string {
    return `${this.idPrefix}-otp`;
  }

  /** Whether the code's time is up (by this element's clock). */
  get expired(): boolean {
    return secondsUntil(this.expiresAt, this.clock()) === 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#schedule();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  override focus(options?: FocusOptions): void {
    this.querySelector<HTMLInputElement>(`#${this.#inputId}`)?.focus(options);
  }

  /** Moves focus to the resend button (after "the code expired"), else to the input. */
  focusResend(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-part~="resend"]');
    if (button && !button.disabled) button.focus();
    else this.focus();
  }

  protected override willUpdate(): void {
    this.#announceThresholds();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('expiresAt') || changed.has('resendAvailableAt') || changed.has('clock')) this.#schedule();
    if (changed.has('expiresAt') && this.expiresAt !== this.#announcedFor) this.#startAnnouncements();
  }

  // Re-render when the shown second changes, while a countdown runs.
  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.isConnected) return;
    const now = this.clock();
    const deadlines = [this.expiresAt, this.resendAvailableAt].map((at) => (at ? Date.parse(at) - now : NaN)).filter((ms) => ms > -1000);
    if (deadlines.length === 0) return;
    const toNextSecond = Math.min(...deadlines.map((ms) => ((ms % 1000) + 1000) % 1000 || 1000));
    this.#timer = setTimeout(() => this.#tick(), Math.max(50, toNextSecond + 10));
  }

  #tick(): void {
    this.requestUpdate();
    this.#schedule();
  }

  #startAnnouncements(): void {
    this.#announcedFor = this.expiresAt;
    this.#announced.clear();
    const left = secondsUntil(this.expiresAt, this.clock());
    if (left === undefined) return;
    // Thresholds already behind us are not announced late.
    for (const mark of announceAt) if (left <= mark) this.#announced.add(mark);
    // After this render, so the live region exists before its text changes.
    setTimeout(() => this.#announce(left === 0 ? this.t('otp.announce.expired') : this.t('otp.announce.start', { duration: this.#spoken(left) })), 100);
    if (left === 0) this.#announced.add(0);
  }

  #announceThresholds(): void {
    const left = secondsUntil(this.expiresAt, this.clock());
    if (left === undefined || this.expiresAt !== this.#announcedFor) return;
    if (left === 0 && !this.#announced.has(0)) {
      this.#announced.add(0);
      for (const mark of announceAt) this.#announced.add(mark);
      this.#announce(this.t('otp.announce.expired'));
      return;
    }
    for (const mark of announceAt) {
      if (left <= mark && !this.#announced.has(mark)) {
        for (const earlier of announceAt) if (earlier >= mark) this.#announced.add(earlier);
        const oneMinute = this.extendable && !this.extendDisabled ? this.t('otp.announce.oneMinuteExtend') : this.t('otp.announce.oneMinute');
        this.#announce(mark === 60 ? oneMinute : this.t('otp.announce.thirtySeconds'));
        return;
      }
    }
  }

  #announce(text: string): void {
    this.announcement = text;
  }

  #spoken(seconds: number): string {
    const minutes = Math.floor(seconds / 60);
    const rest = seconds % 60;
    if (minutes === 0) return this.t('otp.duration.seconds', { seconds: rest });
    return rest === 0 ? this.t('otp.duration.minutes', { minutes }) : this.t('otp.duration.minutesSeconds', { minutes, seconds: rest });
  }

  #onInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const digits = normalizeDigits(input.value).slice(0, otpLength);
    if (digits !== input.value) input.value = digits;
    this.value = digits;
  };

  // A whole SMS pasted into a 6-character field would be cut before the digits: take the code out first.
  #onPaste = (event: ClipboardEvent): void => {
    const text = event.clipboardData?.getData('text');
    if (text === undefined) return;
    event.preventDefault();
    const input = event.target as HTMLInputElement;
    input.value = extractOtp(text);
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste', data: input.value }));
  };

  #onResend = (): void => {
    this.dispatchEvent(new OtpResendEvent());
  };

  #onExtend = (): void => {
    this.dispatchEvent(new OtpExtendEvent());
  };

  override render(): TemplateResult {
    const now = this.clock();
    const left = secondsUntil(this.expiresAt, now);
    const resendWait = secondsUntil(this.resendAvailableAt, now) ?? 0;
    const countdownId = `${this.#inputId}-countdown`;
    const resendHintId = `${this.#inputId}-resend-hint`;
    return html`
      ${renderField({
        id: this.#inputId,
        label: this.label ?? this.t('otp.label'),
        hint: this.t('otp.hint'),
        required: true,
        requiredText: this.t('common.requiredMark'),
        // Time up: the input says so itself (not only the countdown), until a new code or more time.
        error: this.error || (left === 0 ? this.t('otp.announce.expired') : undefined),
        control: (wiring) => html`<div data-part="otp-row">
          <input
            id=${wiring.id}
            name=${this.name}
            type="text"
            inputmode="numeric"
            autocomplete="one-time-code"
            enterkeyhint="done"
            maxlength=${otpLength}
            pattern="[0-9]{6}"
            spellcheck="false"
            required
            data-part="otp-input"
            .value=${live(this.value)}
            ?disabled=${this.disabled}
            aria-invalid=${wiring.invalid ? 'true' : 'false'}
            aria-describedby=${describedBy({ ...wiring, describedBy: [wiring.describedBy, left === undefined ? '' : countdownId].filter(Boolean).join(' ') })}
            @input=${this.#onInput}
            @paste=${this.#onPaste}
          />
          ${left === undefined
            ? nothing
            : html`<span id=${countdownId} role="timer" data-part="countdown" data-expired=${left === 0 ? 'true' : 'false'}>${left === 0
                ? this.t('otp.expiredShort')
                : html`<span data-part="visually-hidden">${this.t('otp.remaining')} </span>${clockText(left)}`}</span>`}
        </div>`,
      })}
      <div data-part="resend-row">
        ${this.extendable && left !== undefined && left > 0
          ? html`<button type="button" data-part="button extend" ?disabled=${this.extendDisabled} @click=${this.#onExtend}>${this.t('otp.extend')}</button>`
          : nothing}
        <button
          type="button"
          data-part="button resend"
          ?disabled=${this.resendDisabled || resendWait > 0}
          aria-describedby=${resendWait > 0 ? resendHintId : nothing}
          @click=${this.#onResend}
        >${this.t('otp.resend')}</button>
        ${resendWait > 0 ? html`<span id=${resendHintId} data-part="resend-hint">${this.t('otp.resendWait', { time: clockText(resendWait) })}</span>` : nothing}
      </div>
      <div data-part="visually-hidden" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    `;
  }
}
