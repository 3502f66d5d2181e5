// The public elements as data, for the CDN build (rollup.config.mjs), `npm run size` and the CDN entry
// (src/cdn.ts): each tag with its define module, its class module, whether its first render waits for
// the site config, and the code it loads right after that render. A new element is one line here, its
// loader in src/cdn.ts (a literal import, for bundlers), its entries in package.json `exports` and its
// first words in src/i18n/areas.ts `firstMessages`; src/element-list.test.ts checks they agree.
// Data only (no imports): build scripts read it too.

export interface PublicElement {
  readonly tag: string;
  /** Registers the tag (`membership-elements/<tag>/define`). */
  readonly define: string;
  /** The element's class (its first render's code). */
  readonly element: string;
  /** The first render waits for the site config (so its client code counts before the first control). */
  readonly waitsForSiteConfig: boolean;
  /** Code the element loads in the task right after its first render (the wizard's flow). */
  readonly beside?: string;
}

export const publicElements: readonly PublicElement[] = [
  { tag: 'membership-provider', define: 'src/define-membership-provider.ts', element: 'src/context/membership-provider.ts', waitsForSiteConfig: true },
  { tag: 'identity-verify', define: 'src/define-identity-verify.ts', element: 'src/elements/identity-verify/identity-verify.ts', waitsForSiteConfig: true },
  { tag: 'signup-wizard', define: 'src/define-signup-wizard.ts', element: 'src/elements/signup-wizard/signup-wizard.ts', waitsForSiteConfig: false, beside: 'src/flows/signup/browser-flow.ts' },
];
