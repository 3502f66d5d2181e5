import type { MembershipErrorCode } from '../api/errors.ts';
import type { MessageArea } from './areas.ts';
import type { MessageKey, MessageParams } from './catalogue.ts';
import type { Locale } from './locale.ts';
import { hasMessage, hasOwnMessage, isLocaleReady, loadLocale, translate } from './registry.ts';

export type { Translation } from './bundle.ts';
export type { Catalogue, MessageKey, MessageOverrides, MessageParams } from './catalogue.ts';
export { defaultLocale, locales, toLocale, type CustomLocales, type Locale } from './locale.ts';
export {
  hasMessage,
  isLocaleReady,
  loadLocale,
  onMessagesChange,
  overrideMessages,
  preloadLocale,
  registerLocale,
  translate,
  type CatalogueLoader,
  type MessagesChange,
} from './registry.ts';

/** Where a code's words are: field rules first (a code that is both reads the same, src/i18n/messages/rules.ts), then API errors. */
const codeAreas = ['rules', 'errors'] as const satisfies readonly MessageArea[];

/**
 * What to tell the user for an API error code or a field-rule code. Unknown codes (a newer server)
 * fall back to a generic message rather than showing the code. A code whose area (areas.ts) is not
 * loaded in this locale yet starts loading it (every element re-renders when it arrives) and reads,
 * meanwhile, as a core sentence: the generic error, or "check this entry" when only the rules are
 * missing — never a key, nor the Korean fallback on an English page.
 */
export function messageForCode(locale: Locale, code: string, params: MessageParams = {}): string {
  const missing: MessageArea[] = codeAreas.filter((area) => !isLocaleReady(locale, [area]));
  for (const key of [`rule.${code}`, `error.${code}`]) {
    // The locale's own words (core ones included), or the Korean fallback once the key's area is in here
    // (a site's locale lacking a key): never the Korean of an area an English page has not loaded yet.
    const area = key.startsWith('rule.') ? 'rules' : 'errors';
    if (hasOwnMessage(key, locale) || (hasMessage(key, locale) && !missing.includes(area))) return withNumbers(locale, key, params);
  }
  // A failed load (offline) is tried again at the next message; the sentence below stays meanwhile.
  if (missing.length > 0) loadLocale(locale, missing).catch(() => undefined);
  // Not found: with the rules missing but the errors in, it is no API code, so a field's.
  if (missing.length === 1 && missing[0] === 'rules') return translate(locale, 'common.checkEntry');
  return translate(locale, 'error.UNKNOWN', params);
}

function withNumbers(locale: Locale, key: MessageKey, params: MessageParams): string {
  // A number the caller does not have (e.g. no Retry-After) reads better left out than as "{seconds}".
  const plain = `${key}.plain`;
  const missing = [...translate(locale, key).matchAll(/\{(\w+)\}/g)].some(([, name]) => !(name! in params));
  return translate(locale, missing && hasMessage(plain, locale) ? plain : key, params);
}

export type { MembershipErrorCode };
