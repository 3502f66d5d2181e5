// Property-based fuzzing of every field rule (src/rules) and every contract schema (src/api): at least
// 10,000 generated cases each, nothing throws, and format → parse/normalize round-trips hold.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import * as api from '../../src/api/index.ts';
import * as rules from '../../src/rules/index.ts';
import { cleanText } from '../../src/rules/text.ts';
import { printTable } from './harness.ts';

const numRuns = 10_000;
const runs = { numRuns };
const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), maxLength: 60 });
const hostile = fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '${alert(1)}', '\u202Egnp.exe', '\u0000', '\uD800', '０１０－１２３４－５６７８', '１２３', '010-1234-5678', '124-81-00998', 'a@b.co', 'ﾊﾝｶｸ', '한글');
const anyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), codeUnits, fc.string({ unit: 'grapheme', maxLength: 30 }), hostile);
const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const today = { year: 2026, month: 11, day: 22 };
const policies = [rules.defaultPolicy, rules.kotraPolicy];

/** One entry per exported rule: it gets any string and must not throw. */
const ruleCalls: Record<string, (value: string) => unknown> = {
  checkBusinessNumber: rules.checkBusinessNumber,
  isValidBusinessNumber: rules.isValidBusinessNumber,
  formatBusinessNumber: rules.formatBusinessNumber,
  checkCorporateNumber: rules.checkCorporateNumber,
  isValidCorporateNumber: rules.isValidCorporateNumber,
  formatCorporateNumber: rules.formatCorporateNumber,
  checkTradeBusinessNumber: rules.checkTradeBusinessNumber,
  normalizePhoneNumber: rules.normalizePhoneNumber,
  formatPhoneNumber: rules.formatPhoneNumber,
  phoneKind: rules.phoneKind,
  checkPhone: (v) => [rules.checkPhone(v), rules.checkPhone(v, { kinds: ['mobile'] })],
  checkLoginId: (v) => policies.map((p) => rules.checkLoginId(v, p)),
  normalizeLoginId: rules.normalizeLoginId,
  loginIdKey: rules.loginIdKey,
  maskLoginId: rules.maskLoginId,
  checkPassword: (v) => policies.map((p) => rules.checkPassword(v, p, { loginId: v.slice(1), confirmation: v })),
  passwordErrors: (v) => rules.passwordErrors(v, rules.kotraPolicy, { loginId: v, confirmation: '' }),
  checkPasswordConfirmation: (v) => rules.checkPasswordConfirmation(v, `${v}x`),
  checkKoreanName: rules.checkKoreanName,
  checkEnglishName: rules.checkEnglishName,
  isGenderAnswer: rules.isGenderAnswer,
  parseBirthDate: rules.parseBirthDate,
  formatBirthDate: rules.formatBirthDate,
  checkBirthDate: (v) => rules.checkBirthDate(v, { today, minAge: 14 }),
  checkEmail: rules.checkEmail,
  splitEmail: rules.splitEmail,
  joinEmail: (v) => rules.joinEmail(v, v),
  normalizeEmail: rules.normalizeEmail,
  isValidDomainName: rules.isValidDomainName,
  checkHomepage: rules.checkHomepage,
  normalizeHomepage: rules.normalizeHomepage,
  checkPostcode: rules.checkPostcode,
  checkAddress: (v) => rules.checkAddress({ postcode: v, base: v, detail: v }, { required: true }),
  checkInterestItems: (v) => rules.checkInterestItems([{ nameKo: v, nameEn: v, productCode: v }], { maxItems: 2 }),
  checkInterestRegions: (v) => rules.checkInterestRegions([v, v], { maxRegions: 1 }),
  checkProductCode: rules.checkProductCode,
  normalizeRegionCode: rules.normalizeRegionCode,
  checkText: (v) => rules.checkText(v, { maxLength: 10 }),
  checkEnglishText: (v) => rules.checkEnglishText(v, { maxLength: 10 }),
  cleanText,
  toAsciiDigits: rules.toAsciiDigits,
  normalizeDigits: rules.normalizeDigits,
  parseDigits: rules.parseDigits,
  codePointLength: rules.codePointLength,
  isRuleErrorCode: rules.isRuleErrorCode,
};

/**
 * Runs `check` on each of `inputs` (one fast-check sample shared by every rule or schema: generating
 * it once keeps the suite within its time on two shared cores); a throw names the input.
 */
function everyInput<T>(inputs: readonly T[], check: (input: T) => void): void {
  for (const input of inputs) {
    try {
      check(input);
    } catch (error) {
      throw new Error(`failed on ${JSON.stringify(input)}: ${(error as Error).message}`, { cause: error });
    }
  }
}

describe(`every rule of src/rules: ${numRuns} cases each, no throw`, () => {
  const strings = fc.sample(anyString, numRuns);
  for (const [name, call] of Object.entries(ruleCalls)) {
    test(name, () => everyInput(strings, (value) => void call(value)));
  }
  test('form schemas (signup, profile, reset, company) on arbitrary payloads', () => {
    const known = new Set<string>(rules.ruleErrorCodes);
    const keys = ['loginId', 'password', 'passwordConfirmation', 'nameKo', 'nameEn', 'phone', 'mobile', 'email', 'address', 'businessNumber', 'homepage', 'newPassword', 'newPasswordConfirmation', 'interestItems', 'interestRegions'];
    const schemas = [
      rules.signupDetailsSchema(rules.kotraPolicy, { memberType: 'corporate' }),
      rules.profileEditSchema(rules.kotraPolicy, { loginId: 'kotra1' }),
      rules.passwordResetFormSchema(rules.defaultPolicy),
      rules.companyFormSchema(rules.kotraPolicy),
    ];
    fc.assert(fc.property(fc.oneof(fc.dictionary(fc.constantFrom(...keys), fc.oneof(anyString, fc.anything({ maxDepth: 2 }))), fc.anything({ maxDepth: 2 })), (payload) => {
      for (const schema of schemas) {
        for (const issue of schema.safeParse(payload).error?.issues ?? []) assert.ok(known.has(issue.message), issue.message);
      }
    }), runs);
  });
});

