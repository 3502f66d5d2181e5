import type { MembershipErrorCode } from '../api/errors.ts';
import type { MessageBundle } from './bundle.ts';
import { defaultLocale, type Locale } from './locale.ts';
import { common } from './messages/common.ts';
import { errors } from './messages/errors.ts';
import { rules } from './messages/rules.ts';
import { widgets } from './messages/widgets.ts';
import { address } from './messages/address.ts';
import { identity } from './messages/identity.ts';
import { signup } from './messages/signup.ts';
import { signupFixes } from './messages/signup-fixes.ts';

export { defineMessages, type MessageBundle } from './bundle.ts';
export { defaultLocale, locales, toLocale, type Locale } from './locale.ts';

// Every area's bundle, merged. An element area adds its bundle here.
const bundles = [common, errors, rules, widgets, address, identity, signup, signupFixes] as const;

type KeysOfBundle<B> = B extends MessageBundle<infer K> ? K : never;
export type MessageKey = KeysOfBundle<(typeof bundles)[number]>;
export type MessageParams = Record<string, string | number>;

const catalogues: Record<Locale, Record<string, string>> = { ko: {}, en: {} };
for (const bundle of bundles as readonly MessageBundle[]) {
  Object.assign(catalogues.ko, bundle.ko);
  Object.assign(catalogues.en, bundle.en);
}

/** The message for a key in a locale, with `{name}` placeholders filled. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = catalogues[locale][key] ?? catalogues[defaultLocale][key] ?? key;
  return params ? template.replace(/\{(\w+)\}/g, (match: string, name: string) => (name in params ? String(params[name]) : match)) : template;
}

/** Whether a key exists (for codes that arrive at run time). */
export function hasMessage(key: string): key is MessageKey {
  return key in catalogues.ko;
}

/**
 * What to tell the user for an API error code or a field-rule code. Unknown codes (a newer server)
 * fall back to a generic message rather than showing the code.
 */
export function messageForCode(locale: Locale, code: string, params: MessageParams = {}): string {
  for (const key of [`rule.${code}`, `error.${code}`]) {
    if (!hasMessage(key)) continue;
    // A number the caller does not have (e.g. no Retry-After) reads better left out than as "{seconds}".
    const plain = `${key}.plain`;
    const missing = [...(catalogues[locale][key] ?? '').matchAll(/\{(\w+)\}/g)].some(([, name]) => !(name! in params));
    return translate(locale, missing && hasMessage(plain) ? plain : key, params);
  }
  return translate(locale, 'error.UNKNOWN', params);
}

export type { MembershipErrorCode };
