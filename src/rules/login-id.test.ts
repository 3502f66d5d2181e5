import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkLoginId, loginIdKey, maskLoginId, normalizeLoginId } from './login-id.ts';
import { definePolicy, kotraPolicy } from './policy.ts';

describe('checkLoginId (KOTRA: 6–20, starts with a letter, letters and digits)', () => {
  test('valid IDs', () => {
    for (const id of ['kotra1', 'Kotra2026', 'abcdef', 'a1234567890123456789']) {
      assert.deepEqual(checkLoginId(id, kotraPolicy), [], id);
    }
  });

  test('every failed rule is reported', () => {
    assert.deepEqual(checkLoginId('', kotraPolicy), ['LOGIN_ID_REQUIRED']);
    assert.deepEqual(checkLoginId('   ', kotraPolicy), ['LOGIN_ID_REQUIRED']);
    assert.deepEqual(checkLoginId('1kotra', kotraPolicy), ['LOGIN_ID_FIRST_CHAR']);
    assert.deepEqual(checkLoginId('kotra_1', kotraPolicy), ['LOGIN_ID_CHARS']);
    assert.deepEqual(checkLoginId('홍길동abc', kotraPolicy), ['LOGIN_ID_FIRST_CHAR', 'LOGIN_ID_CHARS']);
    assert.deepEqual(checkLoginId('abc12', kotraPolicy), ['LOGIN_ID_TOO_SHORT']);
    assert.deepEqual(checkLoginId('a12345678901234567890', kotraPolicy), ['LOGIN_ID_TOO_LONG']);
    assert.deepEqual(checkLoginId('1_a', kotraPolicy), ['LOGIN_ID_FIRST_CHAR', 'LOGIN_ID_CHARS', 'LOGIN_ID_TOO_SHORT']);
    assert.deepEqual(checkLoginId('kot ra1', kotraPolicy), ['LOGIN_ID_CHARS']);
  });

  test('surrounding spaces and full-width letters are forgiven (checked after normalizing)', () => {
    assert.deepEqual(checkLoginId('  kotra1  ', kotraPolicy), []);
    assert.deepEqual(checkLoginId('ｋｏｔｒａ１', kotraPolicy), []);
    assert.equal(normalizeLoginId(' ｋｏｔｒａ１ '), 'kotra1');
  });

  test('a site may let IDs start with a digit', () => {
    const policy = definePolicy({ loginId: { mustStartWithLetter: false } });
    assert.deepEqual(checkLoginId('1kotra', policy), []);
  });
});

describe('loginIdKey and maskLoginId', () => {
  test('the key is case-insensitive', () => {
    assert.equal(loginIdKey(' KoTra1 '), 'kotra1');
    assert.equal(loginIdKey('KOTRA1'), loginIdKey('kotra1'));
  });

  test('masking keeps the first half and hides at least one character', () => {
    assert.equal(maskLoginId('kotra123'), 'kotr****');
    assert.equal(maskLoginId('kotra12'), 'kotr***');
    assert.equal(maskLoginId('ab'), 'a*');
    assert.equal(maskLoginId('a'), '*');
    assert.equal(maskLoginId(''), '');
  });
});
