// Entry of the CDN folder (dist/cdn/membership-elements.min.js): a small autoloader. A default tag's
// code is fetched the first time the tag appears in the document (or in a shadow root added later),
// from hashed chunks beside this file (dynamic imports resolve against this module's URL), so a page
// with only <identity-verify> never downloads the wizard. Everything at once: membership-elements.all.min.js.
import { loadFailureWords } from './cdn-words.ts';

// Nothing here is imported from a chunk, statically or not before a tag is found: when the chunks cannot
// be fetched, this entry still runs and says so in each element (showLoadFailure).

const loaders: Record<string, () => Promise<unknown>> = {
  'membership-provider': () => import('./define-membership-provider.ts'),
  'identity-verify': () => import('./define-identity-verify.ts'),
  'signup-wizard': () => import('./define-signup-wizard.ts'),
};
const tags = Object.keys(loaders);

// Filled in by the build (rollup.config.mjs): the chunks each dynamic import below needs (for an element
// whose first render waits for the site config, with the client code of that request; the wizard asks
// for it right after its first render), and the chunks of each tag's first words per locale
// (`ko:signup-wizard`: src/i18n/areas.ts firstMessages), fetched all at once instead of one import level
// at a time. Outside the CDN build it stays empty.
const chunkDeps: Record<string, string[]> = JSON.parse('__MB_CHUNK_DEPS__'.replace(/^__MB_CHUNK_DEPS__$/, '{}'));
const preloaded = new Set<string>();
function preloadChunks(key: string): void {
  if (typeof document === 'undefined') return;
  for (const file of chunkDeps[key] ?? []) {
    const href = new URL(file, import.meta.url).href;
    if (preloaded.has(href)) continue;
    preloaded.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  }
}

const loading = new Map<string, Promise<void>>();

// A tag whose code could not be fetched (offline, CDN error) must not leave a blank page: each of
// its elements shows a note with a retry (cdn-words.ts), in the page's language.
const failed = new Set<string>();
const failureSelector = (tag: string) => `${tag} > [data-mb-load-failure]`;
// Shadow roots where tags were found: their elements get the note too (document.querySelectorAll stops at them).
const shadowRoots = new Set<ShadowRoot>();

/** Every element matching `selector` in the document and in the shadow roots still in it. */
function allOf(selector: string): Element[] {
  const found = [...document.querySelectorAll(selector)];
  for (const root of shadowRoots) {
    if (root.host.isConnected) found.push(...root.querySelectorAll(selector));
    else shadowRoots.delete(root);
  }
  return found;
}

function showLoadFailure(tag: string): void {
  failed.add(tag);
  for (const element of allOf(tag)) {
    if (customElements.get(tag) || element.querySelector(':scope > [data-mb-load-failure]')) continue;
    const words = element.closest('[lang]')?.getAttribute('lang')?.toLowerCase().startsWith('en') ? loadFailureWords.en : loadFailureWords.ko;
    const box = document.createElement('div');
    box.setAttribute('data-mb-load-failure', '');
    box.setAttribute('data-part', 'failure');
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.textContent = words.message;
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.setAttribute('data-part', 'button retry');
    retry.textContent = words.retry;
    retry.addEventListener('click', () => void retryFailed(true));
    box.append(message, retry);
    element.append(box);
  }
}

/**
 * Tries the failed tags again (the retry button, or the browser coming back online). Firefox and WebKit
 * keep a failed module import failed for the page's life (the HTML module map): when it fails again
 * while the browser is online, the retry button reloads the page, after a cancelable
 * `membership-elements-reload` event on window (a host with state of its own may handle it instead).
 */
async function retryFailed(reload?: boolean): Promise<void> {
  const tags = [...failed];
  failed.clear();
  for (const tag of tags) for (const note of allOf(failureSelector(tag))) note.remove();
  await Promise.all(tags.map(load));
  if (reload && tags.some((tag) => failed.has(tag)) && navigator.onLine && dispatchEvent(new Event('membership-elements-reload', { cancelable: true }))) location.reload();
}

/** Loads a default tag's code once; a failed load (offline, CDN error) is tried again next time. */
export function load(tag: string): Promise<void> {
  const loader = loaders[tag];
  if (!loader || customElements.get(tag)) return Promise.resolve();
  let pending = loading.get(tag);
  if (!pending) {
    preloadChunks(tag);
    pending = loader().then(
      () => undefined,
      (error: unknown) => {
        loading.delete(tag);
        console.error(`membership-elements: could not load <${tag}>`, error);
        if (typeof document !== 'undefined') showLoadFailure(tag);
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
  const home = found.length > 0 && root instanceof Node ? root.getRootNode() : undefined;
  if (home instanceof ShadowRoot) shadowRoots.add(home);
  // The code first (the most bytes), then the element's first words in the language shown, beside it
  // rather than after it (the element imports them when it connects: the browser has them by then).
  const loads = [...new Set(found.map((element) => element.localName))].map(load);
  for (const element of found) {
    const lang = element.closest('[lang]')?.getAttribute('lang');
    preloadChunks(`${lang?.toLowerCase().startsWith('en') ? 'en' : 'ko'}:${element.localName}`);
  }
  return Promise.all(loads).then(() => undefined);
}

const observer = new MutationObserver((records) => {
  for (const { addedNodes } of records) {
    for (const node of addedNodes) {
      if (!(node instanceof Element)) continue;
      // What an element draws inside itself is its own business (it defines the tags it renders): its
      // renders must not each cost a search of the added nodes.
      if (node.parentElement?.closest('[data-mb-root]')) continue;
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
  addEventListener('online', () => void (failed.size > 0 && retryFailed()));
  // Once every default tag is defined there is nothing left to watch for.
  void Promise.all(tags.map((tag) => customElements.whenDefined(tag))).then(() => observer.disconnect());
}
