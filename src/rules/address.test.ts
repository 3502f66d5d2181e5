import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkAddress, checkPostcode } from './address.ts';

const kotraHq = { postcode: '06792', base: '서울특별시 서초구 헌릉로 13', detail: '2층' };
const blank = { postcode: '', base: '', detail: '' };

describe('checkAddress', () => {
  test('a complete address passes', () => {
    assert.deepEqual(checkAddress(kotraHq, { required: true }), []);
    assert.deepEqual(checkAddress({ ...kotraHq, detail: '' }, { required: true }), []);
    assert.deepEqual(
      checkAddress({ ...kotraHq, extra: '(양재동)', jibun: '서울 서초구 염곡동 300-9', english: '13 Heolleung-ro, Seocho-gu, Seoul' }, { required: true }),
      [],
    );
  });

  test('required: each missing part at its path', () => {
    assert.deepEqual(checkAddress(blank, { required: true }), [
      { path: ['postcode'], code: 'ADDRESS_POSTCODE_REQUIRED' },
      { path: ['base'], code: 'ADDRESS_BASE_REQUIRED' },
    ]);
  });

  test('optional: blank passes, a started address must be complete', () => {
    assert.deepEqual(checkAddress(blank, { required: false }), []);
    assert.deepEqual(checkAddress({ ...blank, extra: ' ' }, { required: false }), []);
    assert.deepEqual(checkAddress({ ...blank, detail: '101호' }, { required: false }), [
      { path: ['postcode'], code: 'ADDRESS_POSTCODE_REQUIRED' },
      { path: ['base'], code: 'ADDRESS_BASE_REQUIRED' },
    ]);
  });

  test('too long parts', () => {
    assert.deepEqual(
      checkAddress(
        { postcode: '06792', base: '가'.repeat(201), detail: '나'.repeat(101), extra: 'x'.repeat(101), jibun: 'y'.repeat(201), english: 'z'.repeat(301) },
        { required: true },
      ),
      [
        { path: ['base'], code: 'ADDRESS_BASE_TOO_LONG' },
        { path: ['detail'], code: 'ADDRESS_DETAIL_TOO_LONG' },
        { path: ['extra'], code: 'ADDRESS_EXTRA_TOO_LONG' },
        { path: ['jibun'], code: 'ADDRESS_JIBUN_TOO_LONG' },
        { path: ['english'], code: 'ADDRESS_ENGLISH_TOO_LONG' },
      ],
    );
  });

  test('postcodes: 5 digits', () => {
    assert.equal(checkPostcode('06792'), null);
    assert.equal(checkPostcode('０６７９２'), null);
    assert.equal(checkPostcode(''), 'ADDRESS_POSTCODE_REQUIRED');
    assert.equal(checkPostcode('137-070'), 'ADDRESS_POSTCODE_INVALID');
    assert.equal(checkPostcode('0679'), 'ADDRESS_POSTCODE_INVALID');
    assert.equal(checkPostcode('0679a'), 'ADDRESS_POSTCODE_INVALID');
  });
});
