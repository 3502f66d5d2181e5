import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkAddress } from './address.ts';
import { ageOn, checkBirthDate, formatBirthDate, isOldEnough, parseBirthDate } from './birth-date.ts';
import {
  checkBusinessNumber,
  checkCorporateNumber,
  formatBusinessNumber,
  formatCorporateNumber,
  isValidBusinessNumber,
  isValidCorporateNumber,
} from './business-number.ts';
import { companyFormSchema } from './company-form.ts';
import { checkTradeBusinessNumber } from './company.ts';
import { normalizeDigits } from './digits.ts';
import { checkEmail, joinEmail, normalizeEmail, splitEmail } from './email.ts';
import { ruleErrorCodes } from './error-codes.ts';
import { passwordResetFormSchema, profileEditSchema, signupDetailsSchema } from './forms.ts';
import { checkHomepage, normalizeHomepage } from './homepage.ts';
import { checkInterestItems, checkInterestRegions, checkProductCode } from './interests.ts';
import { checkLoginId, loginIdKey, maskLoginId, normalizeLoginId } from './login-id.ts';
import { checkPassword, passwordErrors } from './password.ts';
import { checkEnglishName, checkKoreanName } from './person.ts';
import { checkPhone, formatPhoneNumber, normalizePhoneNumber, phoneKind } from './phone.ts';
import { defaultPolicy, kotraPolicy } from './policy.ts';
import { checkEnglishText, checkText } from './text.ts';

/** Any UTF-16 code units, lone surrogates included. */
const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)) });
const anyString = fc.oneof(fc.string({ unit: 'binary' }), codeUnits, fc.string({ unit: 'grapheme' }));
const digitString = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const separator = fc.constantFrom('', '-', ' ', '.', '–', ' - ', '\u3000');
/** The digits with a random separator after each one. */
const sprinkled = (digits: string) =>
  fc.array(separator, { minLength: digits.length, maxLength: digits.length }).map((seps) =>
    [...digits].map((digit, i) => digit + (seps[i] ?? '')).join(''),
  );

const today = { year: 2026, month: 11, day: 22 };

const everyRule = (value: string) => {
  checkBusinessNumber(value);
  checkCorporateNumber(value);
  formatBusinessNumber(value);
  formatCorporateNumber(value);
  normalizePhoneNumber(value);
  formatPhoneNumber(value);
  phoneKind(value);
  checkPhone(value, { kinds: ['mobile'] });
  checkLoginId(value, kotraPolicy);
  loginIdKey(value);
  maskLoginId(value);
  checkPassword(value, kotraPolicy, { loginId: value, confirmation: value });
  passwordErrors(value, defaultPolicy, { loginId: value.slice(1), confirmation: '' });
  checkKoreanName(value);
  checkEnglishName(value);
  parseBirthDate(value);
  formatBirthDate(value);
  checkBirthDate(value, { today, minAge: 14 });
  checkEmail(value);
  splitEmail(value);
  joinEmail(value, value);
  normalizeEmail(value);
  checkHomepage(value);
  checkAddress({ postcode: value, base: value, detail: value, extra: value }, { required: false });
  checkInterestItems([{ nameKo: value, nameEn: value, productCode: value }], { maxItems: 1 });
  checkInterestRegions([value, value], { maxRegions: 1 });
  checkProductCode(value);
  checkTradeBusinessNumber(value);
  checkText(value, { maxLength: 10 });
  checkEnglishText(value, { maxLength: 10 });
};

