/** Plain text fields whose only rules are presence, length and (for English fields) the alphabet. */
import { codePointLength, isBlank } from './digits.ts';

export const textErrorCodes = ['TEXT_REQUIRED', 'TEXT_TOO_LONG', 'TEXT_NOT_ENGLISH'] as const;
export type TextError = (typeof textErrorCodes)[number];

export interface TextRule {
  readonly maxLength: number;
}

/** REQUIRED when blank, TOO_LONG past `maxLength` code points; the field's path tells the UI which field. */
export function checkText(value: string, rule: TextRule): 'TEXT_REQUIRED' | 'TEXT_TOO_LONG' | null {
  if (isBlank(value)) return 'TEXT_REQUIRED';
  return codePointLength(value) > rule.maxLength ? 'TEXT_TOO_LONG' : null;
}

/** Like `checkText`, and only printable ASCII (English company and product names, with digits and `&().,-`). */
export function checkEnglishText(value: string, rule: TextRule): TextError | null {
  return checkText(value, rule) ?? (/^[ -~]+$/.test(value) ? null : 'TEXT_NOT_ENGLISH');
}

// C0/C1 controls except tab and line breaks, bidi embeddings/overrides/isolates and marks, zero-width
// characters and the BOM: invisible in a form, yet able to spoof what an operator reads or to split a match.
// eslint-disable-next-line no-control-regex
const invisible = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * `value` without control, bidi-override and zero-width characters, NFC-normalised (done on the server
 * too). Removed first: an invisible character between two combining marks would otherwise leave them
 * out of canonical order, and cleaning the result again would change it.
 */
export function cleanText(value: string): string {
  return value.replace(invisible, '').normalize('NFC');
}
