import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { apiErrorCodes, clientErrorCodes, nameMismatchGuidance } from '../api/errors.ts';
import { ruleErrorCodes } from '../rules/error-codes.ts';
import './all-locales.ts';
import { hasMessage, locales, messageForCode, translate, type MessageKey } from './index.ts';
import { errorMessageParams } from './messages/errors.ts';
import { errors as errorsEn } from './messages/errors.en.ts';
import { errors as errorsKo } from './messages/errors.ko.ts';
import { ruleMessageParams, serverFieldCodes } from './messages/rules.ts';
import { rules as rulesEn } from './messages/rules.en.ts';
import { rules as rulesKo } from './messages/rules.ko.ts';

const hangul = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7A3]/;
// Korean values without Hangul must be made of these proper nouns / notations only.
const properNouns = /^(?:[\s.,()!?:;·/-]|i-PIN|MASTER|PDF|JPG|PNG|SMS|\{\w+\})*$/;
const placeholder = /\{(\w+)\}/g;

function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(placeholder)].map((match) => match[1] ?? ''))].sort();
}

const bundles: Record<string, { ko: Record<string, string>; en: Record<string, string> }> = {
  errors: { ko: errorsKo, en: errorsEn },
  rules: { ko: rulesKo, en: rulesEn },
};
const documented: Record<string, readonly string[]> = { ...errorMessageParams, ...ruleMessageParams };
const allCodes = [...apiErrorCodes, ...clientErrorCodes, ...ruleErrorCodes, ...serverFieldCodes];

describe('every code has a message', () => {
  for (const locale of locales) {
    test(`${locale}: API and client codes`, () => {
      for (const code of [...apiErrorCodes, ...clientErrorCodes]) {
        assert.ok(hasMessage(`error.${code}`), `error.${code}`);
        const message = messageForCode(locale, code);
        assert.ok(message.trim().length > 0, code);
        assert.notEqual(message, translate(locale, 'error.UNKNOWN'), `${code} falls back to UNKNOWN`);
      }
    });

    test(`${locale}: rule codes (form codes included) and server field codes`, () => {
      for (const code of [...ruleErrorCodes, ...serverFieldCodes]) {
        assert.ok(hasMessage(`rule.${code}`), `rule.${code}`);
        assert.ok(messageForCode(locale, code).trim().length > 0, code);
      }
    });

    test(`${locale}: name-mismatch guidance and the fallback`, () => {
      for (const way of nameMismatchGuidance) {
        assert.ok(hasMessage(`guidance.${way}`), way);
        assert.ok(translate(locale, `guidance.${way}`).trim().length > 0, way);
      }
      assert.equal(messageForCode(locale, 'NO_SUCH_CODE_FROM_A_NEWER_SERVER'), translate(locale, 'error.UNKNOWN'));
    });
  }

  test('a code that is both an API code and a field code reads the same either way', () => {
    for (const locale of locales) {
      for (const code of [...apiErrorCodes, ...clientErrorCodes]) {
        const params = { minAge: 14, seconds: 30, attempts: 2 };
        assert.equal(messageForCode(locale, code, params), translate(locale, `error.${code}` as MessageKey, params), code);
      }
    }
  });

  test('no message is a leftover code', () => {
    for (const locale of locales) {
      for (const code of allCodes) assert.ok(!messageForCode(locale, code).includes(code), `${locale} ${code}`);
    }
  });
});

describe('catalogue language', () => {
  for (const [name, bundle] of Object.entries(bundles)) {
    test(`${name}: no Hangul in English`, () => {
      for (const [key, value] of Object.entries(bundle.en)) assert.doesNotMatch(value, hangul, key);
    });

    test(`${name}: Korean is Korean (or a proper noun)`, () => {
      for (const [key, value] of Object.entries(bundle.ko)) {
        assert.ok(hangul.test(value) || properNouns.test(value), `${key}: ${value}`);
      }
    });

    test(`${name}: Korean and English keys alike, no blank or untrimmed value`, () => {
      assert.deepEqual(Object.keys(bundle.en).sort(), Object.keys(bundle.ko).sort());
      for (const catalogue of [bundle.ko, bundle.en]) {
        for (const [key, value] of Object.entries(catalogue)) {
          assert.ok(value.length > 0 && value === value.trim(), key);
        }
      }
    });
  }

  test('the five "our side / network" errors say the entries are kept and what to do', () => {
    for (const code of ['NETWORK_ERROR', 'TIMEOUT', 'INVALID_RESPONSE', 'INTERNAL_ERROR', 'SERVICE_UNAVAILABLE']) {
      assert.match(messageForCode('ko', code), /입력한 내용은 그대로 있으니.*다시 시도해 주세요/, code);
      assert.match(messageForCode('en', code), /Your entries are kept; .*try again/, code);
    }
    for (const code of ['NETWORK_ERROR', 'TIMEOUT']) {
      assert.match(messageForCode('ko', code), /인터넷 연결을 확인/, code);
      assert.match(messageForCode('en', code), /check your internet connection/, code);
    }
    // A malformed answer is the server's fault: never sent to check the connection.
    assert.doesNotMatch(messageForCode('ko', 'INVALID_RESPONSE'), /인터넷 연결을 확인/);
    assert.doesNotMatch(messageForCode('en', 'INVALID_RESPONSE'), /check your internet connection/);
    assert.match(messageForCode('ko', 'INVALID_RESPONSE'), /서버 쪽 오류/);
    assert.match(messageForCode('en', 'INVALID_RESPONSE'), /on our side/);
  });

  test('ALREADY_MEMBER points to find-account', () => {
    assert.equal(messageForCode('ko', 'ALREADY_MEMBER'), '이미 가입된 회원입니다. 아이디 찾기로 확인해 주세요.');
    assert.match(messageForCode('en', 'ALREADY_MEMBER'), /Find ID/);
  });
});

