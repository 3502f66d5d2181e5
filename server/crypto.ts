// Hashing and random values from the platform: WebCrypto everywhere (Node and the browser under
// MSW), with node:crypto's memory-hard scrypt for passwords where it exists.

const encoder = new TextEncoder();

export function randomToken(bytes = 32): string {
  const data = crypto.getRandomValues(new Uint8Array(bytes));
  return base64url(data);
}

export function randomId(prefix: string): string {
  return `${prefix}_${randomToken(12)}`;
}

/** A 6-digit code with no modulo bias. */
export function randomDigits(length: number): string {
  let out = '';
  while (out.length < length) {
    const [value] = crypto.getRandomValues(new Uint32Array(1));
    if (value! < 4_000_000_000) out += String(value! % 10);
  }
  return out;
}

export async function sha256(data: string | ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', typeof data === 'string' ? encoder.encode(data) : data);
  return base64url(new Uint8Array(digest));
}

const hmacKeys = new Map<string, Promise<CryptoKey>>();

/** HMAC-SHA256 of `data` under the server secret: a stolen database alone cannot test guesses offline. */
export async function hmacSha256(secret: string, data: string): Promise<string> {
  let key = hmacKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    hmacKeys.set(secret, key);
  }
  return base64url(new Uint8Array(await crypto.subtle.sign('HMAC', await key, encoder.encode(data))));
}

/** Constant-time comparison of two strings of equal length. */
export function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

/** PBKDF2-SHA256 through WebCrypto: the hasher where scrypt is not available (browser, MSW). */
export function pbkdf2Hasher(iterations = 600_000): PasswordHasher {
  const derive = async (password: string, salt: Uint8Array, rounds: number) => {
    const key = await crypto.subtle.importKey('raw', encoder.encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
    const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations: rounds }, key, 256);
    return base64url(new Uint8Array(bits));
  };
  return {
    async hash(password) {
      const salt = crypto.getRandomValues(new Uint8Array(16));
      return `pbkdf2$${iterations}$${base64url(salt)}$${await derive(password, salt, iterations)}`;
    },
    async verify(password, stored) {
      const [kind, rounds, salt, hash] = stored.split('$');
      if (kind !== 'pbkdf2' || !rounds || !salt || !hash) return false;
      return safeEqual(await derive(password, fromBase64url(salt), Number(rounds)), hash);
    },
  };
}

export function base64url(data: Uint8Array): string {
  let binary = '';
  for (const byte of data) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
