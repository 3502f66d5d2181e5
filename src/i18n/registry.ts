import type { Catalogue, MessageKey, MessageOverrides, MessageParams } from './catalogue.ts';
import { withParticles } from './josa.ts';
import { messageAreas, type MessageArea } from './areas.ts';
import { addKnownLocale, defaultLocale, toLocale, type Locale } from './locale.ts';
import { builtInParts } from './parts.ts';

/** Loads a locale's messages (a dynamic import: each catalogue is its own chunk). */
export type CatalogueLoader = () => Promise<Partial<Catalogue>>;

/** A site's own loaders (a whole catalogue each); built-in locales load area by area (parts.ts). */
const loaders = new Map<string, CatalogueLoader>();
const catalogues = new Map<string, Partial<Catalogue>>();
/** Which parts of each locale are in: areas, or `all` (a whole catalogue). */
const parts = new Map<string, Set<MessageArea | 'all'>>();
const pending = new Map<string, Promise<void>>();
const overrides = new Map<string, MessageOverrides>();
/** A part of a locale's catalogue arrived (an area, or `all`: a site's whole catalogue). */
export interface MessagesChange {
  locale: string;
  part: MessageArea | 'all';
}
const listeners = new Set<(change: MessagesChange | undefined) => void>();

/** Tells the listeners; without a change (an override, a locale registered), any message may differ. */
function changed(change?: MessagesChange): void {
  for (const listener of listeners) listener(change);
}

function add(locale: string, part: MessageArea | 'all', messages: Partial<Catalogue>): void {
  catalogues.set(locale, { ...catalogues.get(locale), ...messages });
  let set = parts.get(locale);
  if (!set) parts.set(locale, (set = new Set()));
  set.add(part);
}

/**
 * Adds a locale (or replaces a built-in catalogue): its messages, or a loader importing them on
 * first use. Keys it lacks read in Korean. Name it in `CustomLocales` for the types.
 */
export function registerLocale(locale: string, messages: Partial<Catalogue> | CatalogueLoader): void {
  const name = locale.toLowerCase();
  addKnownLocale(name);
  for (const key of pending.keys()) if (key.startsWith(`${name}:`)) pending.delete(key);
  catalogues.delete(name);
  parts.delete(name);
  if (typeof messages === 'function') {
    loaders.set(name, messages);
  } else {
    loaders.delete(name);
    add(name, 'all', messages);
    changed();
  }
}

/** A site's own wording for some messages of a locale; every element shown re-renders with it. */
export function overrideMessages(locale: Locale, messages: MessageOverrides): void {
  overrides.set(locale, { ...overrides.get(locale), ...messages });
  changed();
}

/**
 * Calls the listener whenever a catalogue part arrives (with which one) or a message is overridden or a
 * locale registered (with nothing: any message may have changed); returns the unsubscribe.
 */
export function onMessagesChange(listener: (change: MessagesChange | undefined) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const isBuiltIn = (locale: string): locale is 'ko' | 'en' => locale === 'ko' || locale === 'en';
const hasPart = (locale: string, area: MessageArea) => parts.get(locale)?.has('all') || parts.get(locale)?.has(area) === true;

/** Whether `translate` can answer in this locale now: the areas given (default: all) are in, and the Korean fallback of a site's locale. */
export function isLocaleReady(locale: Locale, areas: Iterable<MessageArea> = messageAreas): boolean {
  const wanted = [...areas];
  if (isBuiltIn(locale) && !loaders.has(locale)) return wanted.every((area) => hasPart(locale, area));
  return parts.get(locale)?.has('all') === true && (!loaders.has(locale) || wanted.every((area) => hasPart(defaultLocale, area)));
}

function loadPart(locale: string, part: MessageArea | 'all', loader: CatalogueLoader): Promise<void> {
  if (parts.get(locale)?.has(part) || parts.get(locale)?.has('all')) return Promise.resolve();
  const key = `${locale}:${part}`;
  let promise = pending.get(key);
  if (!promise) {
    promise = loader().then(
      (messages) => {
        pending.delete(key);
        add(locale, part, messages);
        changed({ locale, part });
      },
      (error: unknown) => {
        pending.delete(key);
        throw error;
      },
    );
    pending.set(key, promise);
  }
  return promise;
}

function loadAreas(locale: string, areas: readonly MessageArea[]): Promise<unknown> {
  const custom = loaders.get(locale);
  if (custom) return loadPart(locale, 'all', custom);
  if (!isBuiltIn(locale)) return Promise.resolve();
  return Promise.all(areas.map((area) => loadPart(locale, area, () => builtInParts[locale][area]())));
}

/** Loads a locale's messages for the areas given (default: all), once each; Korean beneath a site's locale, for missing keys. */
export function loadLocale(locale: Locale, areas: Iterable<MessageArea> = messageAreas): Promise<void> {
  const wanted = [...areas];
  const fallback = isBuiltIn(locale) && !loaders.has(locale) ? [] : [loadAreas(defaultLocale, wanted)];
  return Promise.all([loadAreas(locale, wanted), ...fallback]).then(() => undefined);
}

/** Starts loading a `lang` value's messages early (e.g. beside the element code); never throws. */
export function preloadLocale(lang: string | null | undefined, areas: readonly MessageArea[] = messageAreas): void {
  loadLocale(toLocale(lang) ?? defaultLocale, areas).catch(() => undefined);
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

/** Whether the locale's own loaded catalogue (or a site's override) has a key, not counting the Korean fallback. */
export function hasOwnMessage(key: string, locale: Locale): key is MessageKey {
  return lookup(locale, key) !== undefined;
}

/** Whether a key exists in a loaded catalogue (for codes that arrive at run time). */
export function hasMessage(key: string, locale: Locale = defaultLocale): key is MessageKey {
  return lookup(locale, key) !== undefined || lookup(defaultLocale, key) !== undefined;
}
