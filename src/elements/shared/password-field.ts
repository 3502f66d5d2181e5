import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import type { MessageArea } from '../../i18n/areas.ts';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { MessageParams } from '../../i18n/index.ts';
import { checkPassword, type PasswordChecklistItem } from '../../rules/password.ts';
import { defaultPolicy, type PasswordPolicy } from '../../rules/policy.ts';
import { renderField, type FieldWiring } from './field.ts';
import { MembershipElement } from './membership-element.ts';
import { passwordFieldStyles } from './password-field.styles.ts';

/** Quiet time before the live region speaks, so typing does not produce an announcement per key. */
export const announceDelayMs = 600;

/**
 * @summary A password input with a show/hide toggle, the policy's live checklist (each rule read as
 * "충족"/"미충족", a polite debounced summary) and an optional confirmation input. Paste is never blocked.
 *
 * @event input - Native, bubbling from either input; `value` / `confirmationValue` are already updated.
 * @event change - Native, bubbling from either input.
 *
 * Styling hooks are `data-part` attributes (light DOM, no shadow parts):
 * @csspart field, label, hint, error, required - As every field (field.ts).
 * @csspart password-control - The input and its toggle.
 * @csspart toggle - The show/hide button (also `button`; `aria-pressed` says its state).
 * @csspart checklist - The policy's rules; `checklist-title` is its heading.
 * @csspart rule - Each rule, with `data-rule` (rule id) and `data-passed="true | false"`.
 * @csspart match - Whether the confirmation matches, with `data-matches="true | false"`.
 *
 * @cssproperty --mb-color-success - Met rules, matching confirmation.
 * @cssproperty --mb-color-danger - Mismatching confirmation.
 * @cssproperty --mb-color-text-subtle - Unmet rules, checklist title.
 * @cssproperty --mb-color-primary - Pressed toggle.
 * @cssproperty --mb-color-on-primary - Pressed toggle text.
 * @cssproperty --mb-space-1 - Checklist spacing.
 * @cssproperty --mb-space-2 - Gap between input and toggle.
 * @cssproperty --mb-font-size-small - Toggle and checklist text.
 */
export class PasswordField extends MembershipElement {
  static override messages: readonly MessageArea[] = ['core', 'widgets', 'rules'];
  static override properties: PropertyDeclarations = {
    value: { attribute: false },
    name: {},
    autocomplete: {},
    label: {},
    hint: {},
    required: { type: Boolean },
    error: {},
    loginId: { attribute: 'login-id' },
    confirmation: { type: Boolean },
    confirmationValue: { attribute: false },
    confirmationError: { attribute: 'confirmation-error' },
    shown: { state: true },
    announcement: { state: true },
  };

  static override sheets = [passwordFieldStyles];

  /** The password. */
  declare value: string;
  /** Name of the password input (password managers and autofill read it). */
  declare name: string;
  /** `new-password` (signup, reset: shows the checklist) or `current-password` (sign-in: no checklist). */
  declare autocomplete: 'new-password' | 'current-password';
  /** Label override; default "비밀번호". */
  declare label?: string;
  /** Hint under the label. */
  declare hint?: string;
  declare required: boolean;
  /** A rule or API code for the password; shown as its message. */
  declare error?: string;
  /** The member's ID, for the "must not contain the ID" rule. */
  declare loginId: string;
  /** Also render a confirmation input. */
  declare confirmation: boolean;
  /** The confirmation's value. */
  declare confirmationValue: string;
  /** A code for the confirmation (e.g. `PASSWORD_CONFIRMATION_MISMATCH`). */
  declare confirmationError?: string;

  declare private shown: boolean;
  /** What the polite live region says; set only after typing pauses. */
  declare private announcement: string;

  constructor() {
    super();
    this.value = '';
    this.name = 'password';
    this.autocomplete = 'new-password';
    this.required = false;
    this.loginId = '';
    this.confirmation = false;
    this.confirmationValue = '';
    this.shown = false;
    this.announcement = '';
  }
  #announceTimer: unknown;
  /** @internal The timer of the announcement delay (tests move the time on by hand). */
  timers: { set(callback: () => void, ms: number): unknown; clear(id: unknown): void } = {
    set: (callback, ms) => setTimeout(callback, ms),
    clear: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  };

