import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import type { MessageArea } from '../../../i18n/areas.ts';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AddressSearchAdapter } from '../../../context/runtime.ts';
import type { MessageKey, MessageParams } from '../../../i18n/index.ts';
import type { AddressInput } from '../../../rules/address.ts';
import { describedBy, renderField, requiredMark } from '../field.ts';
import { LazyPart } from '../lazy-part.ts';
import { MembershipElement } from '../membership-element.ts';
import { reloadAfterFailedRetry } from '../../../support/reload.ts';
import { AddressSearchError, addressFromMatch, isQueryAdapter, searchProblem, type AddressMatch, type AddressSearchErrorCode, type AddressSearchOptions } from './adapter.ts';
import { addressFieldStyles } from './address-field.styles.ts';
import type { AddressQueryController } from './query-search.ts';

export type AddressPart = 'postcode' | 'base' | 'detail';
type ShownPart = AddressPart | 'extra';

const emptyAddress: AddressInput = { postcode: '', base: '', detail: '' };
const autocompleteTokens: Record<ShownPart, string> = {
  postcode: 'postal-code',
  base: 'address-line1',
  detail: 'address-line2',
  extra: 'address-line3',
};

/**
 * @summary A Korean address: "주소 검색" fills 우편번호 and 기본주소 (shown read-only) from the address
 * search adapter — Kakao Postcode in a popup or embedded, or the site's juso.go.kr proxy with a result
 * list here — then focus moves to 상세주소. Without an adapter, or when it cannot run (script blocked,
 * offline), postcode and base address are typed by hand, with a message saying so.
 *
 * @event input - Native, bubbling from the postcode, base and detail inputs; `value` is already updated.
 * @event change - Native from those inputs, and dispatched by the element (bubbling) when a search
 *   fills the address.
 *
 * Parts (`data-part`): `address` (the fieldset), `legend`, `hint`, `notice` (why manual entry), `postcode`,
 * `base`, `extra`, `detail` (the inputs), `control` (an input with its buttons), `search-button`, `manual-button`, `cancel-button`,
 * `embed` (Kakao's embedded search), `query-panel`, `query`, `results`, `result`, `status` (live region),
 * `error`.
 *
 * @cssproperty --mb-color-border - Embedded search and result list borders.
 * @cssproperty --mb-color-surface-subtle - Active result, notice.
 * @cssproperty --mb-color-primary - Active result marker.
 * @cssproperty --mb-radius - Corners. @cssproperty --mb-space-1…--mb-space-8 - Spacing and panel height.
 * @cssproperty --mb-font-size-small - Jibun and postcode lines of a result.
 */
export class MbAddressField extends MembershipElement {
  static override messages: readonly MessageArea[] = ['core', 'address', 'rules'];
  static override properties: PropertyDeclarations = {
    manual: { state: true },
    notice: { state: true },
    busy: { state: true },
    announcement: { state: true },
    value: { attribute: false },
    errors: { attribute: false },
    error: {},
    label: {},
    required: { type: Boolean },
    name: {},
    autocompleteSection: { attribute: 'autocomplete-section' },
  };

  static override sheets = [addressFieldStyles];
  /** @internal The query panel's code (its own chunk), loaded when a search opens; tests replace it to simulate a failed load. */
  static queryPart = () => import('./query-search.ts');

  #search: AbortController | undefined;
  #warmedFor: AddressSearchAdapter | undefined;
  readonly #queryPart = new LazyPart(this, () => MbAddressField.queryPart());
  /** The query panel (a query adapter's search box and results), once its code is in. */
  #query: AddressQueryController | undefined;
  /** Its code failed to load once: failing again while online asks for a reload (reload.ts). */
  #queryFailed = false;

  /** The user chose, or a failure forced, typing postcode and base address. */
  declare private manual: boolean;
  declare private notice: { key: MessageKey; params?: MessageParams } | undefined;
  declare private busy: boolean;
  declare private announcement: string;

  /** The address; a new object on every change. */
  declare value: AddressInput;
  /** Codes per part (`ADDRESS_POSTCODE_REQUIRED`, …), e.g. from `checkAddress` issues or the API. */
  declare errors: Partial<Record<AddressPart, string>>;
  /** A code about the whole address (e.g. `ADDRESS_REQUIRED`). */
  declare error?: string;
  /** The legend; default "주소" / "Address". */
  declare label?: string;
  /** Marks postcode and base address required (the detail never is). */
  declare required: boolean;
  /** Prefix of the inner inputs' names: `address.postcode`, `address.base`, … */
  declare name: string;
  /** Autofill section when a page has two addresses (e.g. `company`): `section-company postal-code`. */
  declare autocompleteSection?: string;

