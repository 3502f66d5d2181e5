// The site-API adapter (juso.go.kr through the site's server) against MSW, and the result list the
// field renders for it: combobox + listbox, keyboard navigation, paging, errors, manual fallback.
import { setupWorker } from 'msw/browser';
import { http, HttpResponse } from 'msw';
import { expectAccessible } from '../../../../test/browser/axe.ts';
import { assert, cleanupFixtures, equal, fixture, idlePeriods } from '../../../../test/browser/fixture.ts';
import { waitFor } from './harness.browser.test.ts';
import { translate } from '../../../i18n/index.ts';
import { defineElement } from '../define-element.ts';
import { AddressSearchError, type AddressMatch } from './adapter.ts';
import { MbAddressField } from './address-field.ts';
import { siteApiAdapter } from './site-api.ts';

defineElement('mb-address-field', MbAddressField);

// ---------------------------------------------------------------- the site's proxy, mocked

const endpoint = '/api/address-search';
const pageSize = 5;
const teheranRo: AddressMatch[] = [100, 108, 115, 124, 131, 142, 152].map((number, index) => ({
  postcode: `0623${index}`,
  base: `서울특별시 강남구 테헤란로 ${number}`,
  extra: '(역삼동)',
  jibun: `서울특별시 강남구 역삼동 ${700 + index}`,
}));

let requests: URL[] = [];
let answer: 'ok' | 'error' | 'garbage' | 'offline' | 'busy' | 'busy-body' = 'ok';

const worker = setupWorker(
  http.get(endpoint, ({ request }) => {
    const url = new URL(request.url);
    requests.push(url);
    if (answer === 'error') return HttpResponse.json({ message: 'upstream down' }, { status: 502 });
    if (answer === 'busy') return HttpResponse.json({ message: 'slow down' }, { status: 429, headers: { 'retry-after': '30' } });
    // The reference server's answer: the wait in the body only.
    if (answer === 'busy-body') return HttpResponse.json({ error: { code: 'RATE_LIMITED', message: 'Too many requests', retryAfterSeconds: 42 } }, { status: 429 });
    if (answer === 'garbage') return HttpResponse.json({ juso: [] });
    if (answer === 'offline') return HttpResponse.error();
    const keyword = url.searchParams.get('keyword') ?? '';
    const page = Number(url.searchParams.get('page'));
    const found = teheranRo.filter((match) => match.base.replace(/\s/g, '').includes(keyword.replace(/\s/g, '')));
    return HttpResponse.json({ results: found.slice((page - 1) * pageSize, page * pageSize), total: found.length });
  }),
);

// ---------------------------------------------------------------- helpers

function part<T extends HTMLElement = HTMLInputElement>(root: Element, name: string): T {
  const element = root.querySelector<T>(`[data-part~='${name}']`);
  assert(element, `[data-part~='${name}'] is rendered`);
  return element;
}
/** How a search of the adapter fails with the server's current `answer` (it must fail). */
async function rejection(): Promise<AddressSearchError> {
  try {
    await siteApiAdapter({ endpoint }).query({ query: '테헤란로', page: 1, locale: 'ko' });
  } catch (error) {
    assert(error instanceof AddressSearchError, String(error));
    return error;
  }
  throw new Error('expected a rejection');
}
const options = (field: Element) => [...field.querySelectorAll<HTMLElement>('[role="option"]')];