  get #policy(): PasswordPolicy {
    return (this.membership.policy ?? defaultPolicy).password;
  }

  get #withChecklist(): boolean {
    return this.autocomplete !== 'current-password';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.ownerDocument.addEventListener('submit', this.#onSubmit, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.ownerDocument.removeEventListener('submit', this.#onSubmit, true);
    this.timers.clear(this.#announceTimer);
  }

  /** The checklist for the current value, policy and login ID. */
  get checklist(): readonly PasswordChecklistItem[] {
    return checkPassword(this.value, { password: this.#policy }, { loginId: this.loginId }).items;
  }

  // A shown password goes back to hidden when its form is sent, so the browser never keeps it as text.
  #onSubmit = (event: Event): void => {
    if (event.target instanceof Node && event.target.contains(this)) this.shown = false;
  };

  #onPasswordInput(event: Event): void {
    this.value = (event.target as HTMLInputElement).value;
    this.#announceLater(() => {
      const items = this.checklist;
      return this.t('widgets.password.progress', { met: items.filter((item) => item.passed).length, total: items.length });
    });
  }

  #onConfirmationInput(event: Event): void {
    this.confirmationValue = (event.target as HTMLInputElement).value;
    this.#announceLater(() => this.#matchText() ?? '');
  }

  #announceLater(text: () => string): void {
    this.timers.clear(this.#announceTimer);
    this.#announceTimer = this.timers.set(() => {
      this.announcement = text();
    }, announceDelayMs);
  }

  #matchText(): string | undefined {
    if (this.confirmationValue === '') return undefined;
    return this.t(this.confirmationValue === this.value ? 'widgets.password.matches' : 'widgets.password.mismatch');
  }

  /** Placeholders of the rule messages (`{min}`, `{max}`) from the policy. */
  #errorMessage(code: string | undefined): string | undefined {
    if (code === undefined) return undefined;
    const policy = this.#policy;
    const params: MessageParams =
      code === 'PASSWORD_REPEAT' ? (policy.maxRepeat === undefined ? {} : { max: policy.maxRepeat }) : { min: policy.minLength, max: policy.maxLength };
    return this.messageFor(code, params);
  }

  #ruleLabel(id: PasswordChecklistItem['id']): string {
    const policy = this.#policy;
    switch (id) {
      case 'length':
        return this.t('widgets.password.rule.length', { min: policy.minLength, max: policy.maxLength });
      case 'kinds': {
        const ways = (policy.alternatives ?? []).map((way) => this.t('widgets.password.rule.kindsWay', { length: way.minLength, kinds: way.minKinds }));
        return this.t('widgets.password.rule.kinds', { ways: ways.join(` ${this.t('widgets.password.rule.or')} `) });
      }
      case 'repeat':
        return this.t('widgets.password.rule.repeat', { max: policy.maxRepeat ?? '' });
      default:
        return this.t(`widgets.password.rule.${id}`);
    }
  }

  protected override render() {
    const id = `${this.idPrefix}-password`;
    const confirmationId = `${this.idPrefix}-confirmation`;
    const checklistId = `${this.idPrefix}-checklist`;
    return html`${renderField({
      id,
      label: this.label ?? this.t('widgets.password.label'),
      hint: this.hint,
      required: this.required,
      error: this.#errorMessage(this.error),
      requiredText: this.t('common.requiredMark'),
      control: (wiring) => html`<div data-part="password-control">
          ${this.#renderInput(wiring, this.name, this.autocomplete, this.value, (e) => this.#onPasswordInput(e), this.#withChecklist ? checklistId : '')}
          <button type="button" data-part="button toggle" aria-pressed=${this.shown ? 'true' : 'false'}
            aria-controls=${this.confirmation ? `${id} ${confirmationId}` : id} @click=${() => (this.shown = !this.shown)}>
            ${this.t('widgets.password.show')}
          </button>
        </div>
        ${this.#withChecklist ? this.#renderChecklist(checklistId) : nothing}`,
    })}
    ${this.confirmation ? this.#renderConfirmation(confirmationId) : nothing}
    <p data-part="visually-hidden" aria-live="polite">${this.announcement}</p>`;
  }

  #renderInput(wiring: FieldWiring, name: string, autocomplete: string, value: string, onInput: (event: Event) => void, extraDescription: string): TemplateResult {
    const describedBy = [wiring.describedBy, extraDescription].filter(Boolean).join(' ');
    return html`<input id=${wiring.id} name=${name} type=${this.shown ? 'text' : 'password'} autocomplete=${autocomplete}
      spellcheck="false" autocapitalize="none" autocorrect="off" aria-required=${this.required ? 'true' : nothing}
      aria-invalid=${wiring.invalid ? 'true' : nothing} aria-describedby=${ifDefined(describedBy || undefined)}
      .value=${live(value)} @input=${onInput} />`;
  }

  #renderChecklist(checklistId: string): TemplateResult {
    const titleId = `${checklistId}-title`;
    return html`<div data-part="checklist">
      <p data-part="checklist-title" id=${titleId}>${this.t('widgets.password.checklist')}</p>
      <ul id=${checklistId} aria-labelledby=${titleId}>
        ${this.checklist.map(
          (item) => html`<li data-part="rule" data-rule=${item.id} data-passed=${item.passed ? 'true' : 'false'}>
            ${this.#ruleLabel(item.id)}
            <span data-part="visually-hidden">${this.t(item.passed ? 'widgets.password.met' : 'widgets.password.unmet')}</span>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  #renderConfirmation(confirmationId: string): TemplateResult {
    const matchId = `${confirmationId}-match`;
    const error = this.#errorMessage(this.confirmationError);
    // The host's mismatch error says it already; the live match state is for while typing.
    const match = error === undefined ? this.#matchText() : undefined;
    return renderField({
      id: confirmationId,
      label: this.t('widgets.password.confirmationLabel'),
      required: this.required,
      error,
      requiredText: this.t('common.requiredMark'),
      control: (wiring) => html`${this.#renderInput(wiring, `${this.name}-confirmation`, 'new-password', this.confirmationValue, (e) => this.#onConfirmationInput(e), match ? matchId : '')}
        <p data-part="match" id=${matchId} data-matches=${this.confirmationValue === this.value ? 'true' : 'false'} ?hidden=${!match}>${match ?? ''}</p>`,
    });
  }
}
