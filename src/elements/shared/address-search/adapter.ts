/**
 * Query-based address adapters (a search box and result list in the field) beyond the popup/embed
 * `AddressSearchAdapter` of context/runtime.ts, the search errors, and how a match becomes the value.
 */
import type { AddressSearchAdapter, AddressSearchResult } from '../../../context/runtime.ts';
import type { MessageKey, MessageParams } from '../../../i18n/index.ts';
import type { AddressInput } from '../../../rules/address.ts';

/** A found address. */
export type AddressMatch = AddressSearchResult;

/** `search()` options. */
export type AddressSearchOptions = Parameters<AddressSearchAdapter['search']>[0];

/** One page of matches for a typed query. */
export interface AddressQueryPage {
  results: AddressMatch[];
  /** Matches in all pages; more pages exist while fewer have been shown. */
  total: number;
}

export interface AddressQueryOptions {
  query: string;
  /** 1-based. */
  page: number;
  locale: string;
  signal?: AbortSignal;
}

/**
 * An adapter without a UI of its own (e.g. juso.go.kr through the site's server): the field shows a
 * search box and lists what `query()` returns. `search()` still works on its own for a query that
 * has exactly one match.
 */
export interface AddressQueryAdapter extends AddressSearchAdapter {
  query(options: AddressQueryOptions): Promise<AddressQueryPage>;
}

export function isQueryAdapter(adapter: AddressSearchAdapter): adapter is AddressQueryAdapter {
  return typeof (adapter as Partial<AddressQueryAdapter>).query === 'function';
}

/**
 * Why a search could not run. `ADDRESS_SEARCH_UNAVAILABLE`: the service cannot be reached (script
 * blocked or timed out, offline) — the field falls back to manual entry. `ADDRESS_SEARCH_FAILED`: it
 * answered with an error or something unreadable — the user may retry or enter the address by hand.
 * `ADDRESS_SEARCH_BUSY`: it refused for now (HTTP 429, too many searches) — the user waits
 * (`retryAfterSeconds`, when it said how long) or enters the address by hand.
 */
export type AddressSearchErrorCode = 'ADDRESS_SEARCH_UNAVAILABLE' | 'ADDRESS_SEARCH_FAILED' | 'ADDRESS_SEARCH_BUSY';

export class AddressSearchError extends Error {
  override readonly name = 'AddressSearchError';
  readonly code: AddressSearchErrorCode;
  /** How long to wait before searching again (a busy search), when the server said. */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: AddressSearchErrorCode, message: string, options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super(message, options);
    this.code = code;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

/** What the field says of a failed search: unavailable (type it in), busy (wait: the server's seconds when it said), or failed. */
export function searchProblem(error: { code?: AddressSearchErrorCode; retryAfterSeconds?: number | undefined } | null | undefined): { key: MessageKey; params?: MessageParams } {
  if (error?.code === 'ADDRESS_SEARCH_UNAVAILABLE') return { key: 'address.unavailable' };
  if (error?.code !== 'ADDRESS_SEARCH_BUSY') return { key: 'address.failed' };
  return error.retryAfterSeconds ? { key: 'address.busy', params: { seconds: error.retryAfterSeconds } } : { key: 'address.busy.plain' };
}

/**
 * The field's value after choosing `match`: postcode, base and the search's extras are replaced; the
 * typed detail is kept only when the base address did not change (it belongs to the old building).
 * `buildingName` alone does not make a 참고항목: which names belong there is the adapter's call.
 */
export function addressFromMatch(match: AddressMatch, previous: AddressInput): AddressInput {
  return {
    postcode: match.postcode,
    base: match.base,
    detail: match.base === previous.base ? previous.detail : '',
    ...(match.extra ? { extra: match.extra } : {}),
    ...(match.jibun ? { jibun: match.jibun } : {}),
    ...(match.english ? { english: match.english } : {}),
  };
}
