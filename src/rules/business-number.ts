/** 사업자등록번호 (BRN, 10 digits) and 법인등록번호 (CRN, 13 digits): check digits and display format. */
import { isBlank, normalizeDigits, parseDigits } from './digits.ts';

export const businessNumberErrorCodes = ['BRN_REQUIRED', 'BRN_CHARS', 'BRN_LENGTH', 'BRN_CHECKSUM'] as const;
export type BusinessNumberError = (typeof businessNumberErrorCodes)[number];

export const corporateNumberErrorCodes = ['CRN_REQUIRED', 'CRN_CHARS', 'CRN_LENGTH', 'CRN_CHECKSUM'] as const;
export type CorporateNumberError = (typeof corporateNumberErrorCodes)[number];

const businessWeights = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const;
const corporateWeights = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2] as const;

function digitAt(digits: string, index: number): number {
  return digits.charCodeAt(index) - 48;
}

function businessCheckDigit(digits: string): number {
  let sum = 0;
  businessWeights.forEach((weight, index) => {
    sum += digitAt(digits, index) * weight;
  });
  sum += Math.floor((digitAt(digits, 8) * 5) / 10);
  // The final % 10 makes a check digit of 0 possible (a common bug leaves it out).
  return (10 - (sum % 10)) % 10;
}

function corporateCheckDigit(digits: string): number {
  let sum = 0;
  corporateWeights.forEach((weight, index) => {
    sum += digitAt(digits, index) * weight;
  });
  return (10 - (sum % 10)) % 10;
}

/** Why a BRN is wrong, or null. Accepts any hyphenation and full-width digits. */
export function checkBusinessNumber(value: string): BusinessNumberError | null {
  if (isBlank(value)) return 'BRN_REQUIRED';
  const digits = parseDigits(value);
  if (digits === null) return 'BRN_CHARS';
  if (digits.length !== 10) return 'BRN_LENGTH';
  return businessCheckDigit(digits) === digitAt(digits, 9) ? null : 'BRN_CHECKSUM';
}

export function isValidBusinessNumber(value: string): boolean {
  return checkBusinessNumber(value) === null;
}

/** Why a CRN is wrong, or null. Accepts any hyphenation and full-width digits. */
export function checkCorporateNumber(value: string): CorporateNumberError | null {
  if (isBlank(value)) return 'CRN_REQUIRED';
  const digits = parseDigits(value);
  if (digits === null) return 'CRN_CHARS';
  if (digits.length !== 13) return 'CRN_LENGTH';
  return corporateCheckDigit(digits) === digitAt(digits, 12) ? null : 'CRN_CHECKSUM';
}

export function isValidCorporateNumber(value: string): boolean {
  return checkCorporateNumber(value) === null;
}

/** Joins the groups that have digits, so partial input formats as typed. */
function groupDigits(digits: string, sizes: readonly number[]): string {
  const groups: string[] = [];
  let start = 0;
  for (const size of sizes) {
    if (start >= digits.length) break;
    groups.push(digits.slice(start, start + size));
    start += size;
  }
  return groups.join('-');
}

/**
 * `XXX-XX-XXXXX` from the digits of `value` (non-digits dropped). Partial input is grouped as far as it
 * goes (`12481` → `124-81`); more than 10 digits come back as bare digits so the excess stays visible.
 */
export function formatBusinessNumber(value: string): string {
  const digits = normalizeDigits(value);
  return digits.length > 10 ? digits : groupDigits(digits, [3, 2, 5]);
}

/** `XXXXXX-XXXXXXX`, with the same partial and overlong behaviour as `formatBusinessNumber`. */
export function formatCorporateNumber(value: string): string {
  const digits = normalizeDigits(value);
  return digits.length > 13 ? digits : groupDigits(digits, [6, 7]);
}
