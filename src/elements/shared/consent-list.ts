import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import type { MessageArea } from '../../i18n/areas.ts';
import { live } from 'lit/directives/live.js';
import type { LocalizedText, TermsDocument } from '../../api/schemas.ts';
import { consentListStyles } from './consent-list.styles.ts';
import { MembershipElement } from './membership-element.ts';

/** Answers by document id: true agreed, false refused (agree / do-not-agree items), undefined not answered. */
export type ConsentChoices = Record<string, boolean | undefined>;

/** What the signup sends: which version of each document was agreed. */
export interface ConsentAnswer {
  documentId: string;
  version: string;
  agreed: boolean;
}

/** A site sharing the unified membership, as in `SiteConfig.siblingSites` (only the name is shown). */
export type ConsentSiblingSite = string | { readonly name: LocalizedText };

/**
 * @summary The consent step's terms (KRDS consent pattern, 개인정보 보호법): "agree to all", then each
 * document — [필수] items first, marketing flagged — with its keyboard-scrollable text, its privacy summary
 * (purpose, items, retention, right to refuse) and its own choice. Nothing is ever pre-checked.
 *
 * @event input - Native, bubbling from the checkboxes and radios; `value` is already updated.
 * @event change - Native, bubbling from the checkboxes and radios; `value` is already updated.
 *
 * Styling hooks are `data-part` attributes (light DOM, no shadow parts):
 * @csspart sibling-sites - The introduction naming the unified membership's sites.
 * @csspart agree-all - The "전체 동의하기" row (with a `hint`).
 * @csspart documents - The list of documents.
 * @csspart document - Each item, with `data-required` and `data-category` (e.g. `marketing`).
 * @csspart document-title - The `<h3>`.
 * @csspart badge - `data-kind="required | optional | marketing"`.
 * @csspart terms-body - The keyboard-scrollable text (`role="region"`).
 * @csspart summary - The table of purpose, items, retention and right to refuse.
 * @csspart choice - The checkbox row, or the radio `<fieldset>` (its radios in `option`).
 * @csspart error - The message for `error`.
 *
 * @cssproperty --mb-color-border - Item, text box and table borders.
 * @cssproperty --mb-color-surface-subtle - Text box, table header and "agree to all" background.
 * @cssproperty --mb-color-primary - The [필수] badge.
 * @cssproperty --mb-color-danger - The marketing badge.
 * @cssproperty --mb-color-text-subtle - The [선택] badge.
 * @cssproperty --mb-radius - "Agree to all" corners.
 * @cssproperty --mb-radius-small - Text box and badge corners.
 * @cssproperty --mb-space-1 - Small gaps.
 * @cssproperty --mb-space-2 - Gaps.
 * @cssproperty --mb-space-3 - Text box padding.
 * @cssproperty --mb-space-4 - Item spacing.
 * @cssproperty --mb-space-6 - Gap between the two radios.
 * @cssproperty --mb-font-size - Title size.
 * @cssproperty --mb-font-size-small - Terms text and table.
 */
export class ConsentList extends MembershipElement {
  static override messages: readonly MessageArea[] = ['core', 'widgets', 'rules'];
  static override properties: PropertyDeclarations = {
    documents: { attribute: false },
    value: { attribute: false },
    siblingSites: { attribute: false },
    error: {},
  };

  static override sheets = [consentListStyles];

  /** The site's terms documents; shown required first, otherwise in the given order. */
  declare documents: readonly TermsDocument[];
  /** The answers so far; a new object on every change. Undefined means not answered (never pre-checked). */
  declare value: ConsentChoices;
  /** Sites of the unified membership, named in the introduction. */
  declare siblingSites?: readonly ConsentSiblingSite[];
  /** A code (e.g. `TERMS_REQUIRED`) after a submit found a required item not agreed. */
  declare error?: string;

  constructor() {
    super();
    this.documents = [];
    this.value = {};
  }

  /** Every required document is agreed (the step's "next" may be enabled). */
  get allRequiredAgreed(): boolean {
    return this.documents.every((document) => !document.required || this.value[document.documentId] === true);
  }

  /** What to send with the signup: every document with its version; an unanswered item counts as not agreed. */
  answers(): ConsentAnswer[] {
    return this.documents.map(({ documentId, version }) => ({ documentId, version, agreed: this.value[documentId] === true }));
  }

