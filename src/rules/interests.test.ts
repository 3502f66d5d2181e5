import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkTradeBusinessNumber } from './company.ts';
import { checkInterestItems, checkInterestRegions, checkProductCode, normalizeRegionCode } from './interests.ts';
import { checkEnglishText, checkText } from './text.ts';

const limits = { maxItems: 3, maxRegions: 3 };

describe('interest items', () => {
  test('rows with a name in either language pass', () => {
    assert.deepEqual(
      checkInterestItems(
        [
          { nameKo: '반도체', nameEn: 'Semiconductors', productCode: '8541.40' },
          { nameKo: '화장품', nameEn: '' },
          { nameKo: '', nameEn: 'LED lamps (12V)', productCode: '' },
        ],
        limits,
      ),
      [],
    );
  });

  test('per-row codes at [row, field]', () => {
    assert.deepEqual(
      checkInterestItems(
        [
          { nameKo: ' ', nameEn: '' },
          { nameKo: '가'.repeat(101), nameEn: '반도체', productCode: '12' },
        ],
        limits,
      ),
      [
        { path: [0, 'nameKo'], code: 'INTEREST_ITEM_NAME_REQUIRED' },
        { path: [1, 'nameKo'], code: 'TEXT_TOO_LONG' },
        { path: [1, 'nameEn'], code: 'TEXT_NOT_ENGLISH' },
        { path: [1, 'productCode'], code: 'INTEREST_ITEM_CODE_INVALID' },
      ],
    );
  });

  test('too many rows', () => {
    const row = { nameKo: '김', nameEn: '' };
    assert.deepEqual(checkInterestItems([row, row, row], limits), []);
    assert.deepEqual(checkInterestItems([row, row, row, row], limits), [{ path: [], code: 'INTEREST_ITEMS_TOO_MANY' }]);
  });

  test('product codes: 4–10 digits', () => {
    assert.equal(checkProductCode('8541'), null);
    assert.equal(checkProductCode('8541.40.1000'), null);
    assert.equal(checkProductCode('854'), 'INTEREST_ITEM_CODE_INVALID');
    assert.equal(checkProductCode('85414010001'), 'INTEREST_ITEM_CODE_INVALID');
    assert.equal(checkProductCode('HS8541'), 'INTEREST_ITEM_CODE_INVALID');
  });
});

describe('interest regions', () => {
  test('ISO alpha-2 codes, no repeats, at most the limit', () => {
    assert.deepEqual(checkInterestRegions(['US', 'VN', 'DE'], limits), []);
    assert.deepEqual(checkInterestRegions(['us', 'USA', 'VN', 'VN'], limits), [
      { path: [], code: 'INTEREST_REGIONS_TOO_MANY' },
      { path: [0], code: 'INTEREST_REGION_INVALID' },
      { path: [1], code: 'INTEREST_REGION_INVALID' },
      { path: [3], code: 'INTEREST_REGION_DUPLICATE' },
    ]);
    assert.equal(normalizeRegionCode(' vn '), 'VN');
  });
});

describe('text fields and trade number', () => {
  test('checkText and checkEnglishText', () => {
    assert.equal(checkText('', { maxLength: 3 }), 'TEXT_REQUIRED');
    assert.equal(checkText('abc', { maxLength: 3 }), null);
    assert.equal(checkText('abcd', { maxLength: 3 }), 'TEXT_TOO_LONG');
    assert.equal(checkEnglishText('Samsung Electronics Co., Ltd.', { maxLength: 100 }), null);
    assert.equal(checkEnglishText('삼성전자', { maxLength: 100 }), 'TEXT_NOT_ENGLISH');
  });

  test('trade business number', () => {
    assert.equal(checkTradeBusinessNumber('12345678'), null);
    assert.equal(checkTradeBusinessNumber('AB-1234'), null);
    assert.equal(checkTradeBusinessNumber(''), 'TRADE_NUMBER_REQUIRED');
    assert.equal(checkTradeBusinessNumber('12/34'), 'TRADE_NUMBER_INVALID');
    assert.equal(checkTradeBusinessNumber('1'.repeat(21)), 'TRADE_NUMBER_INVALID');
  });
});
