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
