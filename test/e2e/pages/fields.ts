import type { Locator } from 'playwright-core';
import { required, t } from '../text.ts';

/** Shared pieces of the member and company forms: field errors, mb-email-input and mb-address-field. */

/** The error line of a field: every control's `<id>-error`, which its `aria-describedby` names once it has a message. */
export async function errorOf(control: Locator): Promise<Locator> {
  const id = await control.getAttribute('id');
  if (!id) throw new Error(`${control} has no id`);
  return control.page().locator(`[id="${id}-error"]`);
}

export interface Address {
  postcode: string;
  base: string;
  detail: string;
}

/** mb-email-input: local part, then a domain from the list or typed after "직접 입력". */
export class EmailField {
  readonly group: Locator;
  readonly local: Locator;
  readonly domain: Locator;
  readonly typedDomain: Locator;

  constructor(scope: Locator, legend: string) {
    this.group = scope.getByRole('group', { name: legend, exact: true });
    this.local = this.group.getByRole('textbox', { name: t('widgets.email.local'), exact: true });
    this.domain = this.group.getByRole('combobox', { name: t('widgets.email.domain'), exact: true });
    this.typedDomain = this.group.getByRole('textbox', { name: t('widgets.email.typedDomain'), exact: true });
  }

  async fill(email: string): Promise<void> {
    const [local, domain] = email.split('@') as [string, string];
    await this.local.fill(local);
    const listed = await this.domain.locator('option').evaluateAll((options, wanted) => options.some((option) => (option as HTMLOptionElement).value === wanted), domain);
    if (listed) {
      await this.domain.selectOption(domain);
    } else {
      await this.domain.selectOption({ label: t('widgets.email.typeDomain') });
      await this.typedDomain.fill(domain);
    }
  }
}

/**
 * mb-address-field: with the site's address search (the trade demo) 주소 검색 opens a search box and a
 * result list, postcode and base address are read-only until 직접 입력; without one they are typed.
 */
export class AddressField {
  readonly group: Locator;
  readonly postcode: Locator;
  readonly base: Locator;
  readonly detail: Locator;
  readonly searchButton: Locator;
  /** The search box (a combobox) and its own 검색 button, once 주소 검색 opened them. */
  readonly query: Locator;
  readonly querySubmit: Locator;
  readonly results: Locator;
  /** The search panel: its problem line, "still working" and what it found. */
  readonly panel: Locator;

  /** `isRequired`: the legend, postcode and base address carry "(필수)". */
  constructor(scope: Locator, legend: string, isRequired: boolean) {
    const label = (text: string) => (isRequired ? required(text) : text);
    this.group = scope.getByRole('group', { name: label(legend), exact: true });
    this.postcode = this.group.getByRole('textbox', { name: label(t('address.postcode')), exact: true });
    this.base = this.group.getByRole('textbox', { name: label(t('address.base')), exact: true });
    this.detail = this.group.getByRole('textbox', { name: t('address.detail'), exact: true });
    this.searchButton = this.group.getByRole('button', { name: t('address.search'), exact: true });
    this.query = this.group.getByRole('combobox', { name: t('address.query.label'), exact: true });
    this.querySubmit = this.group.getByRole('button', { name: t('address.query.submit'), exact: true });
    this.results = this.group.getByRole('option');
    this.panel = this.group.locator('[data-part="query-panel"]');
  }

  /** Types the address; where a search makes postcode and base read-only, after 직접 입력. */
  async fill(address: Address): Promise<void> {
    if (!(await this.postcode.isEditable())) await this.group.locator('[data-part~="manual-button"]').click();
    await this.postcode.fill(address.postcode);
    await this.base.fill(address.base);
    await this.detail.fill(address.detail);
  }

  /** Opens the search (once) and searches for `text`; the results or a problem show in the panel. */
  async search(text: string): Promise<void> {
    if (!(await this.query.isVisible())) await this.searchButton.click();
    await this.query.fill(text);
    await this.querySubmit.click();
  }

  /** Picks the result whose road address is `base`: postcode and base address are filled from it. */
  async pick(base: string): Promise<void> {
    await this.results.filter({ hasText: base }).first().click();
    const input = await this.base.elementHandle();
    await this.base.page().waitForFunction(([element, expected]) => (element as HTMLInputElement).value === expected, [input, base] as const);
  }
}
