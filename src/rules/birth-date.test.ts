import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ageOn,
  calendarDateOf,
  checkBirthDate,
  daysInMonth,
  formatBirthDate,
  isLeapYear,
  isOldEnough,
  parseBirthDate,
} from './birth-date.ts';

const date = (year: number, month: number, day: number) => ({ year, month, day });

describe('parseBirthDate', () => {
  test('accepted spellings', () => {
    for (const typed of [
      '20121122',
      '2012-11-22',
      '2012.11.22',
      '2012. 11. 22.',
      '2012/11/22',
      '2012 11 22',
      '2012년 11월 22일',
      '２０１２－１１－２２',
      ' 2012-11-22 ',
    ]) {
      assert.deepEqual(parseBirthDate(typed), date(2012, 11, 22), typed);
    }
    assert.deepEqual(parseBirthDate('2012. 1. 2.'), date(2012, 1, 2));
    assert.deepEqual(parseBirthDate('2012-1-2'), date(2012, 1, 2));
  });

  test('leap days exist only in leap years', () => {
    assert.deepEqual(parseBirthDate('2024-02-29'), date(2024, 2, 29));
    assert.deepEqual(parseBirthDate('2000-02-29'), date(2000, 2, 29));
    assert.equal(parseBirthDate('2023-02-29'), null);
    assert.equal(parseBirthDate('1900-02-29'), null);
  });

  test('impossible or ambiguous dates are refused', () => {
    for (const typed of ['2026-13-01', '2026-00-10', '2026-04-31', '2026-01-00', '2026-01-32', '121122', '2012-11', '22/11/2012', '1899-12-31', 'abcd-ef-gh', '']) {
      assert.equal(parseBirthDate(typed), null, typed);
    }
  });

  test('calendar helpers', () => {
    assert.equal(isLeapYear(2024), true);
    assert.equal(isLeapYear(2100), false);
    assert.equal(isLeapYear(2000), true);
    assert.equal(daysInMonth(2023, 2), 28);
    assert.equal(daysInMonth(2024, 2), 29);
    assert.equal(daysInMonth(2026, 4), 30);
    assert.equal(daysInMonth(2026, 12), 31);
  });

  test('formatBirthDate gives YYYY-MM-DD and leaves non-dates alone', () => {
    assert.equal(formatBirthDate(date(2012, 1, 2)), '2012-01-02');
    assert.equal(formatBirthDate('2012. 1. 2.'), '2012-01-02');
    assert.equal(formatBirthDate('2023-02-29'), '2023-02-29');
    assert.equal(formatBirthDate('hello'), 'hello');
  });
});

describe('만 나이', () => {
  const birth = date(2012, 11, 22);
  test('turns 14 on the birthday, not the day before', () => {
    assert.equal(ageOn(birth, date(2026, 11, 21)), 13);
    assert.equal(ageOn(birth, date(2026, 11, 22)), 14);
    assert.equal(isOldEnough(birth, 14, date(2026, 11, 21)), false);
    assert.equal(isOldEnough(birth, 14, date(2026, 11, 22)), true);
    assert.equal(ageOn(birth, date(2026, 12, 1)), 14);
    assert.equal(ageOn(birth, date(2027, 1, 1)), 14);
  });

  test('born on 29 February: a year older on 1 March in common years, on 29 February in leap years', () => {
    const leapling = date(2012, 2, 29);
    assert.equal(ageOn(leapling, date(2026, 2, 28)), 13);
    assert.equal(ageOn(leapling, date(2026, 3, 1)), 14);
    assert.equal(ageOn(leapling, date(2028, 2, 28)), 15);
    assert.equal(ageOn(leapling, date(2028, 2, 29)), 16);
  });

  test('calendarDateOf counts the day in Seoul', () => {
    // 15:30 UTC is already the next day in Korea (UTC+9).
    assert.deepEqual(calendarDateOf(new Date('2026-11-21T15:30:00Z')), date(2026, 11, 22));
    assert.deepEqual(calendarDateOf(new Date('2026-11-21T14:59:00Z')), date(2026, 11, 21));
    assert.deepEqual(calendarDateOf(new Date('2026-11-21T15:30:00Z'), 'UTC'), date(2026, 11, 21));
  });
});

describe('checkBirthDate', () => {
  const today = date(2026, 11, 22);
  test('codes', () => {
    assert.equal(checkBirthDate('', { today }), 'BIRTH_DATE_REQUIRED');
    assert.equal(checkBirthDate('2023-02-29', { today }), 'BIRTH_DATE_INVALID');
    assert.equal(checkBirthDate('2026-11-23', { today }), 'BIRTH_DATE_FUTURE');
    assert.equal(checkBirthDate('2026-11-22', { today }), null);
    assert.equal(checkBirthDate('2012-11-23', { today, minAge: 14 }), 'UNDER_AGE');
    assert.equal(checkBirthDate('2012-11-22', { today, minAge: 14 }), null);
    assert.equal(checkBirthDate('1950.3.1', { today, minAge: 14 }), null);
  });
});
