import { MemoryRateCounters } from './store/memory.ts';
import type { RateCounters } from './store/types.ts';

// Fixed-window limits over the store's counters: instances sharing a database share the limits.

export interface RateRule {
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimiter {
  /** Counts one hit; resolves to the seconds to wait when over the limit, else 0. */
  hit(bucket: string, rule: RateRule, now: number): Promise<number>;
  /** Seconds to wait when the bucket is already over its limit, else 0; counts nothing. */
  peek(bucket: string, rule: RateRule, now: number): Promise<number>;
  reset(): Promise<void>;
}

export function rateLimiter(counters: RateCounters): RateLimiter {
  const waitOf = (window: { count: number; startedAt: number }, rule: RateRule, now: number) =>
    Math.max(1, Math.ceil((window.startedAt + rule.windowSeconds * 1000 - now) / 1000));
  return {
    async hit(bucket, rule, now) {
      const window = await counters.hitRate(bucket, rule.windowSeconds * 1000, now);
      return window.count > rule.limit ? waitOf(window, rule, now) : 0;
    },
    async peek(bucket, rule, now) {
      const window = await counters.peekRate(bucket, now);
      return window && window.count >= rule.limit ? waitOf(window, rule, now) : 0;
    },
    reset: () => counters.clearRates(),
  };
}

/** Counters in this process only (tests, tools). */
export function memoryRateLimiter(): RateLimiter {
  return rateLimiter(new MemoryRateCounters());
}

/** Per-client limits of the rate-limited operations (login, code sending/checking, find/reset). */
export const rateRules: Record<string, RateRule> = {
  checkLoginIdAvailability: { limit: 60, windowSeconds: 60 },
  startVerification: { limit: 20, windowSeconds: 60 },
  getCaptchaImage: { limit: 60, windowSeconds: 60 },
  getCaptchaAudio: { limit: 60, windowSeconds: 60 },
  requestMobileCode: { limit: 10, windowSeconds: 60 },
  resendMobileCode: { limit: 10, windowSeconds: 60 },
  extendMobileCode: { limit: 10, windowSeconds: 60 },
  confirmMobileCode: { limit: 20, windowSeconds: 60 },
  login: { limit: 10, windowSeconds: 60 },
  findLoginIds: { limit: 10, windowSeconds: 60 },
  startPasswordReset: { limit: 10, windowSeconds: 60 },
  completePasswordReset: { limit: 10, windowSeconds: 60 },
  lookupCompany: { limit: 30, windowSeconds: 60 },
  searchAddresses: { limit: 60, windowSeconds: 60 },
  uploadCertificate: { limit: 10, windowSeconds: 60 },
};

/** Failed logins of one account from one client address: past this, that client waits (others do not). */
export const loginFailureRule: RateRule = { limit: 5, windowSeconds: 300 };

/**
 * Failed logins of one account from all addresses: past this, every login on the account is slowed by
 * `loginSlowdownMs` (right password included) instead of locked, so nobody can lock a member out.
 */
export const accountFailureRule: RateRule = { limit: 20, windowSeconds: 900 };
export const loginSlowdownMs = 2000;
