import type { Hono } from 'hono';
import { operations, type SiteConfig } from '../../src/api/index.ts';
import { verificationMethods } from '../config.ts';
import type { ServerDeps } from '../context.ts';
import { mount } from '../http.ts';

const categoryOrder = ['terms', 'privacy', 'third-party', 'marketing', 'other'];

export function siteRoutes(app: Hono, deps: ServerDeps): void {
  mount(app, deps, operations.getSiteConfig, async ({ site, siteId }) => {
    const { verificationMethodIds, policy, ...config } = site.config;
    // This server's own search, relative to the API base; the site names the calling site itself (the adapter sends no header).
    const ownSearch = site.addressSearch && deps.addresses ? { addressSearch: { endpoint: `addresses?site=${encodeURIComponent(siteId)}` } } : {};
    return {
      ...config,
      ...ownSearch,
      policy: structuredClone(policy) as SiteConfig['policy'],
      verificationMethods: verificationMethods(deps.identity, verificationMethodIds),
    };
  });

  mount(app, deps, operations.listTerms, async ({ site }) => {
    // Required documents first (개인정보 보호법 guidance), then by kind.
    const documents = [...site.terms].sort(
      (a, b) => Number(b.required) - Number(a.required) || categoryOrder.indexOf(a.category) - categoryOrder.indexOf(b.category),
    );
    return site.notices?.length ? { documents, notices: site.notices } : { documents };
  });
}
