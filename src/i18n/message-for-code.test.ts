// messageForCode before a code's words are in: the API-error and field-rule words are their own areas
// (areas.ts), loaded with what shows them; a code shown earlier starts its area's load and reads, meanwhile,
// as a core sentence in the page's language — never a key, never the Korean of another area.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLocaleReady, loadLocale, messageForCode, onMessagesChange, translate, type Locale } from './index.ts';
import type { MessageArea } from './areas.ts';

const hangul = /[\uAC00-\uD7A3]/;

/** Resolves once these areas of the locale are in (each arrival notifies the listeners). */
function loaded(locale: Locale, areas: MessageArea[]): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!isLocaleReady(locale, areas)) return;
      stop();
      resolve();
    };
    const stop = onMessagesChange(check);
    check();
  });
}

test('the first step\'s field code is a core word: answered with only core in', async () => {
  await loadLocale('ko', ['core']);
  assert.equal(isLocaleReady('ko', ['rules']), false);
  assert.equal(messageForCode('ko', 'CHOICE_REQUIRED'), '하나를 선택해 주세요.');
});

test('a field code before the rules: "check this entry" meanwhile, its own sentence once they arrive', async () => {
  await loadLocale('ko', ['core', 'errors']);
  assert.equal(messageForCode('ko', 'LOGIN_ID_TAKEN'), '이미 사용 중인 아이디입니다. 다른 아이디를 입력해 주세요.', 'a code that is an API code too reads from the errors');
  assert.equal(messageForCode('ko', 'LOGIN_ID_REQUIRED'), translate('ko', 'common.checkEntry'));
  await loaded('ko', ['rules']);
  assert.equal(messageForCode('ko', 'LOGIN_ID_REQUIRED'), '아이디를 입력해 주세요.');
});

test('an English API error before the errors: the English generic sentence, not a key nor Korean; then its own', async () => {
  await loadLocale('en', ['core']);
  assert.ok(isLocaleReady('ko', ['errors', 'rules']), 'Korean has them (the fallback language)');
  const meanwhile = messageForCode('en', 'NETWORK_ERROR');
  assert.equal(meanwhile, 'Something went wrong. Please try again shortly.');
  assert.doesNotMatch(meanwhile, hangul);
  assert.doesNotMatch(messageForCode('en', 'PASSWORD_TOO_SHORT', { min: 9 }), hangul, 'a field code neither');
  await loaded('en', ['errors', 'rules']);
  assert.match(messageForCode('en', 'NETWORK_ERROR'), /check your internet connection/);
  assert.match(messageForCode('en', 'PASSWORD_TOO_SHORT', { min: 9 }), /at least 9 characters/);
});

test('a code no catalogue knows reads as the generic sentence once every area is in', async () => {
  await loadLocale('en', ['core', 'errors', 'rules']);
  assert.equal(messageForCode('en', 'NO_SUCH_CODE_FROM_A_NEWER_SERVER'), translate('en', 'error.UNKNOWN'));
});
