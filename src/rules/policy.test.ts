import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultPolicy, definePolicy, kotraPolicy } from './policy.ts';

describe('definePolicy', () => {
  test('no overrides gives the default policy', () => {
    assert.deepEqual(definePolicy({}), defaultPolicy);
  });

  test('sections merge key by key; untouched sections stay', () => {
    const policy = definePolicy({ password: { minLength: 12 }, minAge: 19 });
    assert.equal(policy.password.minLength, 12);
    assert.equal(policy.password.maxLength, defaultPolicy.password.maxLength);
    assert.deepEqual(policy.password.alternatives, defaultPolicy.password.alternatives);
    assert.equal(policy.minAge, 19);
    assert.deepEqual(policy.loginId, defaultPolicy.loginId);
  });

  test('arrays replace instead of merging', () => {
    const policy = definePolicy({ emailDomains: ['example.go.kr'], password: { requiredKinds: ['digit'] } });
    assert.deepEqual(policy.emailDomains, ['example.go.kr']);
    assert.deepEqual(policy.password.requiredKinds, ['digit']);
  });

  test('undefined values are ignored', () => {
    const policy = definePolicy({ minAge: undefined, password: { minLength: undefined } });
    assert.equal(policy.minAge, 14);
    assert.equal(policy.password.minLength, defaultPolicy.password.minLength);
  });

  test('another base policy', () => {
    const policy = definePolicy({ required: { mobile: true } }, kotraPolicy);
    assert.equal(policy.required.mobile, true);
    assert.equal(policy.required.phone, kotraPolicy.required.phone);
    assert.deepEqual(policy.password, kotraPolicy.password);
  });

  test('the base policies are not modified', () => {
    const before = structuredClone(defaultPolicy);
    definePolicy({ password: { minLength: 30 }, emailDomains: [] });
    assert.deepEqual(defaultPolicy, before);
  });

  test('both built-in policies refuse signups under 14', () => {
    assert.equal(defaultPolicy.minAge, 14);
    assert.equal(kotraPolicy.minAge, 14);
    assert.ok(kotraPolicy.emailDomains.includes('naver.com'));
  });
});