  constructor() {
    super();
    this.manual = false;
    this.busy = false;
    this.announcement = '';
    this.value = emptyAddress;
    this.errors = {};
    this.required = false;
    this.name = 'address';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('focusin', this.#warmUp);
    this.addEventListener('pointerover', this.#warmUp);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('focusin', this.#warmUp);
    this.removeEventListener('pointerover', this.#warmUp);
    this.#search?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('addressSearch') && this.#query?.open) this.#query.close({ returnFocus: false });
  }

  protected override updated(): void {
    // The field is shown with a query adapter: its panel's code loads when the browser is idle, so a search opens at once.
    const adapter = this.membership.addressSearch;
    if (adapter && isQueryAdapter(adapter)) this.#queryPart.prefetch();
  }

  /** Loads the search (e.g. Kakao's script) when the user comes near the field, so the click opens it at once. */
  #warmUp = (): void => {
    const adapter = this.membership.addressSearch;
    if (!adapter || adapter === this.#warmedFor || isQueryAdapter(adapter)) return;
    this.#warmedFor = adapter;
    void adapter
      .available()
      .catch(() => false)
      .then((ready) => {
        if (!ready && !this.busy && !this.manual) this.#fallBack('ADDRESS_SEARCH_UNAVAILABLE', { focus: false });
      });
  };

  #announce(text: string): void {
    // The same words twice would not be read again; a no-break space makes them new.
    this.announcement = text === this.announcement ? `${text}\u00a0` : text;
  }

  /** Focuses an input or the search button after the next render. */
  async #focus(part: ShownPart | 'search'): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLElement>(`[data-part~='${part === 'search' ? 'search-button' : part}']`)?.focus();
  }

  async #onSearch(): Promise<void> {
    const adapter = this.membership.addressSearch;
    if (!adapter || this.busy) return;
    if (isQueryAdapter(adapter)) return this.#openQuery();
    const search = (this.#search = new AbortController());
    this.busy = true;
    this.#announce(this.t('address.searching'));
    try {
      const ready = await adapter.available();
      if (search.signal.aborted) return;
      if (!ready) return this.#fallBack('ADDRESS_SEARCH_UNAVAILABLE');
      const container = this.querySelector<HTMLElement>("[data-part='embed']") ?? undefined;
      const options: AddressSearchOptions = { locale: this.membership.locale, container, signal: search.signal };
      const match = await adapter.search(options);
      if (search.signal.aborted) return;
      if (match) await this.#choose(match);
      else {
        this.#announce(this.t('address.searchClosed'));
        void this.#focus('search');
      }
    } catch (error) {
      if (!search.signal.aborted) this.#fallBack(error instanceof AddressSearchError ? error.code : 'ADDRESS_SEARCH_FAILED', { retryAfterSeconds: (error as Partial<AddressSearchError>).retryAfterSeconds });
    } finally {
      if (this.#search === search) this.#endSearch();
    }
  }

  /** Opens the query panel, its code loaded first; code that cannot be fetched is a search that cannot be reached. */
  async #openQuery(): Promise<void> {
    const part = await this.#queryPart.load();
    if (!part) {
      // 주소 검색 tries again; failing again while online, only a reload loads it in Firefox and WebKit.
      if (this.#queryFailed) reloadAfterFailedRetry();
      this.#queryFailed = true;
      return this.#fallBack('ADDRESS_SEARCH_UNAVAILABLE');
    }
    this.#query ??= new part.AddressQueryController(this, {
      id: this.idPrefix,
      adapter: () => {
        const adapter = this.membership.addressSearch;
        return adapter && isQueryAdapter(adapter) ? adapter : undefined;
      },
      locale: () => this.membership.locale,
      t: (key, params) => this.t(key, params),
      announce: (text) => this.#announce(text),
      choose: (match) => void this.#choose(match),
      closed: () => this.#focus('search'),
      manual: () => this.#toManual(),
    });
    await this.#query.show();
  }

