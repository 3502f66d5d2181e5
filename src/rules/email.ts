/**
 * Email addresses by practical rules, not full RFC 5322: what Korean mail services hand out.
 * Internationalized domains are accepted in punycode (`xn--…`) only; the domain is compared lower-case.
 */
import { isBlank } from './digits.ts';
import { fieldMaxLengths } from './limits.ts';

export const emailErrorCodes = [
  'EMAIL_REQUIRED',
  'EMAIL_INVALID',
  'EMAIL_LOCAL_INVALID',
  'EMAIL_DOMAIN_INVALID',
  'EMAIL_TOO_LONG',
] as const;
export type EmailError = (typeof emailErrorCodes)[number];

export interface EmailParts {
  readonly local: string;
  readonly domain: string;
}

/** Splits at the last `@` (the UI's local part + domain list); no `@` → everything is the local part. */
export function splitEmail(value: string): EmailParts {
  const email = value.trim();
  const at = email.lastIndexOf('@');
  return at < 0 ? { local: email, domain: '' } : { local: email.slice(0, at), domain: email.slice(at + 1) };
}

/** `local@domain` with the domain lower-cased; '' when both parts are blank. */
export function joinEmail(local: string, domain: string): string {
  const parts = { local: local.trim(), domain: domain.trim().toLowerCase() };
  return parts.local === '' && parts.domain === '' ? '' : `${parts.local}@${parts.domain}`;
}

/** Trimmed, domain lower-cased: the form to store and compare. */
export function normalizeEmail(value: string): string {
  const { local, domain } = splitEmail(value);
  return value.includes('@') ? joinEmail(local, domain) : value.trim();
}

const localPart = /^[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*$/;
const domainLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const topLevelLabel = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** A public host name: 2+ labels of letters/digits/hyphens, alphabetic (or punycode) top-level label. */
export function isValidDomainName(value: string): boolean {
  const labels = value.toLowerCase().split('.');
  const last = labels[labels.length - 1] ?? '';
  return value.length <= 253 && labels.length >= 2 && labels.every((l) => domainLabel.test(l)) && topLevelLabel.test(last);
}

/** Why an email is refused, or null. Surrounding spaces are ignored; send `normalizeEmail(value)`. */
export function checkEmail(value: string): EmailError | null {
  if (isBlank(value)) return 'EMAIL_REQUIRED';
  const email = value.trim();
  if (email.length > fieldMaxLengths.email) return 'EMAIL_TOO_LONG';
  if (!email.includes('@')) return 'EMAIL_INVALID';
  const { local, domain } = splitEmail(email);
  if (local.length > fieldMaxLengths.emailLocal) return 'EMAIL_TOO_LONG';
  // An @ left in the local part means two @ signs: a typo, not a quoted local part.
  if (!localPart.test(local)) return 'EMAIL_LOCAL_INVALID';
  return isValidDomainName(domain) ? null : 'EMAIL_DOMAIN_INVALID';
}
