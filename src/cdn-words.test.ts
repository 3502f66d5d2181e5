import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadFailureWords } from './cdn-words.ts';
import { en } from './i18n/en.ts';
import { ko } from './i18n/ko.ts';

test("the CDN entry's load-failure note says what the catalogues say (it cannot load them: they are chunks too)", () => {
  assert.deepEqual(loadFailureWords.ko, { message: ko['error.NETWORK_ERROR'], retry: ko['common.retry'] });
  assert.deepEqual(loadFailureWords.en, { message: en['error.NETWORK_ERROR'], retry: en['common.retry'] });
});
