import type { Hono } from 'hono';
import { operations, type SiteConfig } from '../../src/api/index.ts';
import { verificationMethods } from '../config.ts';
import type { ServerDeps } from '../context.ts';
import { mount } from '../http.ts';

const categoryOrder = ['terms', 'privacy', 'third-party', 'marketing', 'other'];

export function siteRoutes(app: Hono, deps: ServerDeps): void {
  mount(app, deps, operations.getSiteConfig, async ({ site }) => {
    const { verificationMethodIds, policy, ...config } = site.config;
    return {
      ...config,
      policy: structuredClone(policy) as SiteConfig['policy'],
      verificationMethods: verificationMethods(deps.identity, verificationMethodIds),
    };
  });

  mount(app, deps, operations.listTerms, async ({ site }) => {
    // Required documents first (개인정보 보호법 guidance), then by kind.
    const documents = [...site.terms].sort(
      (a, b) => Number(b.required) - Number(a.required) || categoryOrder.indexOf(a.category) - categoryOrder.indexOf(b.category),
    );
    return { documents };
  });
}