  #ordered(): TermsDocument[] {
    // Array sort is stable: within required and optional the site's order stays.
    return [...this.documents].sort((a, b) => Number(b.required) - Number(a.required));
  }

  #text(text: LocalizedText): string {
    return text[this.membership.locale];
  }

  #set(changes: ConsentChoices): void {
    this.value = { ...this.value, ...changes };
  }

  #onAgreeAll(event: Event): void {
    const agreed = (event.target as HTMLInputElement).checked;
    // Un-checking "agree to all" returns every item to unanswered rather than recording refusals.
    this.#set(Object.fromEntries(this.documents.map((document) => [document.documentId, agreed ? true : undefined])));
  }

  protected override render() {
    const documents = this.#ordered();
    const agreedCount = documents.filter((document) => this.value[document.documentId] === true).length;
    const all = documents.length > 0 && agreedCount === documents.length;
    const firstNotAgreed = this.error ? documents.find((document) => document.required && this.value[document.documentId] !== true) : undefined;
    const errorId = `${this.idPrefix}-error`;
    const message = this.error ? this.messageFor(this.error) : undefined;
    const allId = `${this.idPrefix}-all`;
    return html`${this.#renderSiblingSites()}
      <div data-part="agree-all">
        <input type="checkbox" id=${allId} aria-describedby=${`${allId}-hint`}
          .checked=${live(all)} .indeterminate=${agreedCount > 0 && !all} @input=${this.#onAgreeAll} />
        <label for=${allId}>${this.t('widgets.consent.agreeAll')}</label>
        <p data-part="hint" id=${`${allId}-hint`}>${this.t('widgets.consent.agreeAllHint')}</p>
      </div>
      ${message !== undefined && firstNotAgreed === undefined ? html`<p data-part="error" id=${errorId}>${message}</p>` : nothing}
      <ul data-part="documents">
        ${documents.map((document, index) =>
          this.#renderDocument(document, index, document === firstNotAgreed ? { id: errorId, message: message ?? '' } : undefined),
        )}
      </ul>`;
  }

  #renderSiblingSites(): TemplateResult | typeof nothing {
    if (!this.siblingSites?.length) return nothing;
    const headingId = `${this.idPrefix}-sites`;
    return html`<div data-part="sibling-sites">
      <p id=${headingId}>${this.t('widgets.consent.siblingSites')}</p>
      <ul aria-labelledby=${headingId}>
        ${this.siblingSites.map((site) => html`<li>${typeof site === 'string' ? site : this.#text(site.name)}</li>`)}
      </ul>
    </div>`;
  }

  #renderDocument(document: TermsDocument, index: number, error: { id: string; message: string } | undefined): TemplateResult {
    const id = `${this.idPrefix}-doc${index}`;
    const titleId = `${id}-title`;
    const marketing = document.category === 'marketing';
    return html`<li data-part="document" data-category=${document.category} ?data-required=${document.required}>
      <h3 data-part="document-title" id=${titleId}>
        <span data-part="badge" data-kind=${document.required ? 'required' : 'optional'}>
          ${this.t(document.required ? 'widgets.consent.required' : 'widgets.consent.optional')}
        </span>
        ${this.#text(document.title)}
        ${marketing ? html`<span data-part="badge" data-kind="marketing">${this.t('widgets.consent.marketing')}</span>` : nothing}
      </h3>
      <div data-part="terms-body" role="region" tabindex="0" aria-labelledby=${titleId}>
        ${this.#text(document.body)
          .split(/\n[ \t]*\n/)
          .map((paragraph) => paragraph.trim())
          .filter(Boolean)
          .map((paragraph) => html`<p>${paragraph}</p>`)}
      </div>
      ${this.#renderSummary(document)}
      ${document.answer === 'agree' ? this.#renderCheckbox(document, id, titleId, error) : this.#renderRadios(document, id, titleId, error)}
      ${error ? html`<p data-part="error" id=${error.id}>${error.message}</p>` : nothing}
    </li>`;
  }

  #renderSummary(document: TermsDocument): TemplateResult | typeof nothing {
    const summary = document.summary;
    if (!summary) return nothing;
    const rows = [
      ['widgets.consent.purpose', summary.purpose],
      ['widgets.consent.items', summary.items],
      ['widgets.consent.retention', summary.retention],
      ['widgets.consent.refusal', summary.refusal],
    ] as const;
    return html`<table data-part="summary">
      <caption>${this.t('widgets.consent.summaryCaption', { title: this.#text(document.title) })}</caption>
      <tbody>
        ${rows.map(([key, text]) => html`<tr><th scope="row">${this.t(key)}</th><td>${this.#text(text)}</td></tr>`)}
      </tbody>
    </table>`;
  }

  #renderCheckbox(document: TermsDocument, id: string, titleId: string, error: { id: string } | undefined): TemplateResult {
    const choiceId = `${id}-agree`;
    const onInput = (event: Event) => {
      // A checkbox has no "do not agree" answer: unchecked is unanswered.
      this.#set({ [document.documentId]: (event.target as HTMLInputElement).checked ? true : undefined });
    };
    return html`<div data-part="choice">
      <input type="checkbox" id=${choiceId} name=${`${this.idPrefix}-${document.documentId}`}
        aria-labelledby=${`${titleId} ${choiceId}-label`}
        aria-describedby=${error ? error.id : nothing} aria-invalid=${error ? 'true' : nothing}
        .checked=${live(this.value[document.documentId] === true)} @input=${onInput} />
      <label for=${choiceId} id=${`${choiceId}-label`}>${this.t('widgets.consent.agree')}</label>
    </div>`;
  }

  #renderRadios(document: TermsDocument, id: string, titleId: string, error: { id: string } | undefined): TemplateResult {
    const answer = this.value[document.documentId];
    const name = `${this.idPrefix}-${document.documentId}`;
    const radio = (agreed: boolean, key: 'widgets.consent.agreeChoice' | 'widgets.consent.disagreeChoice') => {
      const radioId = `${id}-${agreed ? 'agree' : 'disagree'}`;
      return html`<span data-part="option">
        <input type="radio" id=${radioId} name=${name} value=${agreed ? 'agree' : 'disagree'}
          aria-labelledby=${`${titleId} ${radioId}-label`}
          aria-describedby=${error ? error.id : nothing} aria-invalid=${error ? 'true' : nothing}
          .checked=${live(answer === agreed)} @input=${() => this.#set({ [document.documentId]: agreed })} />
        <label for=${radioId} id=${`${radioId}-label`}>${this.t(key)}</label>
      </span>`;
    };
    return html`<fieldset data-part="choice">
      <legend data-part="visually-hidden">${this.t(document.required ? 'widgets.consent.required' : 'widgets.consent.optional')} ${this.#text(document.title)}</legend>
      ${radio(true, 'widgets.consent.agreeChoice')} ${radio(false, 'widgets.consent.disagreeChoice')}
    </fieldset>`;
  }
}