describe('no rule throws', () => {
  test('on arbitrary Unicode, lone surrogates included', () => {
    fc.assert(fc.property(anyString, (value) => everyRule(value)), { numRuns: 300 });
  });

  test('on huge input', () => {
    for (const value of ['1'.repeat(100_000), '-'.repeat(100_000), 'a@'.repeat(50_000), '\uD800'.repeat(100_000)]) {
      everyRule(value);
    }
  });

  test('schemas answer only with known codes, whatever the payload', () => {
    const known = new Set<string>(ruleErrorCodes);
    const keys = ['loginId', 'password', 'passwordConfirmation', 'nameKo', 'nameEn', 'phone', 'mobile', 'email', 'address', 'interestItems', 'interestRegions', 'businessNumber', 'innoBiz', 'tradeKind', 'homepage', 'newPassword', 'newPasswordConfirmation'];
    const value = fc.oneof(
      anyString,
      fc.anything(),
      fc.record({ postcode: anyString, base: anyString, detail: anyString }),
      fc.array(fc.record({ nameKo: anyString, nameEn: anyString })),
    );
    const schemas = [
      signupDetailsSchema(kotraPolicy, { memberType: 'individual' }),
      signupDetailsSchema(defaultPolicy, { memberType: 'foreign' }),
      companyFormSchema(kotraPolicy),
      profileEditSchema(kotraPolicy, { loginId: 'kotra1' }),
      passwordResetFormSchema(defaultPolicy),
    ];
    fc.assert(
      fc.property(fc.oneof(fc.dictionary(fc.constantFrom(...keys), value), fc.anything()), (payload) => {
        for (const schema of schemas) {
          const result = schema.safeParse(payload);
          for (const issue of result.error?.issues ?? []) assert.ok(known.has(issue.message), issue.message);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('normalize and format are idempotent', () => {
  test('phone', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, digitString(0, 14), digitString(8, 12).map((d) => `+82 ${d}`)), (value) => {
        const formatted = formatPhoneNumber(value);
        assert.equal(formatPhoneNumber(formatted), formatted);
        assert.equal(normalizePhoneNumber(formatted), normalizePhoneNumber(value));
        assert.equal(normalizePhoneNumber(normalizePhoneNumber(value)), normalizePhoneNumber(value));
      }),
    );
  });

  test('business and corporate numbers', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, digitString(0, 15)), (value) => {
        assert.equal(formatBusinessNumber(formatBusinessNumber(value)), formatBusinessNumber(value));
        assert.equal(formatCorporateNumber(formatCorporateNumber(value)), formatCorporateNumber(value));
        assert.equal(normalizeDigits(formatBusinessNumber(value)), normalizeDigits(value));
        assert.equal(normalizeDigits(formatCorporateNumber(value)), normalizeDigits(value));
      }),
    );
  });

  test('login ID, email, homepage', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        assert.equal(normalizeLoginId(normalizeLoginId(value)), normalizeLoginId(value));
        assert.equal(normalizeEmail(normalizeEmail(value)), normalizeEmail(value));
        assert.equal(normalizeHomepage(normalizeHomepage(value)), normalizeHomepage(value));
      }),
    );
  });
});

describe('check digits', () => {
  /** A prefix completed by each candidate check digit that passes. */
  const completions = (prefix: string, isValid: (value: string) => boolean) =>
    [...'0123456789'].map((digit) => prefix + digit).filter(isValid);

  test('every BRN and CRN prefix has exactly one valid check digit', () => {
    fc.assert(fc.property(digitString(9, 9), (prefix) => assert.equal(completions(prefix, isValidBusinessNumber).length, 1)));
    fc.assert(fc.property(digitString(12, 12), (prefix) => assert.equal(completions(prefix, isValidCorporateNumber).length, 1)));
  });

  const validBusinessNumber = digitString(9, 9).map((prefix) => completions(prefix, isValidBusinessNumber)[0] ?? '');
  const validCorporateNumber = digitString(12, 12).map((prefix) => completions(prefix, isValidCorporateNumber)[0] ?? '');

  test('a valid BRN stays valid in any spelling and once formatted', () => {
    fc.assert(
      fc.property(validBusinessNumber.chain((digits) => sprinkled(digits).map((typed) => ({ digits, typed }))), ({ digits, typed }) => {
        assert.equal(isValidBusinessNumber(typed), true);
        const formatted = formatBusinessNumber(typed);
        assert.match(formatted, /^\d{3}-\d{2}-\d{5}$/);
        assert.equal(isValidBusinessNumber(formatted), true);
        assert.equal(normalizeDigits(formatted), digits);
      }),
    );
  });

  test('a valid CRN stays valid in any spelling and once formatted', () => {
    fc.assert(
      fc.property(validCorporateNumber.chain((digits) => sprinkled(digits).map((typed) => ({ digits, typed }))), ({ digits, typed }) => {
        assert.equal(isValidCorporateNumber(typed), true);
        const formatted = formatCorporateNumber(typed);
        assert.match(formatted, /^\d{6}-\d{7}$/);
        assert.equal(isValidCorporateNumber(formatted), true);
        assert.equal(normalizeDigits(formatted), digits);
      }),
    );
  });

  test('changing any one digit of a valid BRN breaks it', () => {
    fc.assert(
      fc.property(validBusinessNumber, fc.integer({ min: 0, max: 9 }), (number, position) => {
        const changed = number.slice(0, position) + ((Number(number[position]) + 1) % 10) + number.slice(position + 1);
        // Weights 1, 3, 7 are coprime to 10 and the 9th digit's 5 + ⌊d·5/10⌋ never moves by a multiple of 10.
        assert.equal(isValidBusinessNumber(changed), false);
      }),
    );
  });
});

