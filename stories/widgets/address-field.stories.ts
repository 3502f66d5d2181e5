import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import type { AddressSearchAdapter } from '../../src/context/runtime.ts';
import { MbAddressField } from '../../src/elements/shared/address-search/address-field.ts';
import { fakeAddressAdapter, fakeAddressQueryAdapter, sampleAddresses } from '../../src/testing.ts';
import { defineElement } from '../../src/elements/shared/define-element.ts';
import type { AddressInput } from '../../src/rules/address.ts';
import { $, click, settle, typeIn, waitFor } from '../support/drive.ts';

defineElement('mb-address-field', MbAddressField);

type AdapterKind = 'popup' | 'popup-slow' | 'query' | 'unavailable' | 'failing' | 'busy' | 'none';

interface AddressArgs {
  /** Which address search the field gets (fakes from address-search/fake.ts: no network, no third-party script). */
  adapter: AdapterKind;
  required: boolean;
  value: AddressInput;
  /** Codes per part. */
  postcodeError?: string;
  baseError?: string;
}

/** The adapters, made per render (a field keeps what it searched with the adapter it had). */
const adapters: Record<AdapterKind, () => AddressSearchAdapter | undefined> = {
  /** Like Kakao Postcode: its own UI picks an address (here: the first sample). */
  popup: () => fakeAddressAdapter(sampleAddresses),
  /** The same, taking its time: the busy state with its cancel button. */
  'popup-slow': () => fakeAddressAdapter(sampleAddresses, { delayMs: 600_000 }),
  /** Like the site's juso.go.kr proxy: the field lists matches for a typed query, 2 per page. */
  query: () => fakeAddressQueryAdapter(sampleAddresses, { pageSize: 2 }),
  /** The search script could not load (blocked, offline). */
  unavailable: () => fakeAddressAdapter(sampleAddresses, { available: false }),
  /** The service answers with errors. */
  failing: () => fakeAddressAdapter(sampleAddresses, { fail: true }),
  /** The site's search refuses for now (HTTP 429, too many searches), asking for 30 seconds. */
  busy: () => fakeAddressQueryAdapter(sampleAddresses, { busySeconds: 30 }),
  none: () => undefined,
};

const empty: AddressInput = { postcode: '', base: '', detail: '' };

/**
 * `<mb-address-field>`: "주소 검색" fills 우편번호 and 기본주소 (read-only) from the address search,
 * then focus goes to 상세주소. Without a search, or when it cannot run, both are typed by hand with a
 * message saying why. The stories use the library's fake adapters (`fakeAddressAdapter`, popup-like;
 * `fakeAddressQueryAdapter`, query-based) with `sampleAddresses`.
 */
const meta = {
  title: 'Membership/Widgets/Address field',
  component: 'mb-address-field',
  tags: ['autodocs'],
  render: (args) => html`<mb-address-field name="address" .addressSearch=${adapters[args.adapter]()} ?required=${args.required} .value=${args.value}
    .errors=${{ postcode: args.postcodeError || undefined, base: args.baseError || undefined }}></mb-address-field>`,
  argTypes: {
    adapter: { control: 'select', options: Object.keys(adapters) },
    postcodeError: { control: 'select', options: ['', 'ADDRESS_POSTCODE_REQUIRED', 'ADDRESS_POSTCODE_INVALID'] },
    baseError: { control: 'select', options: ['', 'ADDRESS_BASE_REQUIRED', 'ADDRESS_BASE_TOO_LONG'] },
  },
  args: { adapter: 'popup', required: true, value: empty },
} satisfies Meta<AddressArgs>;

export default meta;
type Story = StoryObj<AddressArgs>;

const describe = (text: string) => ({ docs: { description: { story: text } } });

const field = (canvas: HTMLElement) => $<MbAddressField>(canvas, 'mb-address-field');

/** Opens the query panel with "주소 검색", types `text` and searches. */
async function searchFor(element: MbAddressField, text: string): Promise<void> {
  await settle(element);
  click(element, '[data-part~="search-button"]');
  await waitFor(() => element.querySelector('input[data-part="query"]'), 'the query panel');
  typeIn(element, 'input[data-part="query"]', text);
  click(element, '[data-part~="query-submit"]');
}

export const PopupSearch: Story = {
  name: 'Popup search: empty',
  parameters: describe('With a popup-like search (Kakao Postcode): postcode and base address read-only, "주소 검색" and "직접 입력" beside the postcode.'),
};

export const PopupSearchFilled: Story = {
  name: 'Popup search: address chosen',
  parameters: describe('"주소 검색" pressed and an address chosen (코엑스): postcode, base address and 참고항목 filled, focus on the detail address, which the play function then types.'),
  play: async ({ canvasElement }) => {
    const element = field(canvasElement);
    await settle(element);
    click(element, '[data-part~="search-button"]');
    await waitFor(() => element.value.postcode, 'the chosen address');
    await settle(element);
    typeIn(element, 'input[data-part="detail"]', '3층 302호');
    await settle(element);
    await expect(element.value.base).toBe(sampleAddresses[0]!.base);
  },
};

