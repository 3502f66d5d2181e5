import { availableParallelism } from 'node:os';

// The process environment of the Node entries (`npm start`, `npm run serve`), read and checked once at
// start: a wrong value stops the process with one clear line instead of silently weakening a limit.

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface Environment {
  port: number;
  host: string;
  /** Public origin the browser sees (scheme + host + port); https turns on Secure / __Host- cookies. */
  origin: string;
  allowedOrigins: string[];
  /** Proxies in front of the server whose X-Forwarded-For / X-Forwarded-Proto entries are believed. */
  trustProxyHops: number;
  rateLimitScale: number;
  sandbox: boolean;
  /** Key for HMACs of stored codes; null when unset (the demo then makes one per process). */
  secret: string | null;
  dataDir: string;
}

type Env = Record<string, string | undefined>;

/**
 * Reads the environment for `mode`. The demo runs the sandbox unless MEMBERSHIP_SANDBOX=off; the
 * deployable entry only with MEMBERSHIP_SANDBOX=on, never with an https PUBLIC_ORIGIN, and needs a secret.
 */
export function readEnvironment(env: Env, mode: 'demo' | 'serve'): Environment {
  const port = integer(env, 'PORT', 8787, 0);
  const origin = publicOrigin(env.PUBLIC_ORIGIN ?? `http://localhost:${port}`);
  const https = origin.startsWith('https:');
  const sandboxSetting = (env.MEMBERSHIP_SANDBOX ?? '').trim().toLowerCase();
  if (!['', 'on', 'off'].includes(sandboxSetting)) throw new ConfigError(`MEMBERSHIP_SANDBOX must be "on" or "off", not "${env.MEMBERSHIP_SANDBOX}".`);
  const sandbox = mode === 'demo' ? sandboxSetting !== 'off' : sandboxSetting === 'on';
  if (sandbox && https) {
    throw new ConfigError(`The sandbox identity provider gives codes to anyone: it is refused with an https PUBLIC_ORIGIN (${origin}). Unset MEMBERSHIP_SANDBOX and plug in a real provider.`);
  }
  const secret = env.MEMBERSHIP_SECRET?.trim() || null;
  if (secret !== null && secret.length < 32) throw new ConfigError('MEMBERSHIP_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`).');
  if (mode === 'serve' && secret === null) throw new ConfigError('MEMBERSHIP_SECRET is required (at least 32 random characters, the same on every instance).');
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    origin,
    allowedOrigins: [
      ...(env.MEMBERSHIP_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean).map(publicOrigin),
      // The local demo is opened as localhost or 127.0.0.1: both are this server.
      ...(mode === 'demo' && env.PUBLIC_ORIGIN === undefined ? [`http://127.0.0.1:${port}`] : []),
    ],
    trustProxyHops: integer(env, 'TRUST_PROXY', 0, 0),
    rateLimitScale: rateLimitScale(env.RATE_LIMIT_SCALE),
    sandbox,
    secret,
    dataDir: env.MEMBERSHIP_DATA_DIR ?? 'data',
  };
}

/** RATE_LIMIT_SCALE multiplies every per-client limit: a finite number ≥ 1 (1 when unset). */
export function rateLimitScale(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 1;
  const scale = Number(value);
  if (!Number.isFinite(scale) || scale < 1) throw new ConfigError(`RATE_LIMIT_SCALE must be a finite number ≥ 1, not "${value}".`);
  return scale;
}

function publicOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`"${value}" is not an origin like https://members.example.go.kr.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`"${value}" must be an http(s) origin.`);
  return url.origin;
}

function integer(env: Env, name: string, fallback: number, min: number): number {
  const value = env[name];
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new ConfigError(`${name} must be a whole number ≥ ${min}, not "${value}".`);
  return number;
}

/** Threads for scrypt: libuv's pool (default 4) sized to the machine, set before the pool first starts. */
export function sizeThreadPool(env: Env = process.env): number {
  env.UV_THREADPOOL_SIZE ??= String(Math.max(4, availableParallelism()));
  return Number(env.UV_THREADPOOL_SIZE);
}
