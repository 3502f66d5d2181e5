import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanText } from './text.ts';

test('cleanText removes invisible characters, then normalises: cleaning again changes nothing', () => {
  // Two combining marks around a NUL (found by the fuzz suite): without the NUL they must be put in canonical order.
  const value = '\u1dc0\u0000\u0316';
  const once = cleanText(value);
  assert.equal(once, '\u0316\u1dc0', 'the marks in canonical order (below before above)');
  assert.equal(cleanText(once), once);
  assert.equal(cleanText('한\u200b글\u202e'), '한글');
  assert.equal(cleanText('e\u0301'), '\u00e9', 'composed');
});