describe('placeholders', () => {
  for (const [name, bundle] of Object.entries(bundles)) {
    test(`${name}: Korean and English use the same placeholders`, () => {
      for (const [key, value] of Object.entries(bundle.ko)) {
        const english = (bundle.en as Record<string, string>)[key] ?? '';
        assert.deepEqual(placeholdersOf(english), placeholdersOf(value), key);
      }
    });

    test(`${name}: the documented placeholder list is exact`, () => {
      for (const [key, value] of Object.entries(bundle.ko)) {
        assert.deepEqual(placeholdersOf(value), [...(documented[key] ?? [])].sort(), key);
      }
    });
  }

  test('every documented key exists', () => {
    for (const key of Object.keys(documented)) assert.ok(hasMessage(key), key);
  });

  test('only known placeholder names are used', () => {
    const known = new Set(['min', 'max', 'minAge', 'seconds', 'attempts', 'field', 'example']);
    for (const names of Object.values(documented)) for (const name of names) assert.ok(known.has(name), name);
  });

  test('translate and messageForCode fill placeholders', () => {
    assert.equal(translate('ko', 'error.UNDER_AGE', { minAge: 14 }), '만 14세 미만은 가입할 수 없습니다.');
    assert.equal(translate('en', 'error.UNDER_AGE', { minAge: 14 }), 'You must be at least 14 years old to sign up.');
    assert.equal(messageForCode('ko', 'LOGIN_ID_TOO_SHORT', { min: 6, max: 20 }), '아이디는 6~20자로 입력해 주세요.');
    assert.equal(messageForCode('en', 'LOGIN_ID_TOO_LONG', { min: 6, max: 20 }), 'Your ID must be 6 to 20 characters long.');
    assert.match(messageForCode('ko', 'RATE_LIMITED', { seconds: 30 }), /30초 후에/);
    assert.match(messageForCode('en', 'RESEND_TOO_SOON', { seconds: '45' }), /in 45 seconds/);
    assert.match(messageForCode('ko', 'CODE_MISMATCH', { attempts: 3 }), /남은 횟수 3회/);
    assert.match(messageForCode('en', 'PASSWORD_TOO_SHORT', { min: 9 }), /at least 9 characters/);
  });

  test('every placeholder is filled when the documented params are given', () => {
    const values: Record<string, number> = { min: 6, max: 20, minAge: 14, seconds: 30, attempts: 2 };
    for (const locale of locales) {
      for (const [key, names] of Object.entries(documented)) {
        const params = Object.fromEntries(names.map((name) => [name, values[name] ?? 0]));
        assert.doesNotMatch(translate(locale, key as MessageKey, params), placeholder, `${locale} ${key}`);
      }
    }
  });

  test('keys with a number the server may leave out have a .plain form without it', () => {
    for (const key of ['error.CODE_MISMATCH', 'error.RESEND_TOO_SOON', 'error.RATE_LIMITED'] as const) {
      for (const locale of locales) {
        const plain = translate(locale, `${key}.plain`);
        assert.doesNotMatch(plain, placeholder, `${locale} ${key}.plain`);
        assert.notEqual(plain, `${key}.plain`);
      }
    }
  });

  test('fixed limits are written into the text', () => {
    assert.equal(messageForCode('ko', 'NAME_KO_TOO_LONG'), '이름은 50자 이내로 입력해 주세요.');
    assert.match(messageForCode('en', 'ADDRESS_DETAIL_TOO_LONG'), /100 characters/);
  });
});

test('messageForCode uses the .plain wording when a number is not given', () => {
  const withSeconds = messageForCode('ko', 'RATE_LIMITED', { seconds: 30 });
  assert.match(withSeconds, /30/);
  const without = messageForCode('ko', 'RATE_LIMITED');
  assert.doesNotMatch(without, /\{seconds\}/);
  assert.notEqual(without, withSeconds);
});
