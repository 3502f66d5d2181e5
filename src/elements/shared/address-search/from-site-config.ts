// The address search a site's config names (`addressSearch.endpoint`), for elements whose page set no
// adapter: the site-API adapter, whose code loads on the first search (every element's own code stays small).
import type { AddressQueryAdapter } from './adapter.ts';

type SiteApiModule = typeof import('./site-api.ts');

export function siteConfigAddressSearch(endpoint: URL): AddressQueryAdapter {
  let adapter: Promise<AddressQueryAdapter> | undefined;
  const load = () => {
    // A failed fetch of the code (offline) is tried again on the next search.
    adapter ??= import('./site-api.ts').then((module: SiteApiModule) => module.siteApiAdapter({ endpoint }), (error: unknown) => {
      adapter = undefined;
      throw error;
    });
    return adapter;
  };
  return {
    query: async (options) => (await load()).query(options),
    search: async (options) => (await load()).search(options),
    available: async () => globalThis.navigator?.onLine !== false,
  };
}
