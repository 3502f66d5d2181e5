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

/** mb-address-field with no search adapter (the demo configures none): postcode and base typed by hand. */
export class AddressField {
  readonly group: Locator;
  readonly postcode: Locator;
  readonly base: Locator;
  readonly detail: Locator;

  /** `isRequired`: the legend, postcode and base address carry "(필수)". */
  constructor(scope: Locator, legend: string, isRequired: boolean) {
    const label = (text: string) => (isRequired ? required(text) : text);
    this.group = scope.getByRole('group', { name: label(legend), exact: true });
    this.postcode = this.group.getByRole('textbox', { name: label(t('address.postcode')), exact: true });
    this.base = this.group.getByRole('textbox', { name: label(t('address.base')), exact: true });
    this.detail = this.group.getByRole('textbox', { name: t('address.detail'), exact: true });
  }

  async fill(address: Address): Promise<void> {
    await this.postcode.fill(address.postcode);
    await this.base.fill(address.base);
    await this.detail.fill(address.detail);
  }
}
