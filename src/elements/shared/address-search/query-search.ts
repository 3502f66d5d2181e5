/**
 * The search box and result list `mb-address-field` shows for a query adapter (site API): an
 * APG combobox — the input keeps focus, ↑/↓ move the active option (`aria-activedescendant`),
 * Enter picks it (or searches when none is active), Escape closes. Not an element: state and
 * keyboard in a controller, markup in `renderAddressQuery`, both owned by the field. Its own chunk: the
 * field loads it when a search opens (prefetched when the browser is idle once the field shows).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { MessageKey, MessageParams } from '../../../i18n/index.ts';
import { describedBy, renderField } from '../field.ts';
import { renderJobStatus } from '../job-status.ts';
import { searchProblem, type AddressMatch, type AddressQueryAdapter, type AddressSearchError } from './adapter.ts';

type Translate = (key: MessageKey, params?: MessageParams) => string;

export interface AddressQueryHost {
  /** Prefix of the ids inside the panel. */
  id: string;
  adapter(): AddressQueryAdapter | undefined;
  locale(): string;
  t: Translate;
  /** Says something in the field's polite live region. */
  announce(text: string): void;
  choose(match: AddressMatch): void;
  /** The panel closed without a choice; focus goes back to the search button. */
  closed(): void;
  /** The user asked to type the address instead. */
  manual(): void;
}

/** Queries shorter than this are not sent (juso.go.kr answers them with an error). */
const minQueryLength = 2;
/** A search pending this long says "still working" (the close button stops it), as every request of the elements does. */
const slowAfterMs = 3000;

export class AddressQueryController implements ReactiveController {
  open = false;
  text = '';
  results: AddressMatch[] = [];
  total = 0;
  page = 0;
  /** Index of the active option, -1 for none. */
  active = -1;
  loading = false;
  /** Loading for a few seconds already. */
  slow = false;
  /** A problem to show under the search box (a message and its parameters). */
  problem: { key: MessageKey; params?: MessageParams } | undefined;
  /** What the last finished search found, shown above the list. */
  summary = '';

  #element: ReactiveControllerHost & HTMLElement;
  #host: AddressQueryHost;
  #abort: AbortController | undefined;
  #slowTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(element: ReactiveControllerHost & HTMLElement, host: AddressQueryHost) {
    this.#element = element;
    this.#host = host;
    element.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    clearTimeout(this.#slowTimer);
  }

  get inputId(): string {
    return `${this.#host.id}-query`;
  }

  optionId(index: number): string {
    return `${this.#host.id}-option-${index}`;
  }

  async show(): Promise<void> {
    this.open = true;
    this.#element.requestUpdate();
    await this.#element.updateComplete;
    document.getElementById(this.inputId)?.focus();
  }

