import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import type { MessageArea } from '../../i18n/areas.ts';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { InterestItem } from '../../api/schemas.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { fieldMaxLengths } from '../../rules/limits.ts';
import { defaultPolicy, type InterestLimits } from '../../rules/policy.ts';
import { countryName } from './countries.ts';
import { describedBy, renderField } from './field.ts';
import { interestRowsStyles } from './interest-rows.styles.ts';
import { MembershipElement } from './membership-element.ts';

/** ISO 3166-1 alpha-2: every officially assigned code (249). */
export const isoRegionCodes: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
  'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

export interface CountryOption {
  code: string;
  name: string;
}

// In a module of its own: the review step names the chosen countries without the lists' code.
export { countryName };

/** Countries named in `locale` and sorted as that language sorts (가나, 가봉, … / Afghanistan, Åland Islands, …). */
export function countryOptions(locale: string, codes: readonly string[] = isoRegionCodes): CountryOption[] {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const collator = new Intl.Collator(locale);
  return codes.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
}

/** Shared by both lists: the limit from the policy, a polite live region, focus after render. */
class InterestList extends MembershipElement {
  static override messages: readonly MessageArea[] = ['core', 'address', 'rules'];
  static override properties: PropertyDeclarations = {
    error: {},
    max: { type: Number },
    label: {},
    announcement: { state: true },
  };

  static override sheets = [interestRowsStyles];

  /** A code about the whole list (e.g. `INTEREST_ITEMS_TOO_MANY`). */
  declare error?: string;
  /** Most entries; default the policy's `interests` limit. */
  declare max?: number;
  /** The legend; default "관심품목" / "관심지역". */
  declare label?: string;

  declare protected announcement: string;

  constructor() {
    super();
    this.announcement = '';
  }

  protected limit(key: keyof InterestLimits): number {
    return this.max ?? this.membership.policy?.interests[key] ?? defaultPolicy.interests[key];
  }

  protected announce(text: string): void {
    // The same words twice would not be read again; a no-break space makes them new.
    this.announcement = text === this.announcement ? `${text}\u00a0` : text;
  }

  protected changed(): void {
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  protected async focusAfterRender(selector: string): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLElement>(selector)?.focus();
  }

  protected renderFrame(options: { part: string; legend: MessageKey; hint: string; body: TemplateResult }): TemplateResult {
    const id = this.idPrefix;
    const error = this.error ? this.messageFor(this.error, { max: this.limit(options.part === 'items' ? 'maxItems' : 'maxRegions') }) : '';
    return html`<fieldset data-part=${options.part} aria-describedby=${[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}>
      <legend data-part="legend">${this.label ?? this.t(options.legend)}</legend>
      <p data-part="hint" id="${id}-hint">${options.hint}</p>
      ${options.body}
      <div data-part="error" id="${id}-error">${error}</div>
      <div data-part="status" role="status">${this.announcement}</div>
    </fieldset>`;
  }
}

type ItemField = keyof InterestItem;
const itemFields: readonly ItemField[] = ['nameKo', 'nameEn', 'productCode'];

/**
 * @summary Interest items (관심품목) as rows — name KR, name EN, product code (HS code digits) — with
 * "추가" and a "삭제" per row, up to the policy's `interests.maxItems`.
 *
 * @event input - Native, bubbling from the row inputs; `value` is already updated.
 * @event change - Native from the row inputs, and dispatched by the element (bubbling) when a row is
 *   added or removed.
 *
 * Parts (`data-part`): `items` (the fieldset), `legend`, `hint`, `empty`, `rows`, `row`, `row-legend`,
 * `nameKo`, `nameEn`, `productCode` (the inputs), `remove-button`, `add-button`, `status` (live region), `error`.
 *
 * @cssproperty --mb-color-border - Row borders. @cssproperty --mb-radius - Row corners.
 * @cssproperty --mb-space-2…--mb-space-4 - Spacing.
 */
export class MbInterestItems extends InterestList {
  static override properties: PropertyDeclarations = {
    value: { attribute: false },
    errors: { attribute: false },
    name: {},
  };

  /** The rows; a new array on every change. */
  declare value: InterestItem[];
  /** Codes by `"<row index>.<field>"`, e.g. `{ '0.productCode': 'INTEREST_ITEM_CODE_INVALID' }` (rule issue paths joined by "."). */
  declare errors: Partial<Record<`${number}.${ItemField}`, string>>;
  /** Prefix of the inner inputs' names: `interestItems.0.nameKo`, … */
  declare name: string;

  constructor() {
    super();
    this.value = [];
    this.errors = {};
    this.name = 'interestItems';
  }

