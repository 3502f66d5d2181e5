import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLocaleReady, loadLocale, onMessagesChange, overrideMessages, registerLocale, toLocale, translate } from './index.ts';

test('only the requested catalogue loads, on demand', async () => {
  assert.equal(isLocaleReady('en'), false, 'nothing loaded at import');
  await loadLocale('en');
  assert.equal(isLocaleReady('en'), true);
  assert.equal(isLocaleReady('ko'), false, 'Korean not loaded for an English page');
  assert.equal(translate('en', 'common.next'), 'Next');
});

test('a page loads only the message areas it asks for, each once', async () => {
  assert.equal(isLocaleReady('ko', ['core', 'signup']), false, 'nothing of Korean loaded yet');
  await loadLocale('ko', ['core', 'signup']);
  assert.equal(isLocaleReady('ko', ['core', 'signup']), true);
  assert.equal(isLocaleReady('ko', ['identity']), false, 'another area is not loaded with them');
  assert.equal(translate('ko', 'identity.choice.title'), 'identity.choice.title', 'its keys are not there yet');
  await loadLocale('ko', ['identity']);
  assert.notEqual(translate('ko', 'identity.choice.title'), 'identity.choice.title');
  assert.equal(isLocaleReady('ko', ['core', 'signup', 'identity']), true);
});

test('a site overrides a message; listeners hear it; other locales keep theirs', async () => {
  await loadLocale('ko');
  let heard = 0;
  const stop = onMessagesChange(() => (heard += 1));
  overrideMessages('ko', { 'common.next': '계속' });
  stop();
  assert.equal(heard, 1);
  assert.equal(translate('ko', 'common.next'), '계속');
  assert.equal(translate('en', 'common.next'), 'Next');
});

test('a site registers a third locale; missing keys read in Korean', async () => {
  assert.equal(toLocale('ja-JP'), undefined, 'unknown before registration');
  registerLocale('ja', async () => ({ 'common.previous': '戻る' }));
  assert.equal(toLocale('ja-JP'), 'ja');
  await loadLocale('ja' as never);
  assert.equal(translate('ja' as never, 'common.previous'), '戻る');
  assert.equal(translate('ja' as never, 'common.cancel'), '취소');
});
