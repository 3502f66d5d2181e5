import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { AddressSearchAdapter } from '../../../context/runtime.ts';
import type { SignupFlow } from '../../../flows/signup/signup-flow.ts';
import type { SignupView } from '../../../flows/signup/view.ts';
import type { Words } from '../../../flows/words.ts';
import type { Locale, MessageKey, MessageParams } from '../../../i18n/index.ts';
import type { MembershipPolicy } from '../../../rules/policy.ts';
import type { ElementClass } from '../../shared/define-element.ts';
import { requiredMark } from '../../shared/field.ts';

/** What a step may ask of the signup flow: its intents, nothing else of it. */
export type SignupIntents = Pick<
  SignupFlow,
  | 'next' | 'back' | 'edit' | 'retry' | 'submit' | 'choose' | 'update' | 'chooseConsents' | 'loadTerms' | 'checkLoginId'
  | 'typeBusinessNumber' | 'searchCompany' | 'uploadCertificate' | 'removeCertificate' | 'verifyAgain'
  | 'cancelSubmit' | 'cancelLoginIdCheck' | 'cancelTerms'
>;

/** A step module: renders its step from the view, answers with intents; registers the inner elements it renders. */
export interface StepModule {
  render(ctx: StepContext, view: SignupView, intents: SignupIntents): TemplateResult;
  dependencies?: Record<string, ElementClass>;
  /**
   * Parts of the step with code of their own that it shows as soon as it shows, for this view (the
   * site's fields): fetched ahead when the step's own code is prefetched, so the step draws whole.
   * Quiet: a part that could not be fetched says so when the step shows it.
   */
  prefetchParts?(view: StepPartsView): void;
}

/** What a step needs to know to prefetch its parts: the wizard's view (the flow's, or the first step's before it). */
export type StepPartsView = Partial<Pick<SignupView, 'shownFields'>>;

/** A form's submit: the page stays, the flow moves on. */
export const submitTo = (next: () => unknown) => (event: Event) => {
  event.preventDefault();
  void next();
};

/** What every step module gets from the wizard: words, unique ids, and the settings inner elements need. */
export interface StepContext {
  t: (key: MessageKey, params?: MessageParams) => string;
  /** Words from the flow (a key or a code, with parameters) as text. */
  say: (words: Words) => string;
  /** The wizard's own settings steps need. */
  completionUrl: string | undefined;
  /** Seconds before the done step goes to `completion-url` by itself; undefined: only when the user chooses. */
  completionDelay: number | undefined;
  findAccountUrl: string | undefined;
  loginUrl: string | undefined;
  /** Leaves the page for `url` (the wizard's one navigation path). */
  navigate: (url: string) => void;
  /** The message for a rule or API code of a field (with the policy's numbers filled in). */
  messageFor: (code: string, field?: string) => string;
  /** A document-unique id for `suffix`. */
  id: (suffix: string) => string;
  locale: Locale;
  policy: MembershipPolicy;
  /** Passed on to inner membership elements, so a wizard configured by attributes configures them too. */
  apiBase: string | undefined;
  site: string | undefined;
  addressSearch: AddressSearchAdapter | undefined;
  /** identity-verify's `methods` and `mode`. */
  verifyMethods: string | undefined;
  verifyMode: 'popup' | 'redirect' | 'auto';
}

export interface ActionsOptions {
  back?: (() => void) | undefined;
  nextLabel?: string;
  nextDisabled?: boolean;
  /** Id of the text that explains a disabled "next". */
  nextDescribedBy?: string;
  busy?: boolean;
}

/** The step's buttons: 이전 (a plain button) and the submit button of the step's form. */
export function renderActions(ctx: StepContext, options: ActionsOptions = {}): TemplateResult {
  return html`<div data-part="actions">
    ${options.back ? html`<button type="button" data-part="button back" @click=${options.back}>${ctx.t('common.previous')}</button>` : nothing}
    <button type="submit" data-part="button button-primary next" ?disabled=${options.nextDisabled === true}
      aria-describedby=${options.nextDescribedBy ?? nothing} aria-busy=${options.busy ? 'true' : nothing}>
      ${options.nextLabel ?? ctx.t('common.next')}
    </button>
  </div>`;
}

export interface ChoiceOption<V extends string> {
  value: V;
  label: string;
  hint?: string;
}

export interface ChoiceGroupOptions<V extends string> {
  id: string;
  legend: string;
  name: string;
  options: readonly ChoiceOption<V>[];
  value: V | undefined;
  required: boolean;
  /** Translated message, or undefined. */
  error: string | undefined;
  requiredText: string;
  onChange: (value: V) => void;
  onBlur?: () => void;
  /** Short answers (예 / 아니오) side by side. */
  inline?: boolean;
}

/** A radio group as a fieldset: legend, options with hints, error tied to every radio. No default. */
export function renderChoiceGroup<V extends string>(group: ChoiceGroupOptions<V>): TemplateResult {
  const errorId = `${group.id}-error`;
  return html`<fieldset data-part="choice-group" data-name=${group.name} data-layout=${group.inline ? 'inline' : 'stacked'}>
    <legend data-part="label">${group.legend}${group.required ? requiredMark(group.requiredText) : nothing}</legend>
    ${group.options.map((option) => {
      const id = `${group.id}-${option.value}`;
      const describedBy = [option.hint ? `${id}-hint` : '', group.error ? errorId : ''].filter(Boolean).join(' ');
      return html`<div data-part="option">
        <input type="radio" id=${id} name=${group.name} value=${option.value} .checked=${live(group.value === option.value)}
          aria-invalid=${group.error ? 'true' : nothing} aria-describedby=${describedBy || nothing}
          @change=${() => group.onChange(option.value)} @blur=${() => group.onBlur?.()} />
        <label for=${id}>${option.label}</label>
        ${option.hint ? html`<p data-part="hint" id=${`${id}-hint`}>${option.hint}</p>` : nothing}
      </div>`;
    })}
    <div data-part="error" id=${errorId}>${group.error ?? ''}</div>
  </fieldset>`;
}

/** A status line for work in progress (announced politely, never a blank screen). */
export function renderPending(text: string): TemplateResult {
  return html`<p data-part="status" role="status">${text}</p>`;
}

/** A failure with what to do, and a retry button when trying again can help. */
export function renderFailure(ctx: StepContext, message: string, retry?: () => void): TemplateResult {
  return html`<div data-part="failure">
    <p data-part="alert" role="alert">${message}</p>
    ${retry ? html`<button type="button" data-part="button retry" @click=${retry}>${ctx.t('common.retry')}</button>` : nothing}
  </div>`;
}
