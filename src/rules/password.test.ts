import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkPassword, checkPasswordConfirmation, passwordErrors, passwordRules } from './password.ts';
import { defaultPolicy, definePolicy, kotraPolicy } from './policy.ts';

const failed = (password: string, policy = kotraPolicy, loginId?: string) =>
  checkPassword(password, policy, loginId === undefined ? {} : { loginId })
    .items.filter((item) => !item.passed)
    .map((item) => item.id);

describe('KOTRA policy: letters + digits + special, 9+', () => {
  test('checklist items are the policy’s rules, in order', () => {
    assert.deepEqual(passwordRules(kotraPolicy), ['length', 'letter', 'digit', 'special', 'chars', 'notLoginId']);
    assert.deepEqual(
      checkPassword('', kotraPolicy).items.map((item) => item.id),
      ['length', 'letter', 'digit', 'special', 'chars', 'notLoginId'],
    );
  });

  test('an empty password passes nothing', () => {
    const check = checkPassword('', kotraPolicy);
    assert.equal(check.valid, false);
    assert.ok(check.items.every((item) => !item.passed));
    assert.deepEqual(passwordErrors('', kotraPolicy), ['PASSWORD_REQUIRED']);
  });

  test('a password meeting every rule', () => {
    const check = checkPassword('trade2026!', kotraPolicy, { loginId: 'kotra1' });
    assert.equal(check.valid, true);
    assert.ok(check.items.every((item) => item.passed));
    assert.deepEqual(passwordErrors('trade2026!', kotraPolicy, { loginId: 'kotra1' }), []);
  });

  test('each missing piece fails its own item and code', () => {
    assert.deepEqual(failed('trade202!'), []);
    assert.deepEqual(failed('trade20!'), ['length']);
    assert.deepEqual(failed('trade2026'), ['special']);
    assert.deepEqual(failed('tradetrade!'), ['digit']);
    assert.deepEqual(failed('20262026!'), ['letter']);
    assert.deepEqual(passwordErrors('trade20!', kotraPolicy), ['PASSWORD_TOO_SHORT']);
    assert.deepEqual(passwordErrors('abc', kotraPolicy), [
      'PASSWORD_TOO_SHORT',
      'PASSWORD_DIGIT_MISSING',
      'PASSWORD_SPECIAL_MISSING',
    ]);
    assert.deepEqual(passwordErrors('2026!2026', kotraPolicy), ['PASSWORD_LETTER_MISSING']);
  });

  test('too long', () => {
    assert.deepEqual(passwordErrors(`a1!${'x'.repeat(62)}`, kotraPolicy), ['PASSWORD_TOO_LONG']);
    assert.deepEqual(passwordErrors(`a1!${'x'.repeat(61)}`, kotraPolicy), []);
  });

  test('spaces and non-ASCII characters are refused', () => {
    assert.deepEqual(failed('trade 2026!'), ['chars']);
    assert.deepEqual(passwordErrors('비밀번호trade2026!', kotraPolicy), ['PASSWORD_CHARS']);
  });

  test('the login ID may not appear, whatever the case', () => {
    assert.deepEqual(failed('KOTRA1abc!', kotraPolicy, 'kotra1'), ['notLoginId']);
    assert.deepEqual(passwordErrors('x!Kotra1abc', kotraPolicy, { loginId: 'kotra1' }), ['PASSWORD_CONTAINS_LOGIN_ID']);
    // Without an ID, or with one still being typed, the item passes.
    assert.deepEqual(failed('KOTRA1abc!', kotraPolicy), []);
    assert.deepEqual(failed('KOTRA1abc!', kotraPolicy, 'kot'), []);
  });
});

describe('default policy: 8+ with 2 kinds, or 10+ with 1 kind', () => {
  test('checklist items', () => {
    assert.deepEqual(passwordRules(defaultPolicy), ['length', 'kinds', 'chars', 'notLoginId']);
  });

  test('concrete examples', () => {
    assert.deepEqual(failed('abcd1234', defaultPolicy), []);
    assert.deepEqual(failed('abcdefg!', defaultPolicy), []);
    assert.deepEqual(failed('abcdefgh', defaultPolicy), ['kinds']);
    assert.deepEqual(failed('abcdefghij', defaultPolicy), []);
    assert.deepEqual(failed('1234567890', defaultPolicy), []);
    assert.deepEqual(failed('abc123', defaultPolicy), ['length', 'kinds']);
    assert.deepEqual(passwordErrors('abcdefgh', defaultPolicy), ['PASSWORD_KINDS']);
    assert.deepEqual(passwordErrors('abc1', defaultPolicy), ['PASSWORD_TOO_SHORT', 'PASSWORD_KINDS']);
  });

  test('the older "2 kinds/10+ or 3 kinds/8+" rule is expressible', () => {
    const older = definePolicy({
      password: { alternatives: [{ minLength: 10, minKinds: 2 }, { minLength: 8, minKinds: 3 }] },
    });
    assert.deepEqual(failed('abcd1234', older), ['kinds']);
    assert.deepEqual(failed('abcd123!', older), []);
    assert.deepEqual(failed('abcde12345', older), []);
  });
});

describe('repeat limit', () => {
  const policy = definePolicy({ password: { maxRepeat: 3 } });
  test('only present when the policy sets it', () => {
    assert.ok(passwordRules(policy).includes('repeat'));
    assert.ok(!passwordRules(defaultPolicy).includes('repeat'));
  });
  test('four identical characters in a row fail, three pass', () => {
    assert.deepEqual(passwordErrors('aaa1bbb2c', policy), []);
    assert.deepEqual(passwordErrors('aaaa1bbb2', policy), ['PASSWORD_REPEAT']);
  });
});

describe('confirmation', () => {
  test('null until typed, then whether it matches', () => {
    assert.equal(checkPassword('trade2026!', kotraPolicy).confirmationMatches, null);
    assert.equal(checkPassword('trade2026!', kotraPolicy, { confirmation: '' }).confirmationMatches, null);
    assert.equal(checkPassword('trade2026!', kotraPolicy, { confirmation: 'trade2026!' }).confirmationMatches, true);
    assert.equal(checkPassword('trade2026!', kotraPolicy, { confirmation: 'trade2026' }).confirmationMatches, false);
  });

  test('the confirmation does not change `valid`', () => {
    assert.equal(checkPassword('trade2026!', kotraPolicy, { confirmation: 'nope' }).valid, true);
  });

  test('codes', () => {
    assert.equal(checkPasswordConfirmation('a', undefined), null);
    assert.equal(checkPasswordConfirmation('a', ''), 'PASSWORD_CONFIRMATION_REQUIRED');
    assert.equal(checkPasswordConfirmation('a', 'b'), 'PASSWORD_CONFIRMATION_MISMATCH');
    assert.equal(checkPasswordConfirmation('a', 'a'), null);
    assert.deepEqual(passwordErrors('trade2026!', kotraPolicy, { confirmation: 'trade2026?' }), [
      'PASSWORD_CONFIRMATION_MISMATCH',
    ]);
    assert.deepEqual(passwordErrors('', kotraPolicy, { confirmation: '' }), [
      'PASSWORD_REQUIRED',
      'PASSWORD_CONFIRMATION_REQUIRED',
    ]);
  });
});
