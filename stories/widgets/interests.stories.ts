import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import type { InterestItem } from '../../src/api/index.ts';
import { defineElement } from '../../src/elements/shared/define-element.ts';
import { MbInterestItems, MbInterestRegions } from '../../src/elements/shared/interest-rows.ts';
import { defaultPolicy, kotraPolicy } from '../../src/rules/policy.ts';
import { $, choose, click, settle, typeIn } from '../support/drive.ts';

defineElement('mb-interest-items', MbInterestItems);
defineElement('mb-interest-regions', MbInterestRegions);

const policies = { kotraPolicy, defaultPolicy };

interface InterestArgs {
  policy: keyof typeof policies;
  items: InterestItem[];
  itemErrors: Record<string, string>;
  itemsError?: string;
  regions: string[];
  regionErrors: Record<number, string>;
  regionsError?: string;
  /** Override of the policy's limit for both lists. */
  max?: number;
}

/**
 * `<mb-interest-items>` (관심품목: rows of name KR, name EN, HS product code, with add/remove) and
 * `<mb-interest-regions>` (관심지역: countries named and sorted in the UI language, as chips), limited
 * by the policy's `interests`.
 */
const meta = {
  title: 'Membership/Widgets/Interests',
  tags: ['autodocs'],
  render: (args) => html`<mb-interest-items .policy=${policies[args.policy]} .value=${args.items} .errors=${args.itemErrors}
      .error=${args.itemsError || undefined} .max=${args.max}></mb-interest-items>
    <mb-interest-regions .policy=${policies[args.policy]} .value=${args.regions} .errors=${args.regionErrors}
      .error=${args.regionsError || undefined} .max=${args.max}></mb-interest-regions>`,
  argTypes: {
    policy: { control: 'inline-radio', options: Object.keys(policies) },
    itemsError: { control: 'select', options: ['', 'INTEREST_ITEMS_TOO_MANY'] },
    regionsError: { control: 'select', options: ['', 'INTEREST_REGIONS_TOO_MANY'] },
  },
  args: { policy: 'kotraPolicy', items: [], itemErrors: {}, regions: [], regionErrors: {} },
} satisfies Meta<InterestArgs>;

export default meta;
type Story = StoryObj<InterestArgs>;

const describe = (text: string) => ({ docs: { description: { story: text } } });

const semiconductor: InterestItem = { nameKo: '반도체', nameEn: 'Semiconductors', productCode: '8541.40' };
const cosmetics: InterestItem = { nameKo: '화장품', nameEn: 'Cosmetics', productCode: '3304' };

export const Empty: Story = {
  parameters: describe('Nothing chosen yet: each list says so, with its "add" button and the limit in the hint.'),
};

export const WithRows: Story = {
  name: 'Rows and regions',
  args: { items: [semiconductor, cosmetics], regions: ['VN', 'US', 'JP'] },
  parameters: describe('Two product rows (each a fieldset with its own remove button) and three countries as chips.'),
};

export const Errors: Story = {
  name: 'Field errors',
  args: {
    items: [{ nameKo: '', nameEn: 'Machinery', productCode: '84' }, cosmetics],
    itemErrors: { '0.nameKo': 'INTEREST_ITEM_NAME_REQUIRED', '0.productCode': 'INTEREST_ITEM_CODE_INVALID' },
    regions: ['VN', 'XX'],
    regionErrors: { 1: 'INTEREST_REGION_INVALID' },
  },
  parameters: describe('A row without its Korean name and with a 2-digit code (HS codes have 4 to 10 digits); a chip with an unknown country code.'),
};

export const Full: Story = {
  name: 'At the limit',
  args: { max: 2, items: [semiconductor, cosmetics], regions: ['VN', 'US'] },
  parameters: describe('Both lists at their limit (2 here, set with `max`): the add buttons are disabled and the hint says why.'),
};

export const TooMany: Story = {
  name: 'Too many (from the API)',
  args: { max: 1, items: [semiconductor, cosmetics], itemsError: 'INTEREST_ITEMS_TOO_MANY', regions: ['VN', 'US'], regionsError: 'INTEREST_REGIONS_TOO_MANY' },
  parameters: describe('An older record with more entries than the policy allows: the list-level errors, with the limit.'),
};

export const AddAndRemove: Story = {
  name: 'Adding and removing (play)',
  parameters: describe('The play function adds a row and fills it, adds Vietnam and Germany and removes Vietnam: focus and polite announcements follow each action.'),
  play: async ({ canvasElement }) => {
    const items = $<MbInterestItems>(canvasElement, 'mb-interest-items');
    const regions = $<MbInterestRegions>(canvasElement, 'mb-interest-regions');
    await settle(items);
    click(items, '[data-part~="add-button"]');
    await settle(items);
    typeIn(items, 'input[name="interestItems.0.nameKo"]', '이차전지');
    typeIn(items, 'input[name="interestItems.0.nameEn"]', 'Secondary batteries');
    typeIn(items, 'input[name="interestItems.0.productCode"]', '8507.60');
    await settle(items);
    for (const code of ['VN', 'DE']) {
      choose(regions, 'select[data-part="country"]', code);
      await settle(regions);
      click(regions, '[data-part~="add-button"]');
      await settle(regions);
    }
    click(regions, '[data-part="chip"][data-code="VN"] [data-part~="remove-button"]');
    await settle(regions);
    await expect(regions.value).toEqual(['DE']);
    await expect(items.value.length).toBe(1);
  },
};

export const InEnglish: Story = {
  name: 'Rows and regions (English)',
  args: { items: [semiconductor, cosmetics], regions: ['VN', 'US', 'JP'] },
  globals: { locale: 'en' },
  parameters: describe('Country names and their order follow the language (Intl.DisplayNames, Intl.Collator).'),
};
