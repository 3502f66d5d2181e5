/**
 * An address from the postcode search (Kakao Postcode / juso.go.kr): a 5-digit 우편번호, the road address,
 * and what the user types after it. Only the detail is typed; the rest is filled in by the search.
 */
import { codePointLength, isBlank, parseDigits } from './digits.ts';
import type { RuleIssue } from './issue.ts';
import { fieldMaxLengths } from './limits.ts';

export interface AddressInput {
  /** 우편번호 (zonecode), 5 digits since 2015. */
  readonly postcode: string;
  /** Road address (도로명주소). */
  readonly base: string;
  /** 상세주소: unit, floor, room. */
  readonly detail: string;
  /** 참고항목: legal dong, building name. */
  readonly extra?: string;
  /** 지번주소 */
  readonly jibun?: string;
  /** English road address. */
  readonly english?: string;
}

export const addressErrorCodes = [
  'ADDRESS_REQUIRED',
  'ADDRESS_POSTCODE_REQUIRED',
  'ADDRESS_POSTCODE_INVALID',
  'ADDRESS_BASE_REQUIRED',
  'ADDRESS_BASE_TOO_LONG',
  'ADDRESS_DETAIL_TOO_LONG',
  'ADDRESS_EXTRA_TOO_LONG',
  'ADDRESS_JIBUN_TOO_LONG',
  'ADDRESS_ENGLISH_TOO_LONG',
] as const;
export type AddressError = (typeof addressErrorCodes)[number];

/** Why a postcode is wrong, or null: 5 digits (full-width fine); the old 6-digit codes are retired. */
export function checkPostcode(value: string): 'ADDRESS_POSTCODE_REQUIRED' | 'ADDRESS_POSTCODE_INVALID' | null {
  if (isBlank(value)) return 'ADDRESS_POSTCODE_REQUIRED';
  return parseDigits(value)?.length === 5 ? null : 'ADDRESS_POSTCODE_INVALID';
}

const optionalParts = [
  ['detail', fieldMaxLengths.addressDetail, 'ADDRESS_DETAIL_TOO_LONG'],
  ['extra', fieldMaxLengths.addressExtra, 'ADDRESS_EXTRA_TOO_LONG'],
  ['jibun', fieldMaxLengths.addressJibun, 'ADDRESS_JIBUN_TOO_LONG'],
  ['english', fieldMaxLengths.addressEnglish, 'ADDRESS_ENGLISH_TOO_LONG'],
] as const;

export interface AddressCheckOptions {
  /** When false, a completely empty address passes; a started one must still be complete. */
  readonly required: boolean;
}

/** Every problem of the address, each at its part (`['postcode']`, `['detail']`, …). */
export function checkAddress(address: AddressInput, options: AddressCheckOptions): RuleIssue<AddressError>[] {
  const parts = [address.postcode, address.base, address.detail, address.extra, address.jibun, address.english];
  if (!options.required && parts.every((part) => part === undefined || isBlank(part))) return [];
  const issues: RuleIssue<AddressError>[] = [];
  const postcodeError = checkPostcode(address.postcode);
  if (postcodeError !== null) issues.push({ path: ['postcode'], code: postcodeError });
  if (isBlank(address.base)) issues.push({ path: ['base'], code: 'ADDRESS_BASE_REQUIRED' });
  else if (codePointLength(address.base) > fieldMaxLengths.addressBase) {
    issues.push({ path: ['base'], code: 'ADDRESS_BASE_TOO_LONG' });
  }
  for (const [part, maxLength, code] of optionalParts) {
    const value = address[part];
    if (value !== undefined && codePointLength(value) > maxLength) issues.push({ path: [part], code });
  }
  return issues;
}
