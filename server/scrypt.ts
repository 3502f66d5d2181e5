import { scrypt, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PasswordHasher } from './crypto.ts';

// scrypt (memory-hard) for the Node server: N=2^15, r=8, p=3 (32 MiB), one of OWASP's minimum settings
// (equivalent to N=2^17, p=1 in work, with less memory per concurrent signup).
const N = 2 ** 15;
const r = 8;
const p = 3;
const keyLength = 32;
const maxmem = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, n: number, parallel: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, { N: n, r, p: parallel, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export function scryptHasher(cost = N): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await derive(password, salt, cost, p);
      return `scrypt$${cost}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
    },
    async verify(password, stored) {
      const [kind, n, parallel, salt, hash] = stored.split('$');
      if (kind !== 'scrypt' || !n || !parallel || !salt || !hash) return false;
      const expected = Buffer.from(hash, 'base64url');
      const key = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(parallel));
      return key.length === expected.length && timingSafeEqual(key, expected);
    },
  };
}