  #rowName(index: number): string {
    const row = this.value[index];
    const name = (row?.nameKo.trim() || row?.nameEn.trim()) ?? '';
    return name ? this.t('interests.items.rowNamed', { number: index + 1, name }) : this.t('interests.items.row', { number: index + 1 });
  }

  async #add(): Promise<void> {
    const max = this.limit('maxItems');
    if (this.value.length >= max) return;
    const index = this.value.length;
    this.value = [...this.value, { nameKo: '', nameEn: '', productCode: '' }];
    this.changed();
    const full = this.value.length >= max ? ` ${this.t('interests.items.full', { max })}` : '';
    this.announce(`${this.t('interests.items.added', { row: this.#rowName(index) })}${full}`);
    await this.focusAfterRender(`#${this.idPrefix}-item-${index}-nameKo`);
  }

  async #remove(index: number): Promise<void> {
    const row = this.#rowName(index);
    this.value = this.value.filter((_, i) => i !== index);
    this.changed();
    this.announce(this.t('interests.items.removed', { row }));
    // The row that moved into this place, else the one before, else "add".
    const next = Math.min(index, this.value.length - 1);
    await this.focusAfterRender(next >= 0 ? `#${this.idPrefix}-item-${next}-remove` : "[data-part~='add-button']");
  }

  #onInput(index: number, field: ItemField, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.value = this.value.map((row, i) => (i === index ? { ...row, [field]: text } : row));
  }

  override render(): TemplateResult {
    const max = this.limit('maxItems');
    return this.renderFrame({
      part: 'items',
      legend: 'interests.items.legend',
      hint: this.t('interests.items.hint', { max }),
      body: html`${this.value.length === 0
          ? html`<p data-part="empty">${this.t('interests.items.empty')}</p>`
          : html`<ol data-part="rows">${this.value.map((_, index) => this.#renderRow(index))}</ol>`}
        <button
          type="button"
          data-part="button add-button"
          aria-describedby="${this.idPrefix}-hint"
          ?disabled=${this.value.length >= max}
          @click=${() => this.#add()}
        >
          ${this.t('interests.items.add')}
        </button>`,
    });
  }

  #renderRow(index: number): TemplateResult {
    const rowId = `${this.idPrefix}-item-${index}`;
    return html`<li data-part="row">
      <fieldset data-part="row-group">
        <legend data-part="row-legend">${this.t('interests.items.row', { number: index + 1 })}</legend>
        ${itemFields.map((field) => this.#renderInput(index, field))}
        <button
          type="button"
          id="${rowId}-remove"
          data-part="button remove-button"
          aria-label=${this.t('interests.items.remove', { row: this.#rowName(index) })}
          @click=${() => this.#remove(index)}
        >
          ${this.t('interests.items.removeShort')}
        </button>
      </fieldset>
    </li>`;
  }

  #renderInput(index: number, field: ItemField): TemplateResult {
    const code = this.errors[`${index}.${field}`];
    return renderField({
      id: `${this.idPrefix}-item-${index}-${field}`,
      label: this.t(`interests.items.${field}`),
      hint: field === 'productCode' ? this.t('interests.items.productCodeHint') : undefined,
      error: code ? this.messageFor(code, { max: fieldMaxLengths.interestItemName }) : undefined,
      requiredText: this.t('common.requiredMark'),
      control: (wiring) => html`<input
        id=${wiring.id}
        name="${this.name}.${index}.${field}"
        data-part=${field}
        autocomplete="off"
        lang=${ifDefined(field === 'nameEn' ? 'en' : undefined)}
        inputmode=${ifDefined(field === 'productCode' ? 'numeric' : undefined)}
        aria-invalid=${wiring.invalid ? 'true' : 'false'}
        aria-describedby=${describedBy(wiring)}
        .value=${live(this.value[index]?.[field] ?? '')}
        @input=${(event: Event) => this.#onInput(index, field, event)}
      />`,
    });
  }
}

/**
 * @summary Interest regions (관심지역): countries chosen from a list named and sorted in the UI language
 * (`Intl.DisplayNames`, `Intl.Collator`), shown as removable chips, no duplicates, up to the policy's
 * `interests.maxRegions`. The value is ISO 3166-1 alpha-2 codes.
 *
 * @event change - Dispatched by the element (bubbling) when a country is added or removed. The country
 *   list's own `input`/`change` do not leave the element: choosing in it does not change `value`.
 *
 * Parts (`data-part`): `regions` (the fieldset), `legend`, `hint`, `country` (the select), `add-button`,
 * `chips`, `chip` (`data-code`, `data-invalid`), `chip-name`, `chip-error`, `remove-button`, `empty`, `status` (live region), `error`.
 *
 * @cssproperty --mb-color-surface-subtle - Chip background. @cssproperty --mb-color-border - Chip border.
 * @cssproperty --mb-radius - Chip corners. @cssproperty --mb-space-1…--mb-space-3 - Spacing.
 */
export class MbInterestRegions extends InterestList {
  static override properties: PropertyDeclarations = {
    value: { attribute: false },
    errors: { attribute: false },
    countries: { attribute: false },
    name: {},
    picked: { state: true },
    pickProblem: { state: true },
  };

  /** ISO 3166-1 alpha-2 codes, in the order added; a new array on every change. */
  declare value: string[];
  /** Codes by index into `value` (`checkInterestRegions` issue paths), e.g. `{ 2: 'INTEREST_REGION_DUPLICATE' }`. */
  declare errors: Partial<Record<number, string>>;
  /** The countries offered; default every ISO 3166-1 code. */
  declare countries: readonly string[];
  /** Name of the hidden inputs that carry the codes in a native form submit. */
  declare name: string;

  /** The country chosen in the list, not yet added. */
  declare private picked: string;
  declare private pickProblem: MessageKey | undefined;

  constructor() {
    super();
    this.value = [];
    this.errors = {};
    this.countries = isoRegionCodes;
    this.name = 'interestRegions';
    this.picked = '';
  }

  #options: { locale: string; countries: readonly string[]; options: CountryOption[] } | undefined;

  /** Named and sorted once per language and country list. */
  #countryOptions(): CountryOption[] {
    const { locale } = this.membership;
    if (this.#options?.locale !== locale || this.#options.countries !== this.countries) {
      this.#options = { locale, countries: this.countries, options: countryOptions(locale, this.countries) };
    }
    return this.#options.options;
  }

  async #add(): Promise<void> {
    const max = this.limit('maxRegions');
    const code = this.picked;
    if (this.value.length >= max) return;
    if (!code || this.value.includes(code)) {
      this.pickProblem = 'interests.regions.pickFirst';
      return this.focusAfterRender("[data-part='country']");
    }
    this.value = [...this.value, code];
    this.picked = '';
    this.pickProblem = undefined;
    this.changed();
    const full = this.value.length >= max ? ` ${this.t('interests.regions.full', { max })}` : '';
    this.announce(`${this.t('interests.regions.added', { country: countryName(this.membership.locale, code) })}${full}`);
    await this.focusAfterRender("[data-part='country']");
  }

  async #remove(index: number): Promise<void> {
    const code = this.value[index] ?? '';
    this.value = this.value.filter((_, i) => i !== index);
    this.changed();
    this.announce(this.t('interests.regions.removed', { country: countryName(this.membership.locale, code) }));
    const next = Math.min(index, this.value.length - 1);
    await this.focusAfterRender(next >= 0 ? `#${this.idPrefix}-region-${next}-remove` : "[data-part='country']");
  }

  #onPick(event: Event): void {
    // Choosing in the list is not a change of the value; only "add" is.
    event.stopPropagation();
    if (event.type === 'change') {
      this.picked = (event.target as HTMLSelectElement).value;
      if (this.picked) this.pickProblem = undefined;
    }
  }

  override render(): TemplateResult {
    const max = this.limit('maxRegions');
    const locale = this.membership.locale;
    const offered = this.#countryOptions().filter((option) => !this.value.includes(option.code));
    return this.renderFrame({
      part: 'regions',
      legend: 'interests.regions.legend',
      hint: this.t('interests.regions.hint', { max }),
      body: html`${renderField({
          id: `${this.idPrefix}-country`,
          label: this.t('interests.regions.country'),
          error: this.pickProblem ? this.t(this.pickProblem) : undefined,
          requiredText: this.t('common.requiredMark'),
          control: (wiring) => html`<div data-part="control">
            <select
              id=${wiring.id}
              data-part="country"
              aria-invalid=${wiring.invalid ? 'true' : 'false'}
              aria-describedby=${describedBy(wiring)}
              .value=${live(this.picked)}
              @input=${this.#onPick}
              @change=${this.#onPick}
            >
              <option value="">${this.t('interests.regions.placeholder')}</option>
              ${offered.map((option) => html`<option value=${option.code} ?selected=${option.code === this.picked}>${option.name}</option>`)}
            </select>
            <button type="button" data-part="button add-button" aria-describedby="${this.idPrefix}-hint" ?disabled=${this.value.length >= max} @click=${() => this.#add()}>
              ${this.t('interests.regions.add')}
            </button>
          </div>`,
        })}
        ${this.value.length === 0
          ? html`<p data-part="empty">${this.t('interests.regions.empty')}</p>`
          : html`<ul data-part="chips" aria-label=${this.t('interests.regions.chosen')}>
              ${this.value.map((code, index) => this.#renderChip(code, index, locale))}
            </ul>`}`,
    });
  }

  #renderChip(code: string, index: number, locale: string): TemplateResult {
    const name = countryName(locale, code);
    const problem = this.errors[index];
    return html`<li data-part="chip" data-code=${code} ?data-invalid=${problem !== undefined}>
      <span data-part="chip-name">${name}</span>
      ${problem ? html`<span data-part="chip-error">${this.messageFor(problem)}</span>` : nothing}
      <input type="hidden" name=${this.name} .value=${code} />
      <button
        type="button"
        id="${this.idPrefix}-region-${index}-remove"
        data-part="button remove-button"
        aria-label=${this.t('interests.regions.remove', { country: name })}
        @click=${() => this.#remove(index)}
      >
        ${this.t('interests.regions.removeShort')}
      </button>
    </li>`;
  }
}