  /** Closes the panel; without a choice focus returns to the search button. */
  close({ returnFocus = true } = {}): void {
    this.#abort?.abort();
    clearTimeout(this.#slowTimer);
    Object.assign(this, { open: false, results: [], total: 0, page: 0, active: -1, loading: false, slow: false, problem: undefined, summary: '' });
    this.#element.requestUpdate();
    if (returnFocus) this.#host.closed();
  }

  toManual(): void {
    this.close({ returnFocus: false });
    this.#host.manual();
  }

  async run(page = 1): Promise<void> {
    const adapter = this.#host.adapter();
    const query = this.text.trim();
    if (!adapter) return;
    if ([...query].length < minQueryLength) {
      this.problem = { key: 'address.query.tooShort' };
      this.#element.requestUpdate();
      return;
    }
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.problem = undefined;
    this.loading = true;
    this.slow = false;
    clearTimeout(this.#slowTimer);
    this.#slowTimer = setTimeout(() => {
      if (this.#abort !== abort || !this.loading) return;
      this.slow = true;
      this.#element.requestUpdate();
    }, slowAfterMs);
    this.#host.announce(this.#host.t('address.query.loading'));
    this.#element.requestUpdate();
    try {
      const found = await adapter.query({ query, page, locale: this.#host.locale(), signal: abort.signal });
      if (abort.signal.aborted) return;
      const before = page === 1 ? 0 : this.results.length;
      this.results = page === 1 ? found.results : [...this.results, ...found.results];
      this.total = Math.max(found.total, this.results.length);
      this.page = page;
      // After "more", the first new match is active so arrows continue from there.
      this.active = page === 1 || found.results.length === 0 ? -1 : before;
      this.summary =
        this.results.length === 0
          ? this.#host.t('address.query.none')
          : this.#host.t('address.query.count', { total: this.total, shown: this.results.length });
      this.#host.announce(this.summary);
    } catch (error) {
      if (abort.signal.aborted) return;
      // By code, not class: a search whose code could not be fetched says so too (from-site-config.ts).
      this.problem = searchProblem(error as Partial<AddressSearchError> | null);
      this.#host.announce(this.#host.t(this.problem.key, this.problem.params));
    } finally {
      if (this.#abort === abort) {
        this.loading = false;
        this.slow = false;
        clearTimeout(this.#slowTimer);
      }
      this.#element.requestUpdate();
    }
    if (page > 1) document.getElementById(this.inputId)?.focus();
  }

  pick(index: number): void {
    const match = this.results[index];
    if (!match) return;
    this.close({ returnFocus: false });
    this.#host.choose(match);
  }

  onInput(event: Event): void {
    // The query is not the field's value: the host form must not see it as an address change.
    event.stopPropagation();
    this.text = (event.target as HTMLInputElement).value;
    this.active = -1;
    this.#element.requestUpdate();
  }

  onKeydown(event: KeyboardEvent): void {
    const count = this.results.length;
    if (event.isComposing) return; // Hangul IME: Enter and arrows belong to the composition.
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (count === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.#activate(this.active < 0 ? (step > 0 ? 0 : count - 1) : Math.min(count - 1, Math.max(0, this.active + step)));
    } else if (event.key === 'Enter') {
      // Never let Enter submit the host's form from the search box.
      event.preventDefault();
      if (this.active >= 0) this.pick(this.active);
      else void this.run(1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.close();
    }
  }

  async #activate(index: number): Promise<void> {
    this.active = index;
    this.#element.requestUpdate();
    await this.#element.updateComplete;
    document.getElementById(this.optionId(index))?.scrollIntoView({ block: 'nearest' });
  }
}

export function renderAddressQuery(query: AddressQueryController, t: Translate): TemplateResult {
  const listId = `${query.inputId}-list`;
  const expanded = query.results.length > 0;
  const stop = (event: Event) => event.stopPropagation();
  return html`<div data-part="query-panel">
    ${renderField({
      id: query.inputId,
      label: t('address.query.label'),
      hint: t('address.query.hint'),
      error: query.problem ? t(query.problem.key, query.problem.params) : undefined,
      requiredText: '',
      control: (wiring) => html`<div data-part="query-row">
        <input
          id=${wiring.id}
          type="search"
          data-part="query"
          role="combobox"
          autocomplete="off"
          enterkeyhint="search"
          aria-autocomplete="list"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls=${ifDefined(expanded ? listId : undefined)}
          aria-activedescendant=${ifDefined(query.active >= 0 ? query.optionId(query.active) : undefined)}
          aria-invalid=${wiring.invalid ? 'true' : 'false'}
          aria-describedby=${describedBy(wiring)}
          .value=${live(query.text)}
          @input=${(event: Event) => query.onInput(event)}
          @change=${stop}
          @keydown=${(event: KeyboardEvent) => query.onKeydown(event)}
        />
        <button type="button" data-part="button query-submit" @click=${() => query.run(1)}>${t('address.query.submit')}</button>
      </div>`,
    })}
    ${query.slow ? renderJobStatus({ label: t('address.query.loading'), slow: true, t, name: 'address-search' }) : nothing}
    ${query.summary ? html`<p data-part="query-summary">${query.summary}</p>` : nothing}
    ${expanded
      ? html`<ul id=${listId} role="listbox" data-part="results" aria-label=${t('address.query.results')} aria-busy=${query.loading ? 'true' : 'false'}>
          ${query.results.map(
            (match, index) => html`<li
              id=${query.optionId(index)}
              role="option"
              data-part="result"
              aria-selected=${index === query.active ? 'true' : 'false'}
              @click=${() => query.pick(index)}
            >
              <span data-part="result-base">${match.base}${match.extra ? ` ${match.extra}` : ''}</span>
              ${match.jibun ? html`<span data-part="result-jibun">${t('address.jibun')} ${match.jibun}</span>` : nothing}
              <span data-part="result-postcode">${t('address.postcode')} ${match.postcode}</span>
            </li>`,
          )}
        </ul>`
      : nothing}
    <div data-part="query-actions">
      ${query.results.length < query.total
        ? html`<button type="button" data-part="button query-more" @click=${() => query.run(query.page + 1)}>${t('address.query.more')}</button>`
        : nothing}
      <button type="button" data-part="button query-manual" @click=${() => query.toManual()}>${t('address.manualEntry')}</button>
      <button type="button" data-part="button query-close" @click=${() => query.close()}>${t('address.query.close')}</button>
    </div>
  </div>`;
}
