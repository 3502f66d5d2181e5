import { css, html, nothing, type PropertyValues, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { MessageArea } from '../../i18n/areas.ts';
import { live } from 'lit/directives/live.js';
import { normalizeDigits, parseDigits } from '../../rules/digits.ts';
import { formatPhoneNumber, normalizePhoneNumber, type PhoneKind } from '../../rules/phone.ts';
import { describedBy, renderField } from './field.ts';
import { MembershipElement } from './membership-element.ts';

const styles = css`
  @layer membership {
    :where(mb-phone-input) :where(input) {
      font-variant-numeric: tabular-nums;
    }
  }
`;

/** Where the caret goes in `formatted`: right after its `digitsBefore`-th digit. */
export function caretAfterDigits(formatted: string, digitsBefore: number): number {
  if (digitsBefore <= 0) return 0;
  let seen = 0;
  for (let index = 0; index < formatted.length; index += 1) {
    if (/[0-9]/.test(formatted[index]!)) seen += 1;
    if (seen === digitsBefore) return index + 1;
  }
  return formatted.length;
}

const isMobile = (kind: PhoneKind) => kind === 'mobile' || kind === 'mobile-legacy';

/**
 * @summary A Korean phone number input that formats as you type (`01012345678` → `010-1234-5678`) with the
 * caret kept beside the same digit, and takes pasted numbers in any form (`+82 10 1234 5678`, dots, spaces,
 * full-width digits). Validation codes come from the host (`error`).
 *
 * @event input - Native, bubbling from the inner input; `value` is already the formatted number.
 * @event change - Native, bubbling from the inner input (a hand-typed `+82…` is formatted by then).
 *
 * Styling hooks are `data-part` attributes (light DOM, no shadow parts):
 * @csspart field, label, hint, error, required - As every field (field.ts).
 *
 * @cssproperty --mb-control-height - Input height (shared input styles).
 */
export class PhoneInput extends MembershipElement {
  // Its own words are in the rules area (src/i18n/areas.ts).
  static override messages: readonly MessageArea[] = ['core', 'rules'];
  static override properties: PropertyDeclarations = {
    value: {},
    name: {},
    label: {},
    hint: {},
    required: { type: Boolean },
    error: {},
    kinds: { attribute: false },
    autocomplete: {},
  };

  static override sheets = [styles];

  /** The number as shown: formatted (`010-1234-5678`), or bare digits while it fits no known range. */
  declare value: string;
  /** Name of the inner input. */
  declare name: string;
  /** Label override; default "휴대전화 번호" when `kinds` are mobile only, else "전화번호". */
  declare label?: string;
  /** Hint override; default: an example number fitting `kinds`. */
  declare hint?: string;
  declare required: boolean;
  /** A rule or API code (e.g. `PHONE_INVALID`); shown as its message. */
  declare error?: string;
  /** Phone kinds the host accepts (e.g. `['mobile']`); used for the label and hint only. */
  declare kinds?: readonly PhoneKind[];
  /** `tel` (default), `tel-national`, or with a section/contact token such as `fax tel`, `work tel`. */
  declare autocomplete: string;

  constructor() {
    super();
    this.value = '';
    this.name = 'phone';
    this.required = false;
    this.autocomplete = 'tel';
  }

  /** Digits shown after the last edit, to tell a deleted hyphen from a deleted digit. */
  #lastDigits = '';
  /** The value the user's last edit produced (left as typed; only host-set values are reformatted). */
  #typed: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('value') || this.value === this.#typed) return;
    // A value from the host (a draft, an old record) is shown formatted unless it holds letters (e.g. "내선").
    if (parseDigits(this.value.trim().replace(/^[+\uFF0B]/, '')) !== null) this.value = formatPhoneNumber(this.value);
    this.#lastDigits = normalizeDigits(this.value);
  }

  #onInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const inputType = event instanceof InputEvent ? event.inputType : '';
    const raw = input.value;
    // Someone typing "+82 …" by hand: grouping the digits mid-way would fight them; `change` formats it.
    const editing = inputType === 'insertText' || inputType === 'insertCompositionText' || inputType.startsWith('delete');
    if (editing && (/^\s*[+\uFF0B]/.test(raw) || /^(?:82|0082)/.test(normalizeDigits(raw)))) {
      this.#typed = raw;
      this.#lastDigits = normalizeDigits(raw);
      this.value = raw;
      return;
    }
    let digits = normalizeDigits(raw);
    let digitsBefore = normalizeDigits(raw.slice(0, input.selectionStart ?? raw.length)).length;
    // Backspace or Delete on a hyphen removed no digit: remove the digit beyond it, or nothing would change.
    if (digits === this.#lastDigits && digits !== '') {
      if (inputType === 'deleteContentBackward' && digitsBefore > 0) {
        digits = digits.slice(0, digitsBefore - 1) + digits.slice(digitsBefore);
        digitsBefore -= 1;
      } else if (inputType === 'deleteContentForward') {
        digits = digits.slice(0, digitsBefore) + digits.slice(digitsBefore + 1);
      }
    }
    // A country code (`82…`, `0082…`) becomes the trunk 0: digits shift, so the caret goes to the end.
    const country = normalizePhoneNumber(digits) !== digits;
    const formatted = formatPhoneNumber(digits);
    this.#show(input, formatted, country ? formatted.length : caretAfterDigits(formatted, digitsBefore));
  }

  #onChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const formatted = formatPhoneNumber(input.value);
    if (formatted !== input.value && parseDigits(input.value.trim().replace(/^[+\uFF0B]/, '')) !== null) {
      this.#show(input, formatted, formatted.length);
    }
  }

  #show(input: HTMLInputElement, formatted: string, caret: number): void {
    if (input.value !== formatted) input.value = formatted;
    // Moving the selection of an unfocused input would pull focus to it in some browsers.
    if (this.ownerDocument.activeElement === input) input.setSelectionRange(caret, caret);
    this.#typed = formatted;
    this.value = formatted;
    this.#lastDigits = normalizeDigits(formatted);
  }

  #example(): string {
    const kinds = this.kinds;
    if (kinds?.length && kinds.every(isMobile)) return '010-1234-5678';
    if (kinds?.length && !kinds.some(isMobile)) return '02-1234-5678';
    return '010-1234-5678, 02-1234-5678';
  }

  protected override render(): TemplateResult {
    const mobileOnly = Boolean(this.kinds?.length) && this.kinds!.every(isMobile);
    const label = this.label ?? this.t(mobileOnly ? 'widgets.phone.mobileLabel' : 'widgets.phone.label');
    return renderField({
      id: `${this.idPrefix}-phone`,
      label,
      hint: this.hint ?? this.t('widgets.phone.hint', { example: this.#example() }),
      required: this.required,
      error: this.error ? this.messageFor(this.error, { field: label }) : undefined,
      requiredText: this.t('common.requiredMark'),
      control: (wiring) => html`<input id=${wiring.id} name=${this.name} type="tel" inputmode="tel" autocomplete=${this.autocomplete}
        aria-required=${this.required ? 'true' : nothing} aria-invalid=${wiring.invalid ? 'true' : nothing} aria-describedby=${describedBy(wiring)}
        .value=${live(this.value)} @input=${this.#onInput} @change=${this.#onChange} />`,
    });
  }
}
