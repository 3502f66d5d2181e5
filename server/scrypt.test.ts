import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pbkdf2Hasher } from './crypto.ts';
import { scryptHasher } from './scrypt.ts';

for (const [name, hasher] of [['scrypt', scryptHasher(2 ** 10)], ['pbkdf2', pbkdf2Hasher(1000)]] as const) {
  test(`${name}: a hash verifies its password only, is salted, and keeps its parameters`, async () => {
    const first = await hasher.hash('비밀번호Passw0rd!');
    const second = await hasher.hash('비밀번호Passw0rd!');
    assert.notEqual(first, second);
    assert.ok(first.startsWith(`${name}$`));
    assert.equal(await hasher.verify('비밀번호Passw0rd!', first), true);
    // NFC and NFD spellings of the same Korean text are the same password.
    assert.equal(await hasher.verify('비밀번호Passw0rd!'.normalize('NFD'), first), true);
    assert.equal(await hasher.verify('비밀번호Passw0rd?', first), false);
    assert.equal(await hasher.verify('비밀번호Passw0rd!', 'garbage'), false);
  });
}
