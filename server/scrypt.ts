import { scrypt, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PasswordHasher } from './crypto.ts';

// scrypt (memory-hard) for the Node server. N=2^15, r=8, p=1: 32 MiB per hash, OWASP's minimum.
const N = 2 ** 15;
const r = 8;
const p = 1;
const keyLength = 32;
const maxmem = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, n: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, { N: n, r, p, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export function scryptHasher(cost = N): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await derive(password, salt, cost);
      return `scrypt$${cost}$${salt.toString('base64url')}$${key.toString('base64url')}`;
    },
    async verify(password, stored) {
      const [kind, n, salt, hash] = stored.split('$');
      if (kind !== 'scrypt' || !n || !salt || !hash) return false;
      const expected = Buffer.from(hash, 'base64url');
      const key = await derive(password, Buffer.from(salt, 'base64url'), Number(n));
      return key.length === expected.length && timingSafeEqual(key, expected);
    },
  };
}
