import { missingFeatures } from '../../support/platform.ts';
import { unsupportedElement } from '../../support/unsupported-element.ts';

/** A custom element class that may name the internal elements it renders. */
export type ElementClass = CustomElementConstructor & { dependencies?: Record<string, ElementClass> };

/**
 * Registers a tag (and first the internal `mb-*` elements it renders) unless already defined, so a
 * site may register the public elements under its own names.
 */
export function defineElement(tag: string, element: ElementClass, registry: CustomElementRegistry = customElements): void {
  // An older browser gets a short message with the site's contacts instead of a broken form.
  const missing = missingFeatures();
  if (missing.length > 0) {
    if (!registry.get(tag)) registry.define(tag, unsupportedElement(missing));
    return;
  }
  for (const [dependencyTag, dependency] of Object.entries(element.dependencies ?? {})) defineElement(dependencyTag, dependency, registry);
  if (!registry.get(tag)) registry.define(tag, element);
}