export const PopupSearchBusy: Story = {
  name: 'Popup search: searching',
  args: { adapter: 'popup-slow' },
  parameters: describe('The search is open and has not answered: "주소 검색" marked busy, a cancel button beside it.'),
  play: async ({ canvasElement }) => {
    const element = field(canvasElement);
    await settle(element);
    click(element, '[data-part~="search-button"]');
    await waitFor(() => element.querySelector('[data-part~="cancel-button"]'), 'the cancel button');
  },
};

export const QuerySearch: Story = {
  name: 'Query search: results',
  args: { adapter: 'query' },
  parameters: describe('With a query-based search (the site\'s juso.go.kr proxy): the panel opens in the field, "서울" is searched, two of three matches listed (road name, 지번, postcode) with "more", "직접 입력" and "close".'),
  play: async ({ canvasElement }) => {
    const element = field(canvasElement);
    await searchFor(element, '서울');
    await waitFor(() => element.querySelectorAll('[data-part="result"]').length > 0, 'the results');
    await settle(element);
  },
};

export const QuerySearchNone: Story = {
  name: 'Query search: nothing found',
  args: { adapter: 'query' },
  parameters: describe('A query with no match: the panel says so and offers typing the address instead.'),
  play: async ({ canvasElement }) => {
    const element = field(canvasElement);
    await searchFor(element, '제주 한라산로 999');
    await waitFor(() => element.querySelector('[data-part="query-summary"]'), 'the summary');
    await settle(element);
  },
};

export const QuerySearchChosen: Story = {
  name: 'Query search: address chosen',
  args: { adapter: 'query' },
  parameters: describe('A match picked from the list ("세종대로"): the panel closes, the address is filled, focus on the detail address.'),
  play: async ({ canvasElement }) => {
    const element = field(canvasElement);
    await searchFor(element, '세종대로');
    const result = await waitFor(() => element.querySelector<HTMLElement>('[data-part="result"]'), 'the result');
    result.click();
    await waitFor(() => element.value.postcode, 'the chosen address');
    await settle(element);
    await expect(element.value.postcode).toBe('03171');
  },
};

export const Unavailable: Story = {
  name: 'Search unavailable: manual entry',
  args: { adapter: 'unavailable' },
  parameters: describe('The search cannot run (script blocked, offline): after "주소 검색" the field says so and postcode and base address become typable.'),
  play: async ({ canvasElement }) => {
    const element = field(canvasElement);
    await settle(element);
    click(element, '[data-part~="search-button"]');
    await waitFor(() => element.querySelector('[data-part="notice"]'), 'the notice');
    await settle(element);
    await expect($<HTMLInputElement>(element, 'input[data-part="postcode"]').readOnly).toBe(false);
  },
};

export const SearchFailed: Story = {
  name: 'Search failed',
  args: { adapter: 'failing' },
  parameters: describe('The search answered with an error: the field offers searching again or typing the address.'),
  play: async ({ canvasElement }) => {
    const element = field(canvasElement);
    await settle(element);
    click(element, '[data-part~="search-button"]');
    await waitFor(() => element.querySelector('[data-part="notice"]'), 'the notice');
    await settle(element);
  },
};

export const SearchBusy: Story = {
  name: 'Query search: too many searches',
  args: { adapter: 'busy' },
  parameters: describe('The site\'s search refused for now (HTTP 429 with Retry-After: 30): the panel says how long to wait; the address can still be typed.'),
  play: async ({ canvasElement }) => {
    const element = field(canvasElement);
    await searchFor(element, '서울');
    const query = $<HTMLInputElement>(element, 'input[data-part="query"]');
    await waitFor(() => query.getAttribute('aria-invalid') === 'true', 'the error');
    await settle(element);
    await expect(element.querySelector(`#${query.id}-error`)?.textContent).toContain('30');
  },
};

export const ManualOnly: Story = {
  name: 'No search: manual',
  args: { adapter: 'none' },
  parameters: describe('No address search configured (as in the stories\' provider): the field is typed by hand from the start.'),
};

export const Filled: Story = {
  name: 'Filled by the host',
  args: { value: { postcode: '06164', base: '서울특별시 강남구 영동대로 513', extra: '(삼성동)', detail: '3층 302호' } },
  parameters: describe('A value from the host (a draft, a profile): with its 참고항목.'),
};

export const Errors: Story = {
  name: 'Required (errors)',
  args: { adapter: 'none', postcodeError: 'ADDRESS_POSTCODE_REQUIRED', baseError: 'ADDRESS_BASE_REQUIRED' },
  parameters: describe('Postcode and base address missing after a submit.'),
};

export const QuerySearchInEnglish: Story = {
  name: 'Query search: results (English)',
  args: { adapter: 'query' },
  globals: { locale: 'en' },
  parameters: describe('The query panel in English (the matches stay in Korean, as the service returns them).'),
  play: QuerySearch.play,
};
