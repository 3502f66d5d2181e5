/** Digit handling shared by every number-like field (BRN, CRN, phone, postcode, product code). */

// Korean IMEs in full-width mode type ０-９ (U+FF10–FF19).
const fullWidthDigit = /[\uFF10-\uFF19]/g;

// What people put between digit groups: spaces, any dash (incl. U+2212 minus, full-width －), dots, brackets.
const separator = /[\s\p{Pd}\u2212.\uFF0E\u00B7\u30FB()\uFF08\uFF09]/gu;

/** Full-width digits → ASCII digits; everything else unchanged. */
export function toAsciiDigits(value: string): string {
  return value.replace(fullWidthDigit, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/** The ASCII digits of `value`, in order; every other character is dropped. */
export function normalizeDigits(value: string): string {
  return toAsciiDigits(value).replace(/[^0-9]/g, '');
}

/** The digits of `value` if it holds only digits and separators, else null (letters make a number invalid). */
export function parseDigits(value: string): string | null {
  const rest = toAsciiDigits(value).replace(separator, '');
  return /^[0-9]*$/.test(rest) ? rest : null;
}

/** Length in code points, so an emoji or a lone surrogate counts once; no array is built for huge input. */
export function codePointLength(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i += 1) {
    const unit = value.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    count += 1;
  }
  return count;
}

/** True when nothing but whitespace was typed. */
export function isBlank(value: string): boolean {
  return value.trim() === '';
}
