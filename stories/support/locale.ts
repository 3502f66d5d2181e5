// The toolbar's language for stories that build their own texts (step labels, a host's hint).
import type { Globals } from 'storybook/internal/types';
import '../../src/i18n/all-locales.ts';
import { toLocale, translate, type Locale, type MessageKey, type MessageParams } from '../../src/i18n/index.ts';

export function localeOf(globals: Globals): Locale {
  return toLocale(globals['locale'] as string | undefined) ?? 'ko';
}

/** A message of the library's catalogue in the toolbar's language (what a host page would show). */
export function text(globals: Globals, key: MessageKey, params?: MessageParams): string {
  return translate(localeOf(globals), key, params);
}
