/** Korean telephone numbers: normalize, recognize the range, format for display, validate. */
import { isBlank, normalizeDigits, parseDigits } from './digits.ts';

export const phoneKinds = [
  'mobile',
  'mobile-legacy',
  'landline',
  'internet',
  'personal',
  'toll-free',
  'representative',
] as const;
export type PhoneKind = (typeof phoneKinds)[number];

/** Kinds a fax line can be: anything but a mobile phone. */
export const faxPhoneKinds: readonly PhoneKind[] = ['landline', 'internet', 'personal', 'toll-free', 'representative'];

export const phoneErrorCodes = ['PHONE_REQUIRED', 'PHONE_INVALID', 'PHONE_KIND_NOT_ALLOWED'] as const;
export type PhoneError = (typeof phoneErrorCodes)[number];

interface PhoneRange {
  readonly kind: PhoneKind;
  readonly prefix: RegExp;
  readonly prefixLength: number;
  /** Valid total lengths, contiguous, shortest first. */
  readonly lengths: readonly number[];
}

// The numbering plan, by leading digits; the middle group is whatever is left between prefix and the last 4.
const ranges: readonly PhoneRange[] = [
  { kind: 'mobile', prefix: /^010/, prefixLength: 3, lengths: [11] },
  { kind: 'mobile-legacy', prefix: /^01[16-9]/, prefixLength: 3, lengths: [10, 11] },
  { kind: 'landline', prefix: /^02/, prefixLength: 2, lengths: [9, 10] },
  { kind: 'landline', prefix: /^0(?:3[1-3]|4[1-4]|5[1-5]|6[1-4])/, prefixLength: 3, lengths: [10, 11] },
  { kind: 'internet', prefix: /^070/, prefixLength: 3, lengths: [11] },
  { kind: 'personal', prefix: /^050[2-8]/, prefixLength: 4, lengths: [11, 12] },
  { kind: 'toll-free', prefix: /^080/, prefixLength: 3, lengths: [10, 11] },
  { kind: 'representative', prefix: /^1[568][0-9]{2}/, prefixLength: 4, lengths: [8] },
];

function rangeOf(digits: string): PhoneRange | undefined {
  return ranges.find((range) => range.prefix.test(digits));
}

/**
 * Digits only, domestic form: full-width digits accepted, `+82 10…`, `82 10…` and `0082 10…` become `010…`
 * (a `(0)` after the country code is kept as the trunk 0).
 */
export function normalizePhoneNumber(value: string): string {
  let digits = normalizeDigits(value);
  // Repeat so the result never starts with a country code again (keeps normalize idempotent).
  for (;;) {
    const national = digits.startsWith('0082') ? digits.slice(4) : digits.startsWith('82') ? digits.slice(2) : null;
    if (national === null) return digits;
    digits = national.startsWith('0') ? national : `0${national}`;
  }
}

/** The kind of a complete, well-formed Korean number, or null. */
export function phoneKind(value: string): PhoneKind | null {
  const digits = normalizePhoneNumber(value);
  const range = rangeOf(digits);
  return range !== undefined && range.lengths.includes(digits.length) ? range.kind : null;
}

/**
 * Display form: `02-123-4567`, `031-1234-5678`, `010-1234-5678`, `0505-123-4567`, `1588-1234`, ….
 * Partial input of a known range is grouped as far as it goes (`0101234` → `010-1234`); unknown ranges
 * and overlong input come back as bare digits.
 */
export function formatPhoneNumber(value: string): string {
  const digits = normalizePhoneNumber(value);
  const range = rangeOf(digits);
  if (range === undefined) return digits;
  const longest = range.lengths[range.lengths.length - 1] ?? 0;
  if (digits.length > longest) return digits;
  const prefix = digits.slice(0, range.prefixLength);
  const rest = digits.slice(range.prefixLength);
  if (rest === '') return prefix;
  // Complete numbers end with 4 digits; while typing, assume the shortest middle group.
  const middleLength = range.lengths.includes(digits.length)
    ? digits.length - range.prefixLength - 4
    : (range.lengths[0] ?? 0) - range.prefixLength - 4;
  if (middleLength === 0 || rest.length <= middleLength) return `${prefix}-${rest}`;
  return `${prefix}-${rest.slice(0, middleLength)}-${rest.slice(middleLength)}`;
}

export interface PhoneCheckOptions {
  /** Kinds this field accepts; all kinds when absent. */
  readonly kinds?: readonly PhoneKind[];
}

/** Why a phone number is wrong, or null. Any hyphenation, spaces, brackets and a leading + are fine. */
export function checkPhone(value: string, options: PhoneCheckOptions = {}): PhoneError | null {
  if (isBlank(value)) return 'PHONE_REQUIRED';
  if (parseDigits(value.trim().replace(/^[+\uFF0B]/, '')) === null) return 'PHONE_INVALID';
  const kind = phoneKind(value);
  if (kind === null) return 'PHONE_INVALID';
  if (options.kinds !== undefined && !options.kinds.includes(kind)) return 'PHONE_KIND_NOT_ALLOWED';
  return null;
}
