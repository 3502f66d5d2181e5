// The address search a site's config names (`addressSearch.endpoint`): a field without an adapter of
// its own uses it, against the reference server in the page (its sandbox address book, via MSW).
import { cleanupFixtures, equal, fixture, waitFor } from '../../../../test/browser/fixture.ts';
import { startMockApi } from '../../../../test/support/api.ts';
import { defineElement } from '../define-element.ts';
import { MbAddressField } from './address-field.ts';

defineElement('mb-address-field', MbAddressField);

const { mock, worker } = await startMockApi();

describe("address field: the site config's address search", () => {
  after(() => worker.stop());
  afterEach(cleanupFixtures);

  it('without an adapter of its own, searches the server the trade config names; a pick fills the address', async () => {
    const field = document.createElement('mb-address-field') as MbAddressField;
    field.setAttribute('api-base', mock.apiBase);
    field.setAttribute('site', 'trade');
    await fixture(field);
    const button = await waitFor(() => field.querySelector<HTMLButtonElement>("[data-part~='search-button']"), 'the search button once the config names a search');
    button.click();
    const query = await waitFor(() => field.querySelector<HTMLInputElement>("[data-part='query']"), 'the search box');
    query.value = '정부서울청사';
    query.dispatchEvent(new Event('input', { bubbles: true }));
    field.querySelector<HTMLButtonElement>("[data-part~='query-submit']")!.click();
    const option = await waitFor(() => field.querySelector<HTMLElement>('[role="option"]'), 'a result from the server');
    option.click();
    await waitFor(() => field.value.postcode === '03171', 'the address chosen');
    equal(field.value.base, '서울특별시 종로구 세종대로 209', 'road address');
    equal(field.value.jibun, '서울특별시 종로구 세종로 77-6', 'lot address');
  });
});
