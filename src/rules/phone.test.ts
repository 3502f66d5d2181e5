import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkPhone, formatPhoneNumber, normalizePhoneNumber, phoneKind, type PhoneKind } from './phone.ts';

// [typed digits, display form, kind]
const ranges: [string, string, PhoneKind][] = [
  ['01012345678', '010-1234-5678', 'mobile'],
  ['0111234567', '011-123-4567', 'mobile-legacy'],
  ['01612345678', '016-1234-5678', 'mobile-legacy'],
  ['0191234567', '019-123-4567', 'mobile-legacy'],
  ['021234567', '02-123-4567', 'landline'],
  ['0212345678', '02-1234-5678', 'landline'],
  ['0311234567', '031-123-4567', 'landline'],
  ['03112345678', '031-1234-5678', 'landline'],
  ['0331234567', '033-123-4567', 'landline'],
  ['0441234567', '044-123-4567', 'landline'],
  ['05112345678', '051-1234-5678', 'landline'],
  ['0551234567', '055-123-4567', 'landline'],
  ['0641234567', '064-123-4567', 'landline'],
  ['07012345678', '070-1234-5678', 'internet'],
  ['05051234567', '0505-123-4567', 'personal'],
  ['050412345678', '0504-1234-5678', 'personal'],
  ['0801234567', '080-123-4567', 'toll-free'],
  ['15881234', '1588-1234', 'representative'],
  ['16007119', '1600-7119', 'representative'],
  ['18991234', '1899-1234', 'representative'],
];

describe('phone numbers by range', () => {
  for (const [digits, display, kind] of ranges) {
    test(`${digits} → ${display} (${kind})`, () => {
      assert.equal(formatPhoneNumber(digits), display);
      assert.equal(formatPhoneNumber(display), display);
      assert.equal(normalizePhoneNumber(display), digits);
      assert.equal(phoneKind(display), kind);
      assert.equal(checkPhone(display), null);
    });
  }
});

describe('input forms', () => {
  test('any hyphenation, spaces, dots, brackets and full-width digits', () => {
    for (const typed of ['010-1234-5678', '010 1234 5678', '010.1234.5678', '０１０－１２３４－５６７８', '010–1234—5678', ' 01012345678 ']) {
      assert.equal(formatPhoneNumber(typed), '010-1234-5678', typed);
      assert.equal(checkPhone(typed), null, typed);
    }
    assert.equal(formatPhoneNumber('(02) 123-4567'), '02-123-4567');
  });

  test('+82 and 82 prefixes become the domestic 0', () => {
    assert.equal(normalizePhoneNumber('+82 10-1234-5678'), '01012345678');
    assert.equal(normalizePhoneNumber('+82-10-1234-5678'), '01012345678');
    assert.equal(normalizePhoneNumber('82 10 1234 5678'), '01012345678');
    assert.equal(normalizePhoneNumber('+82 (0)2 123 4567'), '021234567');
    assert.equal(normalizePhoneNumber('0082 2 1234 5678'), '0212345678');
    assert.equal(normalizePhoneNumber('+82 010-1234-5678'), '01012345678');
    assert.equal(formatPhoneNumber('+82 31 123 4567'), '031-123-4567');
    assert.equal(checkPhone('+82 10-1234-5678', { kinds: ['mobile'] }), null);
  });

  test('partial numbers format as far as they go', () => {
    assert.equal(formatPhoneNumber('010'), '010');
    assert.equal(formatPhoneNumber('0101'), '010-1');
    assert.equal(formatPhoneNumber('0101234'), '010-1234');
    assert.equal(formatPhoneNumber('01012345'), '010-1234-5');
    assert.equal(formatPhoneNumber('02123'), '02-123');
    assert.equal(formatPhoneNumber('021234'), '02-123-4');
    assert.equal(formatPhoneNumber('0212345'), '02-123-45');
    assert.equal(formatPhoneNumber('15881'), '1588-1');
  });

  test('unknown ranges and overlong numbers come back as digits', () => {
    assert.equal(formatPhoneNumber('0601234567'), '0601234567');
    assert.equal(formatPhoneNumber('12345678'), '12345678');
    assert.equal(formatPhoneNumber('010123456789'), '010123456789');
    assert.equal(formatPhoneNumber('0'), '0');
  });
});

describe('checkPhone', () => {
  test('required, invalid characters, incomplete and unknown numbers', () => {
    assert.equal(checkPhone(''), 'PHONE_REQUIRED');
    assert.equal(checkPhone('  '), 'PHONE_REQUIRED');
    assert.equal(checkPhone('010-1234-567a'), 'PHONE_INVALID');
    assert.equal(checkPhone('010-1234-567'), 'PHONE_INVALID');
    assert.equal(checkPhone('0101234567'), 'PHONE_INVALID');
    assert.equal(checkPhone('060-123-4567'), 'PHONE_INVALID');
    assert.equal(checkPhone('034-123-4567'), 'PHONE_INVALID');
    assert.equal(checkPhone('1234-5678'), 'PHONE_INVALID');
    assert.equal(checkPhone('10-1234-5678+'), 'PHONE_INVALID');
  });

  test('kinds restrict the field', () => {
    assert.equal(checkPhone('02-123-4567', { kinds: ['mobile'] }), 'PHONE_KIND_NOT_ALLOWED');
    assert.equal(checkPhone('011-123-4567', { kinds: ['mobile'] }), 'PHONE_KIND_NOT_ALLOWED');
    assert.equal(checkPhone('011-123-4567', { kinds: ['mobile', 'mobile-legacy'] }), null);
    assert.equal(checkPhone('0505-123-4567', { kinds: ['landline', 'personal'] }), null);
  });

  test('phoneKind is null for incomplete numbers', () => {
    assert.equal(phoneKind('010-1234'), null);
    assert.equal(phoneKind('02-12-3456'), null);
    assert.equal(phoneKind(''), null);
  });
});
