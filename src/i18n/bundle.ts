import type { Locale } from './locale.ts';

/** One area's messages in every locale, keyed alike. */
export type MessageBundle<K extends string = string> = Record<Locale, Record<K, string>>;

/**
 * Declares an area's messages: Korean first, then English with exactly the same keys (a missing
 * or extra English key is a compile error). Placeholders are `{name}`.
 */
export function defineMessages<K extends string>(ko: Record<K, string>, en: NoInfer<Record<K, string>>): MessageBundle<K> {
  return { ko, en };
}
