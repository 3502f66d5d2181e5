/**
 * Personal names and gender.
 * The Korean name comes from identity verification and KRDS asks for one name field taking any
 * characters (foreigners, hyphenated and long names), so it is only checked for presence and length.
 */
import { codePointLength, isBlank } from './digits.ts';
import { fieldMaxLengths } from './limits.ts';

export const nameErrorCodes = [
  'NAME_KO_REQUIRED',
  'NAME_KO_TOO_LONG',
  'NAME_EN_REQUIRED',
  'NAME_EN_CHARS',
  'NAME_EN_TOO_LONG',
] as const;
export type NameError = (typeof nameErrorCodes)[number];

/** Answers to a gender question (KRDS: no default, and "no answer" is offered); verification results carry only male/female. */
export const genderAnswers = ['male', 'female', 'unspecified'] as const;
export type GenderAnswer = (typeof genderAnswers)[number];

export function isGenderAnswer(value: unknown): value is GenderAnswer {
  return (genderAnswers as readonly unknown[]).includes(value);
}

/** Korean name (성명): present and at most `fieldMaxLengths.nameKo` characters. */
export function checkKoreanName(value: string): 'NAME_KO_REQUIRED' | 'NAME_KO_TOO_LONG' | null {
  if (isBlank(value)) return 'NAME_KO_REQUIRED';
  return codePointLength(value) > fieldMaxLengths.nameKo ? 'NAME_KO_TOO_LONG' : null;
}

// Latin letters incl. accented ones (Latin-1, Extended-A/B, Vietnamese), combining accents, space . ' ’ -
const englishNameChars = /^[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF\u0300-\u036F .'\u2019-]+$/;
const latinLetter = /[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF]/;

/** Romanized name as on the passport: Latin letters, spaces, hyphen, apostrophe, period; case is kept. */
export function checkEnglishName(value: string): 'NAME_EN_REQUIRED' | 'NAME_EN_CHARS' | 'NAME_EN_TOO_LONG' | null {
  if (isBlank(value)) return 'NAME_EN_REQUIRED';
  if (codePointLength(value) > fieldMaxLengths.nameEn) return 'NAME_EN_TOO_LONG';
  return englishNameChars.test(value) && latinLetter.test(value) ? null : 'NAME_EN_CHARS';
}
