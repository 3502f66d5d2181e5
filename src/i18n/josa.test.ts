import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { finalSound, particle, withParticles } from './josa.ts';

describe('Korean particles', () => {
  it('reads the last syllable: no 받침, ㄹ 받침, another 받침', () => {
    assert.equal(finalSound('아이디'), 'none');
    assert.equal(finalSound('휴대전화 번호'), 'none');
    assert.equal(finalSound('우편번호'), 'none');
    assert.equal(finalSound('기본주소'), 'none');
    assert.equal(finalSound('이메일'), 'rieul');
    assert.equal(finalSound('이름(한글)'), 'rieul');
    assert.equal(finalSound('전화번호 (필수)'), 'none');
    assert.equal(finalSound('상세주소'), 'none');
    assert.equal(finalSound('주소 검색'), 'other');
    assert.equal(finalSound(''), undefined);
  });

  it('reads digits and Latin letters as they are said', () => {
    assert.equal(finalSound('010-1234-5678'), 'rieul');
    assert.equal(finalSound('hong2026'), 'other');
    assert.equal(finalSound('kim1'), 'rieul');
    assert.equal(finalSound('kim2'), 'none');
    assert.equal(finalSound('SKT'), 'none');
    assert.equal(finalSound('html'), 'rieul');
    assert.equal(finalSound('I-PIN'), 'other');
  });

  it('picks each pair by the ending', () => {
    assert.equal(particle('아이디', '을(를)'), '를');
    assert.equal(particle('휴대전화 번호', '을(를)'), '를');
    assert.equal(particle('생년월일', '을(를)'), '을');
    assert.equal(particle('기업명', '이(가)'), '이');
    assert.equal(particle('이메일', '이(가)'), '이');
    assert.equal(particle('아이디', '은(는)'), '는');
    assert.equal(particle('본인인증', '과(와)'), '과');
    assert.equal(particle('휴대전화', '과(와)'), '와');
  });

  it('takes 로 after a vowel or ㄹ and 으로 after another 받침', () => {
    assert.equal(particle('외국인', '(으)로'), '으로');
    assert.equal(particle('내국인', '(으)로'), '으로');
    assert.equal(particle('아이핀', '(으)로'), '으로');
    assert.equal(particle('휴대전화', '(으)로'), '로');
    assert.equal(particle('이메일', '(으)로'), '로');
    assert.equal(particle('hong2026', '(으)로'), '으로');
    assert.equal(particle('kim1', '(으)로'), '로');
  });

  it('resolves the written forms in a filled text and leaves other parentheses alone', () => {
    assert.equal(withParticles('아이디 hong2026(으)로 로그인할 수 있습니다.'), '아이디 hong2026으로 로그인할 수 있습니다.');
    assert.equal(withParticles('휴대전화 번호을(를) 입력해 주세요.'), '휴대전화 번호를 입력해 주세요.');
    assert.equal(withParticles('국적을 외국인(으)로 바꿨습니다.'), '국적을 외국인으로 바꿨습니다.');
    assert.equal(withParticles('새 창에서 휴대전화 인증을(를) 진행합니다.'), '새 창에서 휴대전화 인증을 진행합니다.');
    assert.equal(withParticles('팩스(02-3460-7932)로 보내 주세요.'), '팩스(02-3460-7932)로 보내 주세요.');
    assert.equal(withParticles('Sign in with hong2026.'), 'Sign in with hong2026.');
    // Nothing to read before it (a symbol): both forms stay, as written.
    assert.equal(withParticles('※을(를)'), '※을(를)');
  });
});
