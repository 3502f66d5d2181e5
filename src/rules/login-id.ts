/** Login ID (아이디): format rules from the policy; uniqueness is the API's job. */
import { codePointLength } from './digits.ts';
import type { LoginIdPolicy } from './policy.ts';

export const loginIdErrorCodes = [
  'LOGIN_ID_REQUIRED',
  'LOGIN_ID_FIRST_CHAR',
  'LOGIN_ID_CHARS',
  'LOGIN_ID_TOO_SHORT',
  'LOGIN_ID_TOO_LONG',
] as const;
export type LoginIdError = (typeof loginIdErrorCodes)[number];

/** What the user meant: full-width letters/digits (IME full-width mode) folded to ASCII, outer spaces trimmed. */
export function normalizeLoginId(value: string): string {
  return value.normalize('NFKC').trim();
}

/** The comparison key: uniqueness and login are case-insensitive server-side. */
export function loginIdKey(value: string): string {
  return normalizeLoginId(value).toLowerCase();
}

/**
 * Every rule the ID breaks (empty list = valid). Checks `normalizeLoginId(value)`, so send that form.
 * Allowed characters are ASCII letters and digits.
 */
export function checkLoginId(value: string, policy: { readonly loginId: LoginIdPolicy }): LoginIdError[] {
  const id = normalizeLoginId(value);
  if (id === '') return ['LOGIN_ID_REQUIRED'];
  const rules = policy.loginId;
  const errors: LoginIdError[] = [];
  if (rules.mustStartWithLetter && !/^[A-Za-z]/.test(id)) errors.push('LOGIN_ID_FIRST_CHAR');
  if (!/^[A-Za-z0-9]+$/.test(id)) errors.push('LOGIN_ID_CHARS');
  const length = codePointLength(id);
  if (length < rules.minLength) errors.push('LOGIN_ID_TOO_SHORT');
  if (length > rules.maxLength) errors.push('LOGIN_ID_TOO_LONG');
  return errors;
}

/** `kotra123` → `kotr****`: the first half stays readable, at least one character is hidden. */
export function maskLoginId(value: string): string {
  const chars = Array.from(normalizeLoginId(value));
  if (chars.length === 0) return '';
  const visible = Math.min(Math.ceil(chars.length / 2), chars.length - 1);
  return chars.slice(0, visible).join('') + '*'.repeat(chars.length - visible);
}
