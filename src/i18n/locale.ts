/** UI languages. Korean is the default; English is complete. */
export const locales = ['ko', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'ko';

/** `ko`, `ko-KR` → ko; `en`, `en-US` → en; anything else → undefined. */
export function toLocale(lang: string | null | undefined): Locale | undefined {
  const base = lang?.trim().toLowerCase().split(/[-_]/)[0];
  return (locales as readonly string[]).includes(base ?? '') ? (base as Locale) : undefined;
}
