// The address search a site's config names (`addressSearch.endpoint`), for elements whose page set no
// adapter: the site-API adapter, whose code loads on the first search (every element's own code stays small).
import type { AddressQueryAdapter, AddressSearchErrorCode } from './adapter.ts';

type SiteApiModule = typeof import('./site-api.ts');

export function siteConfigAddressSearch(endpoint: URL): AddressQueryAdapter {
  let adapter: Promise<AddressQueryAdapter> | undefined;
  const load = () => {
    // Code that cannot be fetched (offline, server away) is a search that cannot be reached; tried again next time.
    adapter ??= import('./site-api.ts').then((module: SiteApiModule) => module.siteApiAdapter({ endpoint }), (cause: unknown) => {
      adapter = undefined;
      // Told by its code (the field reads `code`): the error class would put adapter.ts into every element's first code.
      throw Object.assign(new Error('the address search code could not be loaded', { cause }), { code: 'ADDRESS_SEARCH_UNAVAILABLE' satisfies AddressSearchErrorCode });
    });
    return adapter;
  };
  return {
    query: async (options) => (await load()).query(options),
    search: async (options) => (await load()).search(options),
    available: async () => globalThis.navigator?.onLine !== false,
  };
}
