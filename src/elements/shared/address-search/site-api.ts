/**
 * Address search through the site's own server, for sites that use the juso.go.kr road-address API
 * (도로명주소 검색 API): its approval key must stay on the server, so the server proxies the search and
 * answers this small contract.
 *
 * Request: `GET {endpoint}?keyword={query}&page={n}` (n from 1), same-origin credentials,
 * `Accept: application/json`.
 *
 * Response 200, JSON:
 * ```json
 * { "results": [{ "postcode": "06236", "base": "서울특별시 강남구 테헤란로 152",
 *                 "extra": "(역삼동)", "jibun": "서울특별시 강남구 역삼동 737",
 *                 "english": "152 Teheran-ro, Gangnam-gu, Seoul", "buildingName": "강남파이낸스센터" }],
 *   "total": 1 }
 * ```
 * `postcode` and `base` are required in every result; the rest is optional. `total` counts all pages.
 * From juso.go.kr's `results.juso[]`: `zipNo`→postcode, `roadAddrPart1`→base, `roadAddrPart2`→extra,
 * `jibunAddr`→jibun, `engAddr`→english, `bdNm`→buildingName; `common.totalCount`→total.
 * A 429 (too many searches) is `ADDRESS_SEARCH_BUSY`, with the wait of its `Retry-After` header (or of
 * a body `{ "error": { "retryAfterSeconds": n } }`, as the reference server answers).
 * Any other status, or a body that is not this shape, is `ADDRESS_SEARCH_FAILED`; a network error, or
 * no answer within `timeoutMs`, is `ADDRESS_SEARCH_UNAVAILABLE`. The reference server answers this
 * contract as `GET /api/v1/addresses` (operation `searchAddresses`, docs/openapi.json).
 */
import { retryAfterMs } from '../../../api/retry-after.ts';
import { AddressSearchError, type AddressMatch, type AddressQueryAdapter, type AddressQueryPage, type AddressSearchOptions } from './adapter.ts';

export interface SiteApiAdapterOptions {
  /** The site's proxy, absolute or relative to the page, e.g. `/api/address-search`. */
  endpoint: string | URL;
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Milliseconds to wait for an answer before giving up (default 15 000, the elements' request budget). */
  timeoutMs?: number;
}

const optionalKeys = ['extra', 'jibun', 'english', 'buildingName'] as const;

function toMatch(entry: unknown): AddressMatch | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const record = entry as Record<string, unknown>;
  if (typeof record.postcode !== 'string' || typeof record.base !== 'string' || !record.postcode || !record.base) return undefined;
  const match: AddressMatch = { postcode: record.postcode, base: record.base };
  for (const key of optionalKeys) {
    const value = record[key];
    if (typeof value === 'string' && value.trim()) match[key] = value;
  }
  return match;
}

/** The response body as a page, or undefined when it breaks the contract. */
export function parseAddressPage(body: unknown): AddressQueryPage | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { results, total } = body as { results?: unknown; total?: unknown };
  if (!Array.isArray(results)) return undefined;
  const matches = results.map(toMatch);
  if (matches.some((match) => match === undefined)) return undefined;
  return { results: matches as AddressMatch[], total: typeof total === 'number' && Number.isFinite(total) ? total : matches.length };
}

/** The wait a 429 asks for, in whole seconds: its `Retry-After` header, else its body's `error.retryAfterSeconds`. */
async function retryAfterSeconds(response: Response): Promise<number | undefined> {
  const header = retryAfterMs(response.headers);
  if (header !== undefined) return Math.ceil(header / 1000);
  const body: unknown = await response.json().catch(() => undefined);
  const seconds = (body as { error?: { retryAfterSeconds?: unknown } } | undefined)?.error?.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : undefined;
}

export function siteApiAdapter(options: SiteApiAdapterOptions): AddressQueryAdapter {
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function query({ query, page, signal }: { query: string; page: number; signal?: AbortSignal }): Promise<AddressQueryPage> {
    const url = new URL(options.endpoint, globalThis.location?.href);
    url.searchParams.set('keyword', query.trim());
    url.searchParams.set('page', String(page));
    // A request that never answers must end: the caller's signal or the time budget, whichever first.
    const stop = new AbortController();
    const forward = () => stop.abort(signal?.reason);
    signal?.addEventListener('abort', forward, { once: true });
    const timer = setTimeout(() => stop.abort(new DOMException('address search timed out', 'TimeoutError')), timeoutMs);
    try {
      let response: Response;
      try {
        response = await fetchImpl(url, { signal: stop.signal, credentials: 'same-origin', headers: { Accept: 'application/json' } });
      } catch (cause) {
        if (signal?.aborted) throw cause;
        throw new AddressSearchError('ADDRESS_SEARCH_UNAVAILABLE', `address search at ${url.pathname} could not be reached`, { cause });
      }
      if (response.status === 429) throw new AddressSearchError('ADDRESS_SEARCH_BUSY', 'address search answered 429', { retryAfterSeconds: await retryAfterSeconds(response) });
      if (!response.ok) throw new AddressSearchError('ADDRESS_SEARCH_FAILED', `address search answered ${response.status}`);
      const body = await response.json().catch((cause: unknown) => {
        if (signal?.aborted) throw cause;
        if (stop.signal.aborted) throw new AddressSearchError('ADDRESS_SEARCH_UNAVAILABLE', 'address search timed out', { cause });
        return undefined;
      });
      const result = parseAddressPage(body);
      if (!result) throw new AddressSearchError('ADDRESS_SEARCH_FAILED', 'address search answered an unexpected body');
      return result;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    }
  }

  return {
    query,
    async available() {
      return globalThis.navigator?.onLine !== false;
    },
    /** Without a list to choose from, only an unambiguous query (exactly one match) resolves an address. */
    async search({ query: text, signal }: AddressSearchOptions) {
      if (!text?.trim()) return null;
      const { results } = await query({ query: text, page: 1, ...(signal ? { signal } : {}) });
      return results.length === 1 ? results[0]! : null;
    },
  };
}
