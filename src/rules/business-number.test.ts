import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  checkBusinessNumber,
  checkCorporateNumber,
  formatBusinessNumber,
  formatCorporateNumber,
  isValidBusinessNumber,
  isValidCorporateNumber,
} from './business-number.ts';
import { normalizeDigits, parseDigits } from './digits.ts';

const toFullWidth = (value: string) => value.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
/** Each vector as typed with hyphens, bare digits, full-width, and spaced out. */
const spellings = (value: string) => [value, value.replaceAll('-', ''), toFullWidth(value), value.replaceAll('-', ' – ')];

describe('digits', () => {
  test('normalizeDigits keeps ASCII and full-width digits only', () => {
    assert.equal(normalizeDigits('１２４-８１ 00998'), '1248100998');
    assert.equal(normalizeDigits('abc'), '');
  });
  test('parseDigits refuses letters but accepts any separator', () => {
    assert.equal(parseDigits('124‐81．00998'), '1248100998');
    assert.equal(parseDigits('(02) 123 - 4567'), '021234567');
    assert.equal(parseDigits('124-8l-00998'), null);
  });
});

describe('business registration number (사업자등록번호)', () => {
  for (const valid of ['124-81-00998', '120-81-47521', '220-81-62517', '116-82-00276', '106-81-00030']) {
    test(`${valid} is valid in every spelling`, () => {
      for (const spelling of spellings(valid)) {
        assert.equal(checkBusinessNumber(spelling), null, spelling);
        assert.equal(isValidBusinessNumber(spelling), true, spelling);
      }
    });
  }

  test('a check digit of 0 passes (106-81-00030)', () => {
    assert.equal(isValidBusinessNumber('1068100030'), true);
  });

  for (const invalid of ['124-81-00999', '116-82-00278', '123-45-67890']) {
    test(`${invalid} fails the checksum in every spelling`, () => {
      for (const spelling of spellings(invalid)) assert.equal(checkBusinessNumber(spelling), 'BRN_CHECKSUM', spelling);
    });
  }

  test('required, characters, length', () => {
    assert.equal(checkBusinessNumber(''), 'BRN_REQUIRED');
    assert.equal(checkBusinessNumber('   '), 'BRN_REQUIRED');
    assert.equal(checkBusinessNumber('124-81-0099A'), 'BRN_CHARS');
    assert.equal(checkBusinessNumber('124-81-0099'), 'BRN_LENGTH');
    assert.equal(checkBusinessNumber('124-81-009980'), 'BRN_LENGTH');
  });

  test('format groups XXX-XX-XXXXX, progressively while typing', () => {
    assert.equal(formatBusinessNumber('1248100998'), '124-81-00998');
    assert.equal(formatBusinessNumber('１２４８１００９９８'), '124-81-00998');
    assert.equal(formatBusinessNumber('124 81 00998'), '124-81-00998');
    assert.equal(formatBusinessNumber(''), '');
    assert.equal(formatBusinessNumber('12'), '12');
    assert.equal(formatBusinessNumber('124'), '124');
    assert.equal(formatBusinessNumber('1248'), '124-8');
    assert.equal(formatBusinessNumber('12481'), '124-81');
    assert.equal(formatBusinessNumber('124810'), '124-81-0');
    assert.equal(formatBusinessNumber('12481009981'), '12481009981');
  });
});

describe('corporate registration number (법인등록번호)', () => {
  for (const valid of ['130111-0006246', '110111-0062432']) {
    test(`${valid} is valid in every spelling`, () => {
      for (const spelling of spellings(valid)) {
        assert.equal(checkCorporateNumber(spelling), null, spelling);
        assert.equal(isValidCorporateNumber(spelling), true, spelling);
      }
    });
  }

  test('130111-0006247 fails the checksum in every spelling', () => {
    for (const spelling of spellings('130111-0006247')) {
      assert.equal(checkCorporateNumber(spelling), 'CRN_CHECKSUM', spelling);
    }
  });

  test('required, characters, length', () => {
    assert.equal(checkCorporateNumber(''), 'CRN_REQUIRED');
    assert.equal(checkCorporateNumber('130111-000624X'), 'CRN_CHARS');
    assert.equal(checkCorporateNumber('130111-000624'), 'CRN_LENGTH');
  });

  test('format groups XXXXXX-XXXXXXX, progressively while typing', () => {
    assert.equal(formatCorporateNumber('1301110006246'), '130111-0006246');
    assert.equal(formatCorporateNumber('130111 0006246'), '130111-0006246');
    assert.equal(formatCorporateNumber('13011'), '13011');
    assert.equal(formatCorporateNumber('130111'), '130111');
    assert.equal(formatCorporateNumber('1301110'), '130111-0');
    assert.equal(formatCorporateNumber('13011100062461'), '13011100062461');
  });
});
