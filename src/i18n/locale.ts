/**
 * Locales a site adds with `registerLocale` name themselves here for the type checker:
 * `declare module 'membership-elements' { interface CustomLocales { ja: true } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CustomLocales {}

/** Built-in UI languages. Korean is the default; English is complete. */
export const locales = ['ko', 'en'] as const;
export type Locale = (typeof locales)[number] | Extract<keyof CustomLocales, string>;
export const defaultLocale: Locale = 'ko';

const known = new Set<string>(locales);

/** Lets `toLocale` accept a locale a site registered. */
export function addKnownLocale(locale: string): void {
  known.add(locale.toLowerCase());
}

/** `ko`, `ko-KR` → ko; `en`, `en-US` → en; a registered locale likewise; anything else → undefined. */
export function toLocale(lang: string | null | undefined): Locale | undefined {
  const base = lang?.trim().toLowerCase().split(/[-_]/)[0];
  return base && known.has(base) ? (base as Locale) : undefined;
}
