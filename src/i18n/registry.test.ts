import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLocaleReady, loadLocale, onMessagesChange, overrideMessages, registerLocale, toLocale, translate } from './index.ts';
import { hasFirstTexts, loadFirstTexts } from './registry.ts';

test('only the requested catalogue loads, on demand; a first render waits for its first-screen texts only', async () => {
  assert.equal(isLocaleReady('en'), false, 'nothing loaded at import');
  await loadFirstTexts('en');
  assert.equal(hasFirstTexts('en'), true);
  assert.equal(translate('en', 'common.next'), 'Next');
  await loadLocale('en');
  assert.equal(isLocaleReady('en'), true);
  assert.equal(isLocaleReady('ko'), false, 'Korean not loaded for an English page');
  assert.equal(translate('en', 'common.next'), 'Next');
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

test('the two parts of a built-in catalogue (first screens, forms) hold exactly its keys; loadLocale brings both', async () => {
  const [{ ko }, { en }, { koMain }, { koForms }, { enMain }, { enForms }] = await Promise.all([
    import('./ko.ts'), import('./en.ts'), import('./ko-main.ts'), import('./ko-forms.ts'), import('./en-main.ts'), import('./en-forms.ts'),
  ]);
  assert.deepEqual({ ...koMain, ...koForms }, ko);
  assert.deepEqual({ ...enMain, ...enForms }, en);
  for (const key of Object.keys(koMain)) assert.ok(!(key in koForms), `${key} in one part only`);
  assert.equal(translate('ko', 'rule.PASSWORD_REQUIRED'), ko['rule.PASSWORD_REQUIRED'], 'loadLocale loads the form texts too');
});