describe(`round trips (format → parse/normalize): ${numRuns} cases each`, () => {
  test('business number: format(digits) → digits, and the checksum verdict is unchanged', () => {
    fc.assert(fc.property(digits(10, 10), (d) => {
      const formatted = rules.formatBusinessNumber(d);
      assert.equal(rules.normalizeDigits(formatted), d);
      assert.equal(rules.isValidBusinessNumber(formatted), rules.isValidBusinessNumber(d));
    }), runs);
  });
  test('corporate number: format(digits) → digits', () => {
    fc.assert(fc.property(digits(13, 13), (d) => {
      assert.equal(rules.normalizeDigits(rules.formatCorporateNumber(d)), d);
      assert.equal(rules.isValidCorporateNumber(rules.formatCorporateNumber(d)), rules.isValidCorporateNumber(d));
    }), runs);
  });
  test('phone: normalize(format(x)) = normalize(x); format is idempotent', () => {
    fc.assert(fc.property(fc.oneof(digits(0, 13), anyString), (value) => {
      const formatted = rules.formatPhoneNumber(value);
      assert.equal(rules.formatPhoneNumber(formatted), formatted);
      if (rules.phoneKind(value)) assert.equal(rules.normalizePhoneNumber(formatted), rules.normalizePhoneNumber(value));
    }), runs);
  });
  test('birth date: parse(format(date)) = date for every calendar day', () => {
    const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }));
    fc.assert(fc.property(date, (d) => assert.deepEqual(rules.parseBirthDate(rules.formatBirthDate(d)), d)), runs);
  });
  test('email: join(split(x)) keeps a valid address; normalize is idempotent', () => {
    fc.assert(fc.property(fc.oneof(fc.emailAddress(), anyString), (value) => {
      const normalized = rules.normalizeEmail(value);
      assert.equal(rules.normalizeEmail(normalized), normalized);
      if (rules.checkEmail(value) === null) {
        const { local, domain } = rules.splitEmail(value);
        assert.equal(rules.normalizeEmail(rules.joinEmail(local, domain)), normalized);
      }
    }), runs);
  });
  test('login ID, homepage, region code, free text: normalizers are idempotent', () => {
    fc.assert(fc.property(anyString, (value) => {
      for (const normalize of [rules.normalizeLoginId, rules.loginIdKey, rules.normalizeHomepage, rules.normalizeRegionCode, cleanText, rules.normalizeDigits]) {
        const once = normalize(value);
        assert.equal(normalize(once), once, `${normalize.name}(${JSON.stringify(value)})`);
      }
    }), runs);
  });
  test('free text: cleanText leaves no control, bidi-override or zero-width character', () => {
    fc.assert(fc.property(anyString, (value) => {
      assert.doesNotMatch(cleanText(value), /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u);
    }), runs);
  });
});

/** Every zod schema of the contract: the exported ones and every operation's params, query, body and response. */
function contractSchemas(): [string, { safeParse(value: unknown): { success: boolean; data?: unknown } }][] {
  const found: [string, { safeParse(value: unknown): { success: boolean; data?: unknown } }][] = [];
  const seen = new Set<unknown>();
  const add = (name: string, value: unknown) => {
    // One schema object is fuzzed once, under its first name.
    if (!value || typeof value !== 'object' || !('safeParse' in value) || seen.has(value)) return;
    seen.add(value);
    found.push([name, value as never]);
  };
  for (const [name, value] of Object.entries(api)) add(name, value);
  for (const op of Object.values(api.operations)) {
    for (const part of ['params', 'query', 'body', 'response'] as const) {
      add(`${op.id}.${part}`, (op as unknown as Record<string, unknown>)[part]);
    }
  }
  return found;
}

describe(`contract parsers (src/api): ${numRuns} arbitrary payloads each, no throw, parse → JSON → parse is stable`, () => {
  const json = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(fc.constantFrom('loginId', 'password', 'memberType', 'role', 'details', 'company', 'mode', 'kind', 'status', 'verificationToken', 'error', 'code', 'member', 'companyId', '__proto__', 'constructor'), fc.oneof(anyString, fc.jsonValue({ maxDepth: 2 }))));
  const schemas = contractSchemas();
  const payloads = fc.sample(json, numRuns);
  test(`found the contract's schemas (${schemas.length})`, () => assert.ok(schemas.length >= 40, String(schemas.length)));
  const accepted: string[][] = [];
  after(() => printTable(`Contract parsers: arbitrary payloads accepted (then round-tripped) of ${numRuns}`, ['schema', 'accepted'], accepted.filter(([, n]) => n !== '0')));
  for (const [name, schema] of schemas) {
    test(name, () => {
      let parsed = 0;
      everyInput(payloads, (payload) => {
        const first = schema.safeParse(payload);
        if (!first.success) return;
        parsed += 1;
        const again = schema.safeParse(JSON.parse(JSON.stringify(first.data)));
        assert.ok(again.success, 'what parsed once parses again after a JSON round trip');
        assert.deepEqual(again.data, first.data);
      });
      accepted.push([name, String(parsed)]);
    });
  }
});
