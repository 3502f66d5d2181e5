// The platform features the elements rely on, checked once when an element is defined. Minimum
// versions (README "Browser support"): Chromium 116, Firefox 124, Safari 17.4 — set by AbortSignal.any.

/** One feature: a name for messages and logs, and a check that is true when the browser has it. */
interface Feature {
  name: string;
  present(): boolean;
}

const features: Feature[] = [
  // Styles are adopted into the document, never injected as <style> (strict CSP): Chromium 73, Firefox 101, Safari 16.4.
  {
    name: 'adoptedStyleSheets',
    present: () => typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype && 'adoptedStyleSheets' in Document.prototype,
  },
  // Every rule sits in `@layer membership` so any page rule wins: Chromium 99, Firefox 97, Safari 15.4.
  // (Zero-specificity `:where()` came earlier in each — Chromium 88, Firefox 78, Safari 14 — so it is not
  // asked separately: parsing a selector for it cost the first render a few ms on a slow phone.)
  { name: '@layer', present: () => typeof CSSLayerBlockRule === 'function' },
  // The API client cancels a request with the page's and its own signal: Chromium 116, Firefox 124, Safari 17.4.
  { name: 'AbortSignal.any', present: () => typeof AbortSignal === 'function' && typeof AbortSignal.any === 'function' },
  // Idempotency keys for submits: Chromium 92, Firefox 95, Safari 15.4 (and only on https or localhost).
  { name: 'crypto.randomUUID', present: () => typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function' },
];

/** Names of the features this browser lacks (empty in every supported browser). */
export function missingFeatures(): string[] {
  return features.filter((feature) => {
    try {
      return !feature.present();
    } catch {
      return true;
    }
  }).map((feature) => feature.name);
}
