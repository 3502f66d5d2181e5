import { MembershipClient } from '../api/client.ts';
import type { SiteConfig } from '../api/schemas.ts';

/** Looks up an address for a typed query or by opening a search UI; see elements/shared/address-search. */
export interface AddressSearchResult {
  postcode: string;
  base: string;
  /** 참고항목, already formatted, e.g. `(역삼동, 래미안아파트)`. */
  extra?: string;
  jibun?: string;
  english?: string;
  buildingName?: string;
}

export interface AddressSearchAdapter {
  /**
   * Opens the search (a popup or an embedded panel) and resolves with the chosen address, or null.
   * `signal` aborts a pending search (the field was closed or removed). Query-based adapters (the
   * site's juso.go.kr proxy) also implement `AddressQueryAdapter` (elements/shared/address-search).
   */
  search(options: { query?: string; locale: string; container?: HTMLElement; signal?: AbortSignal }): Promise<AddressSearchResult | null>;
  /** Whether the search can run right now (e.g. the postcode script loaded). */
  available(): Promise<boolean>;
}

/** One membership API as the elements use it: a client and the site's configuration, loaded once. */
export interface MembershipRuntime {
  readonly apiBase: string;
  readonly siteId: string;
  readonly client: MembershipClient;
  /** The site config; a failed load is retried on the next call. `fresh`: ask again even while a request is out (the person gave up waiting on it). */
  siteConfig(options?: { fresh?: boolean }): Promise<SiteConfig>;
}

const runtimes = new Map<string, MembershipRuntime>();

/** The shared runtime of an API base and site: every element on a page talks through one client. */
export function runtimeFor(apiBase: string, siteId: string, client?: MembershipClient): MembershipRuntime {
  const key = `${new URL(apiBase, globalThis.location?.href).href}\n${siteId}`;
  const known = client ? undefined : runtimes.get(key);
  if (known) return known;
  const runtime = createRuntime(apiBase, siteId, client ?? new MembershipClient({ apiBase, siteId }));
  if (!client) runtimes.set(key, runtime);
  return runtime;
}

function createRuntime(apiBase: string, siteId: string, client: MembershipClient): MembershipRuntime {
  let config: Promise<SiteConfig> | undefined;
  return {
    apiBase,
    siteId,
    client,
    siteConfig(options = {}) {
      if (options.fresh) config = undefined;
      const asked: Promise<SiteConfig> = (config ??= client.call('getSiteConfig', {}).catch((error: unknown) => {
        if (config === asked) config = undefined;
        throw error;
      }));
      return asked;
    },
  };
}
