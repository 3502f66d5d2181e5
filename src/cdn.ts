// Entry of the CDN folder (dist/cdn/membership-elements.min.js): a small autoloader. A default tag's
// code is fetched the first time the tag appears in the document (or in a shadow root added later),
// from hashed chunks beside this file (dynamic imports resolve against this module's URL), so a page
// with only <identity-verify> never downloads the wizard. Everything at once: membership-elements.all.min.js.
import { preloadLocale } from './i18n/registry.ts';

const loaders: Record<string, () => Promise<unknown>> = {
  'membership-provider': () => import('./define-membership-provider.ts'),
  'identity-verify': () => import('./define-identity-verify.ts'),
  'signup-wizard': () => import('./define-signup-wizard.ts'),
};
const tags = Object.keys(loaders);
const loading = new Map<string, Promise<void>>();

/** Loads a default tag's code once; a failed load (offline, CDN error) is tried again next time. */
export function load(tag: string): Promise<void> {
  const loader = loaders[tag];
  if (!loader || customElements.get(tag)) return Promise.resolve();
  let pending = loading.get(tag);
  if (!pending) {
    pending = loader().then(
      () => undefined,
      (error: unknown) => {
        loading.delete(tag);
        console.error(`membership-elements: could not load <${tag}>`, error);
      },
    );
    loading.set(tag, pending);
  }
  return pending;
}

/** Loads the tags used in a root (the document, or a shadow root a site renders into). */
export function discover(root: ParentNode): Promise<void> {
  const selector = tags.filter((tag) => !customElements.get(tag)).join(',');
  if (!selector) return Promise.resolve();
  const found = [...root.querySelectorAll(selector)];
  if (root instanceof Element && root.matches(selector)) found.unshift(root);
  // The catalogue of the language shown loads beside the element code, not after it.
  for (const element of found) preloadLocale(element.closest('[lang]')?.getAttribute('lang'));
  return Promise.all([...new Set(found.map((element) => element.localName))].map(load)).then(() => undefined);
}

const observer = new MutationObserver((records) => {
  for (const { addedNodes } of records) {
    for (const node of addedNodes) {
      if (!(node instanceof Element)) continue;
      void discover(node);
      // An element that arrives with an open shadow root: watch inside it too.
      if (node.shadowRoot) {
        void discover(node.shadowRoot);
        observer.observe(node.shadowRoot, { childList: true, subtree: true });
      }
    }
  }
});

if (typeof document !== 'undefined') {
  void discover(document);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  // Once every default tag is defined there is nothing left to watch for.
  void Promise.all(tags.map((tag) => customElements.whenDefined(tag))).then(() => observer.disconnect());
}
