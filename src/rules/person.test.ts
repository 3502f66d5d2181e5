import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkEnglishName, checkKoreanName, genderAnswers, isGenderAnswer } from './person.ts';

describe('checkKoreanName (from verification: presence and length only)', () => {
  test('any characters are accepted', () => {
    for (const name of ['홍길동', '남궁 민수', 'John Smith', '김 알렉산드르', '선우용녀']) {
      assert.equal(checkKoreanName(name), null, name);
    }
  });
  test('required and too long', () => {
    assert.equal(checkKoreanName(''), 'NAME_KO_REQUIRED');
    assert.equal(checkKoreanName(' \t'), 'NAME_KO_REQUIRED');
    assert.equal(checkKoreanName('가'.repeat(50)), null);
    assert.equal(checkKoreanName('가'.repeat(51)), 'NAME_KO_TOO_LONG');
  });
});

describe('checkEnglishName', () => {
  test('Latin letters, spaces, hyphens, apostrophes, periods; any case', () => {
    for (const name of ['HONG GILDONG', 'Hong Gil-dong', "O'Brien", 'O’Neil', 'Martin Luther King Jr.', 'José Müller', 'Nguyễn Văn An', 'de la Cruz']) {
      assert.equal(checkEnglishName(name), null, name);
    }
  });
  test('other characters are refused', () => {
    for (const name of ['홍길동', 'Hong2', 'Hong_Gildong', 'Hong@', "'-.", 'Ｈｏｎｇ', 'Hong\tGildong']) {
      assert.equal(checkEnglishName(name), 'NAME_EN_CHARS', name);
    }
  });
  test('required and too long', () => {
    assert.equal(checkEnglishName(''), 'NAME_EN_REQUIRED');
    assert.equal(checkEnglishName('A'.repeat(100)), null);
    assert.equal(checkEnglishName('A'.repeat(101)), 'NAME_EN_TOO_LONG');
  });
});

describe('gender answers', () => {
  test('male, female, or no answer; nothing by default', () => {
    assert.deepEqual([...genderAnswers], ['male', 'female', 'unspecified']);
    assert.equal(isGenderAnswer('unspecified'), true);
    assert.equal(isGenderAnswer(''), false);
    assert.equal(isGenderAnswer(undefined), false);
  });
});
