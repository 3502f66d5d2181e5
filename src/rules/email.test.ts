import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkEmail, isValidDomainName, joinEmail, normalizeEmail, splitEmail } from './email.ts';
import { checkHomepage, normalizeHomepage } from './homepage.ts';

describe('email', () => {
  test('valid addresses', () => {
    for (const email of ['hong@naver.com', 'Hong.Gil-dong+kotra@Daum.NET', 'a_b%c@sub.example.co.kr', 'x@xn--3e0b707e.xn--3e0b707e', ' hong@korea.kr ']) {
      assert.equal(checkEmail(email), null, email);
    }
  });

  test('codes', () => {
    assert.equal(checkEmail(''), 'EMAIL_REQUIRED');
    assert.equal(checkEmail('hong.naver.com'), 'EMAIL_INVALID');
    assert.equal(checkEmail('@naver.com'), 'EMAIL_LOCAL_INVALID');
    assert.equal(checkEmail('.hong@naver.com'), 'EMAIL_LOCAL_INVALID');
    assert.equal(checkEmail('hong.@naver.com'), 'EMAIL_LOCAL_INVALID');
    assert.equal(checkEmail('ho..ng@naver.com'), 'EMAIL_LOCAL_INVALID');
    assert.equal(checkEmail('ho ng@naver.com'), 'EMAIL_LOCAL_INVALID');
    assert.equal(checkEmail('a@b@naver.com'), 'EMAIL_LOCAL_INVALID');
    assert.equal(checkEmail('홍길동@naver.com'), 'EMAIL_LOCAL_INVALID');
    assert.equal(checkEmail('hong@'), 'EMAIL_DOMAIN_INVALID');
    assert.equal(checkEmail('hong@naver'), 'EMAIL_DOMAIN_INVALID');
    assert.equal(checkEmail('hong@naver.c'), 'EMAIL_DOMAIN_INVALID');
    assert.equal(checkEmail('hong@naver.123'), 'EMAIL_DOMAIN_INVALID');
    assert.equal(checkEmail('hong@-naver.com'), 'EMAIL_DOMAIN_INVALID');
    assert.equal(checkEmail('hong@naver..com'), 'EMAIL_DOMAIN_INVALID');
    assert.equal(checkEmail('hong@한국.kr'), 'EMAIL_DOMAIN_INVALID');
    assert.equal(checkEmail(`${'a'.repeat(65)}@naver.com`), 'EMAIL_TOO_LONG');
    assert.equal(checkEmail(`${'a'.repeat(64)}@naver.com`), null);
    assert.equal(checkEmail(`a@${`${'b'.repeat(63)}.`.repeat(4)}com`), 'EMAIL_TOO_LONG');
  });

  test('split and join for the local part + domain list UI', () => {
    assert.deepEqual(splitEmail('hong@naver.com'), { local: 'hong', domain: 'naver.com' });
    assert.deepEqual(splitEmail('hong'), { local: 'hong', domain: '' });
    assert.deepEqual(splitEmail(' a@b@c.com '), { local: 'a@b', domain: 'c.com' });
    assert.equal(joinEmail(' hong ', ' Naver.COM '), 'hong@naver.com');
    assert.equal(joinEmail('', ''), '');
    assert.equal(joinEmail('hong', ''), 'hong@');
    assert.equal(normalizeEmail(' Hong@Naver.Com '), 'Hong@naver.com');
    assert.equal(normalizeEmail(' hong '), 'hong');
  });

  test('domain names', () => {
    assert.equal(isValidDomainName('kotra.or.kr'), true);
    assert.equal(isValidDomainName('localhost'), false);
    assert.equal(isValidDomainName('a_b.com'), false);
  });
});

describe('homepage', () => {
  test('typed with or without scheme', () => {
    for (const url of ['www.kotra.or.kr', 'http://www.kotra.or.kr', 'https://kotra.or.kr/ko/main', 'kotra.or.kr:8080/path?q=1', 'HTTPS://EXAMPLE.COM']) {
      assert.equal(checkHomepage(url), null, url);
    }
    assert.equal(normalizeHomepage(' www.kotra.or.kr '), 'http://www.kotra.or.kr');
    assert.equal(normalizeHomepage('https://kotra.or.kr'), 'https://kotra.or.kr');
    assert.equal(normalizeHomepage('kotra.or.kr:8080'), 'http://kotra.or.kr:8080');
  });

  test('other schemes, credentials, bad hosts', () => {
    assert.equal(checkHomepage(''), 'HOMEPAGE_REQUIRED');
    for (const url of ['javascript:alert(1)', 'ftp://kotra.or.kr', 'mailto:a@b.com', 'http://user:pw@kotra.or.kr', 'http://localhost', 'kotra', 'http://kotra .or.kr', 'http://127.0.0.1', `http://a.com/${'x'.repeat(300)}`]) {
      assert.equal(checkHomepage(url), 'HOMEPAGE_INVALID', url);
    }
  });
});
