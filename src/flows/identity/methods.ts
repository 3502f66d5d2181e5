import type { SiteConfig, VerificationMethod } from '../../api/schemas.ts';

/** Load state of a method's on-demand code, as the element's lazy part reports it. */
export type PartStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The methods offered here: the site's, narrowed by the `methods` attribute (the site's order stays). */
export function availableMethods(config: SiteConfig, methods: string | undefined): VerificationMethod[] {
  const wanted = methods?.split(',').map((id) => id.trim()).filter(Boolean);
  return config.verificationMethods.filter((method) => !wanted?.length || wanted.includes(method.id));
}
