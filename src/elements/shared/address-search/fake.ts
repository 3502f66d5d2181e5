/**
 * Fake address searches for tests and Storybook: no network, no third-party script.
 * `fakeAddressAdapter` behaves like Kakao Postcode (its own UI picks one address);
 * `fakeAddressQueryAdapter` like the site API (the field lists matches for a typed query).
 */
import { AddressSearchError, type AddressMatch, type AddressQueryAdapter, type AddressQueryOptions, type AddressSearchOptions } from './adapter.ts';
import type { AddressSearchAdapter } from '../../../context/runtime.ts';

export interface FakeAddressOptions {
  /** What `available()` answers; false also makes `search()` reject as unavailable. Default true. */
  available?: boolean;
  /** Delay before answering, to show busy states; default 0. */
  delayMs?: number;
  /** Reject every search with `ADDRESS_SEARCH_FAILED` (a broken service). */
  fail?: boolean;
  /** Reject every search with `ADDRESS_SEARCH_BUSY` (too many searches), asking to wait this many seconds (0: no wait said). */
  busySeconds?: number;
}

/** What a test can inspect afterwards. */
export interface FakeAddressCalls {
  /** Options of each `search()` call, in order. */
  searches: AddressSearchOptions[];
  /** Options of each `query()` call, in order (query adapter only). */
  queries: AddressQueryOptions[];
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

function check(options: FakeAddressOptions): void {
  if (options.available === false) throw new AddressSearchError('ADDRESS_SEARCH_UNAVAILABLE', 'fake: unavailable');
  if (options.fail) throw new AddressSearchError('ADDRESS_SEARCH_FAILED', 'fake: failed');
  if (options.busySeconds !== undefined) throw new AddressSearchError('ADDRESS_SEARCH_BUSY', 'fake: busy', options.busySeconds ? { retryAfterSeconds: options.busySeconds } : {});
}

/** Each search resolves with the first of `results` (an empty list: the user closed the search). */
export function fakeAddressAdapter(results: readonly AddressMatch[], options: FakeAddressOptions = {}): AddressSearchAdapter & { calls: FakeAddressCalls } {
  const calls: FakeAddressCalls = { searches: [], queries: [] };
  return {
    calls,
    async available() {
      return options.available !== false;
    },
    async search(searchOptions: AddressSearchOptions) {
      calls.searches.push(searchOptions);
      await wait(options.delayMs ?? 0, searchOptions.signal);
      check(options);
      return searchOptions.signal?.aborted ? null : (results[0] ?? null);
    },
  };
}

/** Matches whose text contains the query (spaces ignored), `pageSize` per page (default 5). */
export function fakeAddressQueryAdapter(
  results: readonly AddressMatch[],
  options: FakeAddressOptions & { pageSize?: number } = {},
): AddressQueryAdapter & { calls: FakeAddressCalls } {
  const calls: FakeAddressCalls = { searches: [], queries: [] };
  const pageSize = options.pageSize ?? 5;
  const squash = (text: string) => text.replace(/\s+/g, '').toLowerCase();
  const find = (query: string) =>
    results.filter((match) => [match.base, match.jibun, match.english, match.buildingName, match.postcode].some((text) => text && squash(text).includes(squash(query))));
  return {
    calls,
    async available() {
      return options.available !== false;
    },
    async query(queryOptions: AddressQueryOptions) {
      calls.queries.push(queryOptions);
      await wait(options.delayMs ?? 0, queryOptions.signal);
      check(options);
      const found = find(queryOptions.query);
      return { results: found.slice((queryOptions.page - 1) * pageSize, queryOptions.page * pageSize), total: found.length };
    },
    async search(searchOptions: AddressSearchOptions) {
      calls.searches.push(searchOptions);
      check(options);
      const found = searchOptions.query ? find(searchOptions.query) : [];
      return found.length === 1 ? found[0]! : null;
    },
  };
}

/** Sample addresses (well-known public buildings) for stories and tests. */
export const sampleAddresses: readonly AddressMatch[] = [
  {
    postcode: '06164',
    base: '서울특별시 강남구 영동대로 513',
    extra: '(삼성동)',
    jibun: '서울특별시 강남구 삼성동 159',
    english: '513 Yeongdong-daero, Gangnam-gu, Seoul',
    buildingName: '코엑스',
  },
  {
    postcode: '06236',
    base: '서울특별시 강남구 테헤란로 152',
    extra: '(역삼동)',
    jibun: '서울특별시 강남구 역삼동 737',
    english: '152 Teheran-ro, Gangnam-gu, Seoul',
    buildingName: '강남파이낸스센터',
  },
  {
    postcode: '03171',
    base: '서울특별시 종로구 세종대로 209',
    extra: '(세종로)',
    jibun: '서울특별시 종로구 세종로 77-6',
    english: '209 Sejong-daero, Jongno-gu, Seoul',
    buildingName: '정부서울청사',
  },
];