function press(target: Element, key: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

function type(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

async function openSearch(lang = 'ko'): Promise<{ field: MbAddressField; query: HTMLInputElement }> {
  const field = document.createElement('mb-address-field') as MbAddressField;
  field.addressSearch = siteApiAdapter({ endpoint });
  await fixture(field, { lang });
  part<HTMLButtonElement>(field, 'search-button').click();
  const query = await waitFor(() => field.querySelector<HTMLInputElement>("[data-part='query']"), 'the search box opens');
  await waitFor(() => document.activeElement === query, 'focus in the search box');
  return { field, query };
}

async function search(field: MbAddressField, query: HTMLInputElement, text: string): Promise<void> {
  type(query, text);
  press(query, 'Enter');
  await waitFor(() => options(field).length > 0, 'results listed');
}

describe('site API address search', () => {
  before(async () => {
    await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  });
  after(() => worker.stop());
  beforeEach(() => {
    requests = [];
    answer = 'ok';
  });
  afterEach(cleanupFixtures);

  it('is accessible: search box open, results with an active option, no results, error', async () => {
    const { field, query } = await openSearch();
    await expectAccessible(field);
    await search(field, query, '테헤란로');
    press(query, 'ArrowDown');
    await field.updateComplete;
    await expectAccessible(field);
    type(query, '없는길');
    press(query, 'Enter');
    await waitFor(() => part(field, 'query-summary').textContent?.includes(translate('ko', 'address.query.none')), 'no results');
    await expectAccessible(field);
    answer = 'error';
    press(query, 'Enter');
    await waitFor(() => query.getAttribute('aria-invalid') === 'true', 'error shown');
    await expectAccessible(field);
  });

  describe('adapter', () => {
    it('sends keyword and page, and reads { results, total }', async () => {
      const adapter = siteApiAdapter({ endpoint });
      const page = await adapter.query({ query: ' 테헤란로 ', page: 2, locale: 'ko' });
      equal(requests[0]?.searchParams.get('keyword'), '테헤란로', 'keyword, trimmed');
      equal(requests[0]?.searchParams.get('page'), '2', 'page');
      equal(page.total, 7, 'total');
      equal(page.results.length, 2, 'second page');
      equal(page.results[0]?.base, '서울특별시 강남구 테헤란로 142', 'first of page 2');
    });

    it('gives up on an answer that never comes after timeoutMs (UNAVAILABLE), and a cancel is no error of its own', async () => {
      const hang: typeof fetch = (_input, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
      const adapter = siteApiAdapter({ endpoint, fetch: hang, timeoutMs: 50 });
      let code: string | undefined;
      await adapter.query({ query: '테헤란로', page: 1, locale: 'ko' }).catch((error: unknown) => (code = (error as AddressSearchError).code));
      equal(code, 'ADDRESS_SEARCH_UNAVAILABLE', 'timed out');
      const stop = new AbortController();
      const cancelled = adapter.query({ query: '테헤란로', page: 1, locale: 'ko', signal: stop.signal }).catch((error: unknown) => error);
      stop.abort();
      assert(!((await cancelled) instanceof AddressSearchError), 'the caller aborted: its own reason, not a search failure');
    });

    it('uses the fetch it is given', async () => {
      const seen: string[] = [];
      const adapter = siteApiAdapter({ endpoint: 'https://address.example.kr/search', fetch: async (input) => (seen.push(String(input)), Response.json({ results: [], total: 0 })) });
      await adapter.query({ query: '세종대로', page: 1, locale: 'ko' });
      equal(seen[0], 'https://address.example.kr/search?keyword=%EC%84%B8%EC%A2%85%EB%8C%80%EB%A1%9C&page=1', 'url');
    });

    it('an error status or a body off the contract is ADDRESS_SEARCH_FAILED; no network is UNAVAILABLE', async () => {
      const codeOf = async () => (await rejection()).code;
      answer = 'error';
      equal(await codeOf(), 'ADDRESS_SEARCH_FAILED', '502');
      answer = 'garbage';
      equal(await codeOf(), 'ADDRESS_SEARCH_FAILED', 'wrong body');
      answer = 'offline';
      equal(await codeOf(), 'ADDRESS_SEARCH_UNAVAILABLE', 'network error');
    });

    it('a 429 is ADDRESS_SEARCH_BUSY with the wait of its Retry-After header, or of its body', async () => {
      answer = 'busy';
      const header = await rejection();
      equal(header.code, 'ADDRESS_SEARCH_BUSY', 'a 429');
      equal(header.retryAfterSeconds, 30, 'Retry-After: 30');
      answer = 'busy-body';
      const body = await rejection();
      equal(body.code, 'ADDRESS_SEARCH_BUSY', 'a 429 from the reference server');
      equal(body.retryAfterSeconds, 42, 'retryAfterSeconds in the body');
    });

    it('search() alone resolves only an unambiguous query', async () => {
      const adapter = siteApiAdapter({ endpoint });
      equal((await adapter.search({ locale: 'ko', query: '테헤란로 152' }))?.postcode, '06236', 'one match');
      equal(await adapter.search({ locale: 'ko', query: '테헤란로' }), null, 'many matches');
      equal(await adapter.search({ locale: 'ko' }), null, 'no query');
    });
  });

  describe('result list in the field', () => {
    it('arrows move the active option, Enter picks it: the address is filled and focus goes to the detail', async () => {
      const { field, query } = await openSearch();
      const inputs: Event[] = [];
      const changes: Event[] = [];
      field.parentElement!.addEventListener('input', (event) => inputs.push(event));
      field.parentElement!.addEventListener('change', (event) => changes.push(event));
      await search(field, query, '테헤란로');
      equal(requests[0]?.searchParams.get('keyword'), '테헤란로', 'searched');
      equal(inputs.length, 0, 'typing the query is not an address input for the host');

      const listbox = part(field, 'results');
      equal(listbox.getAttribute('role'), 'listbox', 'listbox');
      equal(query.getAttribute('aria-expanded'), 'true', 'expanded');
      equal(query.getAttribute('aria-controls'), listbox.id, 'controls the list');
      equal(options(field).length, 5, 'first page');
      assert(!query.hasAttribute('aria-activedescendant'), 'no active option yet');

      const active = () => options(field).find((option) => option.getAttribute('aria-selected') === 'true');
      assert(press(query, 'ArrowDown').defaultPrevented, 'ArrowDown handled');
      await field.updateComplete;
      equal(active(), options(field)[0], 'first active');
      equal(query.getAttribute('aria-activedescendant'), options(field)[0]!.id, 'active descendant');
      press(query, 'ArrowDown');
      press(query, 'ArrowDown');
      await field.updateComplete;
      equal(active(), options(field)[2], 'third active');
      press(query, 'ArrowUp');
      await field.updateComplete;
      equal(active(), options(field)[1], 'back to the second');
      for (let i = 0; i < 6; i += 1) press(query, 'ArrowDown');
      await field.updateComplete;
      equal(active(), options(field)[4], 'stops at the last');
      equal(document.activeElement, query, 'focus stays in the search box');

      press(query, 'ArrowUp');
      await field.updateComplete;
      assert(press(query, 'Enter').defaultPrevented, 'Enter handled');
      await waitFor(() => field.value.postcode === '06233', 'the fourth address chosen');
      equal(field.value.base, '서울특별시 강남구 테헤란로 124', 'base');
      equal(field.value.extra, '(역삼동)', 'extra');
      equal(field.value.jibun, '서울특별시 강남구 역삼동 703', 'jibun');
      assert(!field.querySelector("[data-part='query-panel']"), 'the panel closes');
      await waitFor(() => document.activeElement === field.querySelector("[data-part='detail']"), 'focus on the detail');
      equal(changes.length, 1, 'one change for the host');
    });

    it('Enter in the search box never submits the host form', async () => {
      const form = document.createElement('form');
      let submitted = 0;
      form.addEventListener('submit', (event) => (event.preventDefault(), (submitted += 1)));
      const field = document.createElement('mb-address-field') as MbAddressField;
      field.addressSearch = siteApiAdapter({ endpoint });
      form.append(field);
      await fixture(form);
      await field.updateComplete;
      part<HTMLButtonElement>(field, 'search-button').click();
      const query = await waitFor(() => field.querySelector<HTMLInputElement>("[data-part='query']"), 'opened');
      type(query, '테헤란로');
      const enter = press(query, 'Enter');
      assert(enter.defaultPrevented, 'the implicit submit is prevented');
      await waitFor(() => options(field).length > 0, 'results');
      equal(submitted, 0, 'no submit');
    });

    it('a click on an option picks it', async () => {
      const { field, query } = await openSearch();
      await search(field, query, '테헤란로');
      options(field)[1]!.click();
      await waitFor(() => field.value.postcode === '06231', 'second address');
    });

    it('"more" loads the next page and makes its first match active', async () => {
      const { field, query } = await openSearch();
      await search(field, query, '테헤란로');
      equal(part(field, 'query-summary').textContent?.trim(), translate('ko', 'address.query.count', { total: 7, shown: 5 }), 'summary');
      part<HTMLButtonElement>(field, 'query-more').click();
      await waitFor(() => options(field).length === 7, 'all seven listed');
      equal(requests.at(-1)?.searchParams.get('page'), '2', 'page 2 asked for');
      equal(query.getAttribute('aria-activedescendant'), options(field)[5]!.id, 'first new match active');
      assert(!field.querySelector("[data-part~='query-more']"), 'nothing more to load');
      await waitFor(() => document.activeElement === query, 'focus back in the search box');
    });

    it('a too-short query is not sent', async () => {
      const { field, query } = await openSearch();
      type(query, '강');
      press(query, 'Enter');
      await field.updateComplete;
      equal(requests.length, 0, 'no request');
      equal(query.getAttribute('aria-invalid'), 'true', 'marked invalid');
      equal(document.getElementById(`${query.id}-error`)?.textContent?.trim(), translate('ko', 'address.query.tooShort'), 'says why');
    });

    it('Escape closes the search and returns focus to the search button', async () => {
      const { field, query } = await openSearch();
      await search(field, query, '테헤란로');
      press(query, 'Escape');
      await field.updateComplete;
      assert(!field.querySelector("[data-part='query-panel']"), 'closed');
      await waitFor(() => document.activeElement === field.querySelector("[data-part~='search-button']"), 'focus on the search button');
      equal(field.value.postcode, '', 'nothing chosen');
    });

    const refusals = [
      { kind: 'error', title: 'a failing server says so', message: () => translate('ko', 'address.failed') },
      { kind: 'busy', title: 'a busy search says how long to wait', message: () => translate('ko', 'address.busy', { seconds: 30 }) },
    ] as const;
    for (const { kind, title, message } of refusals) {
      it(`${title}, and the address can still be typed`, async () => {
        answer = kind;
        const { field, query } = await openSearch();
        type(query, '테헤란로');
        press(query, 'Enter');
        await waitFor(() => query.getAttribute('aria-invalid') === 'true', 'error shown');
        equal(document.getElementById(`${query.id}-error`)?.textContent?.trim(), message(), 'message');
        part<HTMLButtonElement>(field, 'query-manual').click();
        await waitFor(() => document.activeElement === field.querySelector("[data-part='postcode']"), 'focus on the postcode');
        assert(!part(field, 'postcode').readOnly && !part(field, 'base').readOnly, 'manual entry');
      });
    }

    it("loads the search box's code once the field shows with a search adapter, not before", async () => {
      // A field of an earlier test may still have a prefetch waiting for an idle moment: it goes first.
      await idlePeriods();
      const load = MbAddressField.queryPart;
      let loads = 0;
      MbAddressField.queryPart = () => ((loads += 1), load());
      try {
        const field = document.createElement('mb-address-field') as MbAddressField;
        await fixture(field);
        await idlePeriods();
        equal(loads, 0, 'no search code without an adapter (typed by hand)');
        field.addressSearch = siteApiAdapter({ endpoint });
        await waitFor(() => loads === 1, 'prefetched once the field shows with the adapter');
        part<HTMLButtonElement>(field, 'search-button').click();
        await waitFor(() => field.querySelector("[data-part='query']"), 'the search box opens');
        equal(loads, 1, 'loaded once');
      } finally {
        MbAddressField.queryPart = load;
      }
    });

    it('a search box whose code fails to load: typed by hand, said so, and 주소 검색 tries again', async () => {
      const load = MbAddressField.queryPart;
      MbAddressField.queryPart = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      try {
        const field = document.createElement('mb-address-field') as MbAddressField;
        field.addressSearch = siteApiAdapter({ endpoint });
        await fixture(field);
        part<HTMLButtonElement>(field, 'search-button').click();
        await waitFor(() => field.querySelector("[data-part='notice']")?.textContent?.trim() === translate('ko', 'address.unavailable'), 'the failure said');
        await waitFor(() => document.activeElement === field.querySelector("[data-part='postcode']"), 'focus on the postcode');
        assert(!part(field, 'postcode').readOnly && !part(field, 'base').readOnly, 'manual entry');
        equal(field.querySelector("[data-part='query']"), null, 'no search box');
        await expectAccessible(field);
        MbAddressField.queryPart = load;
        part<HTMLButtonElement>(field, 'search-button').click();
        const query = await waitFor(() => field.querySelector<HTMLInputElement>("[data-part='query']"), 'the search box opens on the second try');
        await search(field, query, '테헤란로');
      } finally {
        MbAddressField.queryPart = load;
      }
    });

    it('speaks English', async () => {
      const { field, query } = await openSearch('en');
      equal(field.querySelector(`label[for='${query.id}']`)?.textContent?.trim(), 'Street, building name or lot number', 'label');
      await search(field, query, '테헤란로');
      equal(part(field, 'results').getAttribute('aria-label'), 'Address search results', 'list name');
      equal(part(field, 'query-summary').textContent?.trim(), translate('en', 'address.query.count', { total: 7, shown: 5 }), 'summary');
    });
  });
});
