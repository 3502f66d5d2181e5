import type { Catalogue, MessageKey, MessageOverrides, MessageParams } from './catalogue.ts';
import { withParticles } from './josa.ts';
import { addKnownLocale, defaultLocale, toLocale, type Locale } from './locale.ts';

/** Loads a locale's messages (a dynamic import: each catalogue is its own chunk). */
export type CatalogueLoader = () => Promise<Partial<Catalogue>>;

const loaders = new Map<string, CatalogueLoader>([
  ['ko', () => import('./ko.ts').then((module) => module.ko)],
  ['en', () => import('./en.ts').then((module) => module.en)],
]);
const catalogues = new Map<string, Partial<Catalogue>>();
const pending = new Map<string, Promise<void>>();
const overrides = new Map<string, MessageOverrides>();
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

/**
 * Adds a locale (or replaces a built-in catalogue): its messages, or a loader importing them on
 * first use. Keys it lacks read in Korean. Name it in `CustomLocales` for the types.
 */
export function registerLocale(locale: string, messages: Partial<Catalogue> | CatalogueLoader): void {
  const name = locale.toLowerCase();
  addKnownLocale(name);
  pending.delete(name);
  if (typeof messages === 'function') {
    loaders.set(name, messages);
    catalogues.delete(name);
  } else {
    catalogues.set(name, messages);
    changed();
  }
}

/** A site's own wording for some messages of a locale; every element shown re-renders with it. */
export function overrideMessages(locale: Locale, messages: MessageOverrides): void {
  overrides.set(locale, { ...overrides.get(locale), ...messages });
  changed();
}

/** Calls the listener whenever a catalogue arrives or a message is overridden; returns the unsubscribe. */
export function onMessagesChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether `translate` can answer in this locale now (its catalogue and the Korean fallback are in). */
export function isLocaleReady(locale: Locale): boolean {
  return catalogues.has(locale) && (locale === defaultLocale || !loaders.has(locale) || catalogues.has(defaultLocale) || isBuiltIn(locale));
}

const isBuiltIn = (locale: string) => locale === 'ko' || locale === 'en';

function loadOne(locale: string): Promise<void> {
  if (catalogues.has(locale)) return Promise.resolve();
  const loader = loaders.get(locale);
  if (!loader) return Promise.resolve();
  let promise = pending.get(locale);
  if (!promise) {
    promise = loader().then(
      (messages) => {
        catalogues.set(locale, messages);
        changed();
      },
      (error: unknown) => {
        pending.delete(locale);
        throw error;
      },
    );
    pending.set(locale, promise);
  }
  return promise;
}

/** Loads a locale's catalogue once (and Korean beneath a site-registered locale, for missing keys). */
export function loadLocale(locale: Locale): Promise<void> {
  return isBuiltIn(locale) ? loadOne(locale) : Promise.all([loadOne(locale), loadOne(defaultLocale)]).then(() => undefined);
}

/** Starts loading the catalogue of a `lang` value early (e.g. beside the element code); never throws. */
export function preloadLocale(lang: string | null | undefined): void {
  loadLocale(toLocale(lang) ?? defaultLocale).catch(() => undefined);
}

function lookup(locale: string, key: string): string | undefined {
  return (overrides.get(locale) as Record<string, string> | undefined)?.[key] ?? (catalogues.get(locale) as Record<string, string> | undefined)?.[key];
}

/** The message for a key in a locale, with `{name}` placeholders filled and their particles chosen (Korean, then the key, when missing). */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = lookup(locale, key) ?? lookup(defaultLocale, key) ?? key;
  if (!params) return template;
  // A Korean particle after a placeholder is written in both forms (`{field}을(를)`): keep the one the value takes.
  return withParticles(template.replace(/\{(\w+)\}/g, (match: string, name: string) => (name in params ? String(params[name]) : match)));
}

/** Whether a key exists in a loaded catalogue (for codes that arrive at run time). */
export function hasMessage(key: string, locale: Locale = defaultLocale): key is MessageKey {
  return lookup(locale, key) !== undefined || lookup(defaultLocale, key) !== undefined;
}
