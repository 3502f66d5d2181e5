import { html, nothing, type PropertyValues, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { MessageArea } from '../../i18n/areas.ts';
import { live } from 'lit/directives/live.js';
import { joinEmail, splitEmail } from '../../rules/email.ts';
import { fieldMaxLengths } from '../../rules/limits.ts';
import { defaultPolicy } from '../../rules/policy.ts';
import { fieldWiring, requiredMark } from './field.ts';
import { emailInputStyles } from './email-input.styles.ts';
import { MembershipElement } from './membership-element.ts';

/** Select value of the "직접 입력" option (a domain never contains `_`). */
const typedDomain = '__typed__';

/**
 * @summary An email address as Korean sites ask for it: the part before "@" typed, the domain chosen from
 * the policy's `emailDomains` or typed after choosing "직접 입력". A whole address pasted (or autofilled)
 * into the first box is split into both parts.
 *
 * Autofill: HTML has no `autocomplete` token for the part before "@" (only `email`, the whole address).
 * We put `autocomplete="email"` on that box: browsers that fill a saved address (Chrome/Edge profiles,
 * Safari contact AutoFill, form history) then write the WHOLE address into it, and the element splits it
 * (at once when the input event is not key-by-key typing, at the latest on the `change` that follows),
 * so one pick fills both parts. `autocomplete="off"` would only switch that help off; a visually hidden
 * combined input is not acceptable (an invisible control that autofill writes and assistive tech meets).
 * The domain controls say `autocomplete="off"`: a browser has nothing right to put into them alone.
 *
 * @event input - Native, bubbling from the inner controls; `value` is already updated (and split).
 * @event change - Native, bubbling from the inner controls.
 *
 * Styling hooks are `data-part` attributes (light DOM, no shadow parts):
 * @csspart field - The `<fieldset>`; `label` is its legend; `hint`, `error`, `required` as every field.
 * @csspart email-control - The row of parts.
 * @csspart email-local - The part before the "@".
 * @csspart at - The "@" between them.
 * @csspart email-domain - The domain `<select>`.
 * @csspart email-domain-typed - The typed domain input ("직접 입력").
 *
 * @cssproperty --mb-space-2 - Gaps in the row.
 * @cssproperty --mb-color-text-subtle - The "@".
 */
export class EmailInput extends MembershipElement {
  static override messages: readonly MessageArea[] = ['core', 'widgets', 'rules'];
  static override properties: PropertyDeclarations = {
    value: {},
    name: {},
    label: {},
    hint: {},
    required: { type: Boolean },
    error: {},
    local: { state: true },
    listDomain: { state: true },
    typed: { state: true },
    typedValue: { state: true },
  };

  static override sheets = [emailInputStyles];

  /** The whole address (`local@domain`, domain lower-cased); '' when both parts are empty. */
  declare value: string;
  /** Name of the local-part input (the domain controls get `<name>-domain`, `<name>-domain-typed`). */
  declare name: string;
  /** Legend override; default "이메일". */
  declare label?: string;
  declare hint?: string;
  declare required: boolean;
  /** A rule or API code (e.g. `EMAIL_DOMAIN_INVALID`); shown as its message. */
  declare error?: string;

  declare private local: string;
  declare private listDomain: string;
  declare private typed: boolean;
  declare private typedValue: string;

  constructor() {
    super();
    this.value = '';
    this.name = 'email';
    this.required = false;
    this.local = '';
    this.listDomain = '';
    this.typed = false;
    this.typedValue = '';
  }

  get #domains(): readonly string[] {
    return (this.membership.policy ?? defaultPolicy).emailDomains;
  }

  get #domain(): string {
    return this.typed ? this.typedValue : this.listDomain;
  }

  #compose(): string {
    // A whole address still sitting in the first box (typed by hand, split on change) is the value as is.
    return this.local.includes('@') ? this.local.trim() : joinEmail(this.local, this.#domain);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && this.value !== this.#compose()) this.#apply(this.value);
  }

  /** Puts an address into the parts: a listed domain is selected, any other is typed. */
  #apply(address: string): void {
    const { local, domain } = splitEmail(address);
    this.local = local;
    if (domain === '' && address.includes('@')) return;
    const listed = this.#domains.find((candidate) => candidate === domain.toLowerCase());
    if (listed !== undefined || domain === '') {
      this.typed = false;
      this.listDomain = listed ?? '';
    } else {
      this.typed = true;
      this.typedValue = domain;
    }
  }

  #commit(): void {
    this.value = this.#compose();
  }

  #onLocalInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const inputType = event instanceof InputEvent ? event.inputType : '';
    const keyed = inputType === 'insertText' || inputType === 'insertCompositionText';
    // Paste, drop and autofill split at once; an "@" typed key by key waits for `change`.
    if (!keyed && input.value.includes('@')) this.#split(input);
    else this.local = input.value;
    this.#commit();
  }

  #onLocalChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (!input.value.includes('@')) return;
    this.#split(input);
    this.#commit();
  }

  #split(input: HTMLInputElement): void {
    this.#apply(input.value);
    input.value = this.local;
  }

  #onDomainSelect(event: Event): void {
    const choice = (event.target as HTMLSelectElement).value;
    this.typed = choice === typedDomain;
    if (!this.typed) this.listDomain = choice;
    this.#commit();
  }

  #onTypedDomain(event: Event): void {
    this.typedValue = (event.target as HTMLInputElement).value;
    this.#commit();
  }

  protected override render(): TemplateResult {
    const id = `${this.idPrefix}-email`;
    const error = this.error ? this.messageFor(this.error) : undefined;
    const wiring = fieldWiring(id, Boolean(this.hint), error);
    const domainInvalid = wiring.invalid && this.error === 'EMAIL_DOMAIN_INVALID';
    const localInvalid = wiring.invalid && !domainInvalid;
    const describedBy = wiring.describedBy || nothing;
    const ariaRequired = this.required ? 'true' : nothing;
    return html`<fieldset data-part="field">
      <legend data-part="label">
        ${this.label ?? this.t('widgets.email.label')}${this.required ? requiredMark(this.t('common.requiredMark')) : nothing}
      </legend>
      ${this.hint ? html`<div data-part="hint" id=${wiring.hintId}>${this.hint}</div>` : nothing}
      <div data-part="email-control">
        <label data-part="visually-hidden" for=${id}>${this.t('widgets.email.local')}</label>
        <input id=${id} data-part="email-local" name=${this.name} type="text" inputmode="email" autocomplete="email"
          autocapitalize="none" autocorrect="off" spellcheck="false" maxlength=${fieldMaxLengths.email}
          aria-required=${ariaRequired} aria-invalid=${localInvalid ? 'true' : nothing} aria-describedby=${describedBy}
          .value=${live(this.local)} @input=${this.#onLocalInput} @change=${this.#onLocalChange} />
        <span data-part="at" aria-hidden="true">@</span>
        <label data-part="visually-hidden" for=${`${id}-domain`}>${this.t('widgets.email.domain')}</label>
        <select id=${`${id}-domain`} data-part="email-domain" name=${`${this.name}-domain`} autocomplete="off"
          aria-required=${ariaRequired} aria-invalid=${domainInvalid && !this.typed ? 'true' : nothing} aria-describedby=${describedBy}
          @input=${this.#onDomainSelect}>
          <option value="" .selected=${live(!this.typed && this.listDomain === '')}>${this.t('widgets.email.choose')}</option>
          ${this.#domains.map((domain) => html`<option value=${domain} .selected=${live(!this.typed && this.listDomain === domain)}>${domain}</option>`)}
          <option value=${typedDomain} .selected=${live(this.typed)}>${this.t('widgets.email.typeDomain')}</option>
        </select>
        ${this.typed
          ? html`<label data-part="visually-hidden" for=${`${id}-typed`}>${this.t('widgets.email.typedDomain')}</label>
              <input id=${`${id}-typed`} data-part="email-domain-typed" name=${`${this.name}-domain-typed`} type="text" inputmode="email"
                autocomplete="off" autocapitalize="none" autocorrect="off" spellcheck="false" maxlength=${fieldMaxLengths.email}
                aria-required=${ariaRequired} aria-invalid=${domainInvalid ? 'true' : nothing} aria-describedby=${describedBy}
                .value=${live(this.typedValue)} @input=${this.#onTypedDomain} />`
          : nothing}
      </div>
      <div data-part="error" id=${wiring.errorId}>${error ?? ''}</div>
    </fieldset>`;
  }
}
