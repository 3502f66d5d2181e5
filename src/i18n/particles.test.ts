// The Korean catalogue read once for particles: a fixed word takes the particle its last sound asks
// for (주소 검색으로, not 검색로), and a word filled in at run time is written `{x}을(를)` for withParticles.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import './all-locales.ts';
import { finalSound } from './josa.ts';
import { ko } from './ko.ts';
import { messageForCode, translate } from './index.ts';

// Words that end in these syllables on their own (not particles).
const words = ['세종로', '경로', '진로', '통로', '마을', '가을', '효과', '초과', '사과', '세종대로'];
const checks: ReadonlyArray<[RegExp, (ending: string) => boolean, string]> = [
  [/([\uAC00-\uD7A3])를/gu, (ending) => ending === 'none', '를 only after no 받침'],
  [/([\uAC00-\uD7A3])와(?![\uAC00-\uD7A3])/gu, (ending) => ending === 'none', '와 only after no 받침'],
  [/([\uAC00-\uD7A3])으로/gu, (ending) => ending === 'other', '으로 only after a 받침 other than ㄹ'],
  [/([\uAC00-\uD7A3])로(?![\uAC00-\uD7A3])/gu, (ending) => ending !== 'other', '로 only after no 받침 or ㄹ'],
];

test('every Korean message uses the particle its word takes', () => {
  const problems: string[] = [];
  for (const [key, text] of Object.entries(ko)) {
    for (const [pattern, fits, rule] of checks) {
      for (const match of text.matchAll(pattern)) {
        const at = match.index ?? 0;
        if (words.some((word) => text.slice(Math.max(0, at - word.length + 2), at + match[0].length).endsWith(word))) continue;
        if (!fits(finalSound(match[1]!)!)) problems.push(`${key}: "${text.slice(Math.max(0, at - 4), at + match[0].length + 2)}" (${rule})`);
      }
    }
    // A placeholder followed by a one-form particle reads wrong for half the values.
    for (const match of text.matchAll(/\}(을|를|이|가|은|는|으로|로|과|와)(?=[\s.,]|$)/gu)) problems.push(`${key}: "}${match[1]}" needs the two-form particle`);
  }
  assert.deepEqual(problems, []);
});

test('a word filled in gets its particle', () => {
  assert.equal(translate('ko', 'signup.done.next.login', { loginId: 'hong2026' }), '아이디 hong2026으로 로그인해 서비스를 이용하세요.');
  assert.equal(translate('ko', 'signup.done.next.login', { loginId: 'kim2' }), '아이디 kim2로 로그인해 서비스를 이용하세요.');
  assert.equal(translate('ko', 'signup.identity.nationalityChanged', { nationality: '외국인' }), '본인인증 결과에 따라 국적을 외국인으로 바꿨습니다.');
});

test('a phone field error names the field as its label does', () => {
  assert.equal(messageForCode('ko', 'PHONE_REQUIRED', { field: '휴대전화 번호' }), '휴대전화 번호를 입력해 주세요.');
  assert.equal(messageForCode('ko', 'PHONE_REQUIRED', { field: '팩스 번호' }), '팩스 번호를 입력해 주세요.');
  assert.equal(messageForCode('ko', 'PHONE_REQUIRED'), '전화번호를 입력해 주세요.', 'without a label: the plain form');
  assert.equal(messageForCode('en', 'PHONE_INVALID', { field: 'Mobile number' }).startsWith('Mobile number:'), true);
});