  #endSearch(): void {
    this.#search = undefined;
    this.busy = false;
    this.querySelector("[data-part='embed']")?.replaceChildren();
  }

  #onCancel(): void {
    this.#search?.abort();
    this.#endSearch();
    this.#announce(this.t('address.searchClosed'));
    void this.#focus('search');
  }

  async #choose(match: AddressMatch): Promise<void> {
    this.value = addressFromMatch(match, this.value);
    this.manual = false;
    this.notice = undefined;
    this.dispatchEvent(new Event('change', { bubbles: true }));
    this.#announce(this.t('address.filled', { postcode: this.value.postcode, address: this.value.base }));
    await this.#focus('detail');
  }

  #fallBack(code: AddressSearchErrorCode, { focus = true, retryAfterSeconds }: { focus?: boolean; retryAfterSeconds?: number | undefined } = {}): void {
    this.manual = true;
    this.notice = searchProblem({ code, retryAfterSeconds });
    this.#announce(this.t(this.notice.key, this.notice.params));
    if (focus) void this.#focus('postcode');
  }

  #toManual(): void {
    this.manual = true;
    this.notice = undefined;
    this.#announce(this.t('address.manualHint'));
    void this.#focus('postcode');
  }

  #onInput(part: ShownPart, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    // A typed postcode or base address is a new address: what the search said about the old one goes.
    this.value =
      part === 'detail'
        ? { ...this.value, detail: text }
        : { postcode: this.value.postcode, base: this.value.base, detail: this.value.detail, [part]: text };
  }

  override render(): TemplateResult {
    const adapter = this.membership.addressSearch;
    const manual = this.manual || !adapter;
    const id = this.idPrefix;
    const error = this.error ? this.messageFor(this.error) : '';
    const description = [this.notice ? `${id}-notice` : `${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<fieldset data-part="address" aria-describedby=${description}>
      <legend data-part="legend">${this.label ?? this.t('address.label')}${this.required ? requiredMark(this.t('common.requiredMark')) : nothing}</legend>
      ${this.notice
        ? html`<p data-part="notice" id="${id}-notice">${this.t(this.notice.key, this.notice.params)}</p>`
        : html`<p data-part="hint" id="${id}-hint">${this.t(manual ? 'address.manualHint' : 'address.searchHint')}</p>`}
      ${this.#renderPart('postcode', !manual, adapter ? this.#renderSearchButtons(manual) : nothing)}
      <div data-part="embed"></div>
      ${this.#query?.open ? this.#queryPart.value!.renderAddressQuery(this.#query, (key, params) => this.t(key, params)) : nothing}
      ${this.#renderPart('base', !manual)}
      ${this.value.extra ? this.#renderPart('extra', true) : nothing}
      ${this.#renderPart('detail', false)}
      <div data-part="error" id="${id}-error">${error}</div>
      <div data-part="status" role="status">${this.announcement}</div>
    </fieldset>`;
  }

  #renderSearchButtons(manual: boolean): TemplateResult {
    return html`<button
        type="button"
        data-part="button search-button"
        aria-disabled=${this.busy ? 'true' : 'false'}
        @click=${() => this.#onSearch()}
      >
        ${this.t('address.search')}
      </button>
      ${this.busy
        ? html`<button type="button" data-part="button cancel-button" @click=${() => this.#onCancel()}>${this.t('address.cancelSearch')}</button>`
        : manual
          ? nothing
          : html`<button type="button" data-part="button manual-button" @click=${() => this.#toManual()}>${this.t('address.manualEntry')}</button>`}`;
  }

  #renderPart(part: ShownPart, readonly: boolean, after: TemplateResult | typeof nothing = nothing): TemplateResult {
    const code = part === 'extra' ? undefined : this.errors[part];
    const required = this.required && (part === 'postcode' || part === 'base');
    // The whole address is missing (one error on the group): its empty required inputs are invalid too, described by it.
    const missing = required && !code && Boolean(this.error) && !(this.value[part] ?? '').trim();
    const section = this.autocompleteSection ? `section-${this.autocompleteSection} ` : '';
    return renderField({
      id: `${this.idPrefix}-${part}`,
      label: this.t(`address.${part}`),
      required,
      error: code ? this.messageFor(code) : undefined,
      requiredText: this.t('common.requiredMark'),
      control: (wiring) => html`<div data-part="control">
        <input
          id=${wiring.id}
          name="${this.name}.${part}"
          data-part=${part}
          autocomplete="${section}${autocompleteTokens[part]}"
          inputmode=${ifDefined(part === 'postcode' ? 'numeric' : undefined)}
          ?readonly=${readonly}
          aria-required=${ifDefined(required ? 'true' : undefined)}
          aria-invalid=${wiring.invalid || missing ? 'true' : 'false'}
          aria-describedby=${missing ? [wiring.describedBy, `${this.idPrefix}-error`].filter(Boolean).join(' ') : describedBy(wiring)}
          .value=${live(this.value[part] ?? '')}
          @input=${(event: Event) => this.#onInput(part, event)}
        />
        ${after}
      </div>`,
    });
  }
}
