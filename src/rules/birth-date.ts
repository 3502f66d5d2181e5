/**
 * Birth dates and 만 나이 (age in full years).
 * Someone born on 29 February turns a year older on 1 March in common years: Korean civil law
 * (민법 §160③) ends a period on the month's last day when the anniversary day does not exist.
 */
import { isBlank, toAsciiDigits } from './digits.ts';

export interface CalendarDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
}

export const birthDateErrorCodes = [
  'BIRTH_DATE_REQUIRED',
  'BIRTH_DATE_INVALID',
  'BIRTH_DATE_FUTURE',
  'UNDER_AGE',
] as const;
export type BirthDateError = (typeof birthDateErrorCodes)[number];

// Earlier years are typos, not members.
const minBirthYear = 1900;

const dash = '[-./\\u2010-\\u2015\\u2212\\uFF0D\\uFF0E]';
const separatedDate = new RegExp(`^(\\d{4})(?:\\s*${dash}\\s*|\\s+)(\\d{1,2})(?:\\s*${dash}\\s*|\\s+)(\\d{1,2})\\s*\\.?$`);
const compactDate = /^(\d{4})(\d{2})(\d{2})$/;
const koreanDate = /^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * `YYYYMMDD`, `YYYY-MM-DD`, `YYYY.MM.DD`, `YYYY. M. D.`, `YYYY/MM/DD`, `YYYY년 M월 D일` (full-width digits
 * too) → a real calendar date from 1900 on, or null (`2023-02-29`, `2026-13-01`, two-digit years).
 */
export function parseBirthDate(value: string): CalendarDate | null {
  const text = toAsciiDigits(value).trim();
  const match = compactDate.exec(text) ?? separatedDate.exec(text) ?? koreanDate.exec(text);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < minBirthYear || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** `YYYY-MM-DD` (the API's form). A string is parsed first and returned unchanged when it is not a date. */
export function formatBirthDate(date: CalendarDate | string): string {
  if (typeof date === 'string') {
    const parsed = parseBirthDate(date);
    return parsed === null ? date : formatBirthDate(parsed);
  }
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Negative, zero or positive like a comparator. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** 만 나이 on `today`: full years since birth (see the module note for 29 February). */
export function ageOn(birth: CalendarDate, today: CalendarDate): number {
  // Comparing (month, day) makes 29 Feb count as passed only from 1 March in common years.
  const beforeBirthday = today.month < birth.month || (today.month === birth.month && today.day < birth.day);
  return today.year - birth.year - (beforeBirthday ? 1 : 0);
}

export function isOldEnough(birth: CalendarDate, minAge: number, today: CalendarDate): boolean {
  return ageOn(birth, today) >= minAge;
}

/** The calendar date of an instant in a time zone: ages are counted on the Korean date by default. */
export function calendarDateOf(instant: Date, timeZone = 'Asia/Seoul'): CalendarDate {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' })
    .formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

export interface BirthDateCheckOptions {
  readonly today: CalendarDate;
  /** Omit to skip the age check. */
  readonly minAge?: number;
}

/** Why a typed birth date is refused, or null. */
export function checkBirthDate(value: string, options: BirthDateCheckOptions): BirthDateError | null {
  if (isBlank(value)) return 'BIRTH_DATE_REQUIRED';
  const birth = parseBirthDate(value);
  if (birth === null) return 'BIRTH_DATE_INVALID';
  if (compareDates(birth, options.today) > 0) return 'BIRTH_DATE_FUTURE';
  if (options.minAge !== undefined && !isOldEnough(birth, options.minAge, options.today)) return 'UNDER_AGE';
  return null;
}
