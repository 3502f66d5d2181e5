import type { MembershipErrorCode } from '../api/errors.ts';
import type { MessageParams } from './catalogue.ts';
import { defaultLocale, type Locale } from './locale.ts';
import { hasMessage, translate } from './registry.ts';

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
} from './registry.ts';

/**
 * What to tell the user for an API error code or a field-rule code. Unknown codes (a newer server)
 * fall back to a generic message rather than showing the code.
 */
export function messageForCode(locale: Locale, code: string, params: MessageParams = {}): string {
  for (const key of [`rule.${code}`, `error.${code}`]) {
    if (!hasMessage(key, locale)) continue;
    // A number the caller does not have (e.g. no Retry-After) reads better left out than as "{seconds}".
    const plain = `${key}.plain`;
    const missing = [...translate(locale, key).matchAll(/\{(\w+)\}/g)].some(([, name]) => !(name! in params));
    return translate(locale, missing && hasMessage(plain, locale) ? plain : key, params);
  }
  return translate(locale, 'error.UNKNOWN', params);
}

export type { MembershipErrorCode };