describe('phone numbers by range', () => {
  const ranges: [string, number[], string][] = [
    ['010', [8], 'mobile'],
    ['011', [7, 8], 'mobile-legacy'],
    ['02', [7, 8], 'landline'],
    ['031', [7, 8], 'landline'],
    ['064', [7, 8], 'landline'],
    ['070', [8], 'internet'],
    ['0505', [7, 8], 'personal'],
    ['080', [7, 8], 'toll-free'],
    ['1588', [4], 'representative'],
  ];
  const number = fc
    .constantFrom(...ranges)
    .chain(([prefix, rest, kind]) =>
      fc.constantFrom(...rest).chain((length) => digitString(length, length).map((digits) => ({ digits: prefix + digits, kind }))),
    );

  test('kind, display form and round trip, with any spelling and +82', () => {
    fc.assert(
      fc.property(number, fc.boolean(), ({ digits, kind }, international) => {
        const typed = international && digits.startsWith('0') ? `+82 ${digits.slice(1)}` : digits;
        assert.equal(phoneKind(typed), kind);
        assert.equal(checkPhone(typed), null);
        const formatted = formatPhoneNumber(typed);
        assert.match(formatted, /^\d{2,4}-(\d{3,4}-)?\d{4}$/);
        assert.equal(normalizePhoneNumber(formatted), digits);
      }),
    );
  });
});

describe('birth dates and age', () => {
  const calendarDate = fc
    .record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    // Independent of the module: Date.UTC's day 0 of the next month is this month's last day.
    .filter(({ year, month, day }) => day <= new Date(Date.UTC(year, month, 0)).getUTCDate())
    .map((date) => ({ ...date }));

  test('format then parse round-trips', () => {
    fc.assert(
      fc.property(calendarDate, (date) => {
        assert.deepEqual(parseBirthDate(formatBirthDate(date)), date);
        assert.deepEqual(parseBirthDate(formatBirthDate(date).replaceAll('-', '')), date);
      }),
    );
  });

  /** The day `years` after birth on which 만 나이 reaches `years`: 29 Feb becomes 1 Mar in common years. */
  const anniversary = (birth: { year: number; month: number; day: number }, years: number) => {
    const year = birth.year + years;
    const leapDayMissing = birth.month === 2 && birth.day === 29 && new Date(Date.UTC(year, 2, 0)).getUTCDate() === 28;
    return leapDayMissing ? { year, month: 3, day: 1 } : { year, month: birth.month, day: birth.day };
  };
  const utc = (date: { year: number; month: number; day: number }) => Date.UTC(date.year, date.month - 1, date.day);

  test('old enough exactly from the anniversary (29 Feb → 1 Mar in common years)', () => {
    const leapling = fc.integer({ min: 1900, max: 2095 }).map((year) => ({ year: year - (year % 4) + 4, month: 2, day: 29 }));
    fc.assert(
      fc.property(fc.oneof(calendarDate, leapling), fc.integer({ min: 0, max: 100 }), fc.integer({ min: -3, max: 3 }), (birth, years, offset) => {
        // A day a few days either side of the anniversary, computed with Date, not with the module.
        const shifted = new Date(utc(anniversary(birth, years)) + offset * 86_400_000);
        const day = { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
        assert.equal(isOldEnough(birth, years, day), offset >= 0);
        assert.equal(ageOn(birth, day), offset >= 0 ? years : years - 1);
      }),
    );
  });
});

describe('checklist and codes agree', () => {
  test('valid ⇔ no password codes, for both policies', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 30 }), anyString), fc.constantFrom(kotraPolicy, defaultPolicy), (password, policy) => {
        const check = checkPassword(password, policy, { loginId: 'kotra1' });
        const errors = passwordErrors(password, policy, { loginId: 'kotra1' });
        assert.equal(check.valid, errors.length === 0);
        assert.equal(errors.length, password === '' ? 1 : check.items.filter((item) => !item.passed).length);
      }),
    );
  });

  test('login ID matches the KOTRA rule exactly', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 25 }), (id) => {
        const expected = /^[A-Za-z][A-Za-z0-9]{5,19}$/.test(id.trim());
        assert.equal(checkLoginId(id, kotraPolicy).length === 0, expected);
      }),
    );
  });
});
