// Fixed-window counters in memory, per process. Enough for one reference server; a cluster would put
// the same counters in shared storage.

export interface RateRule {
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimiter {
  /** Counts one hit; returns the seconds to wait when over the limit, else 0. */
  hit(bucket: string, rule: RateRule, now: number): number;
  /** Seconds to wait when the bucket is already over its limit, else 0; counts nothing. */
  peek(bucket: string, rule: RateRule, now: number): number;
  reset(): void;
}

export function memoryRateLimiter(): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(bucket, rule, now) {
      const windowMs = rule.windowSeconds * 1000;
      let entry = windows.get(bucket);
      if (!entry || now - entry.start >= windowMs) {
        entry = { start: now, count: 0 };
        windows.set(bucket, entry);
        if (windows.size > 50_000) {
          for (const [key, value] of windows) if (now - value.start >= windowMs) windows.delete(key);
        }
      }
      entry.count += 1;
      return entry.count > rule.limit ? Math.max(1, Math.ceil((entry.start + windowMs - now) / 1000)) : 0;
    },
    peek(bucket, rule, now) {
      const entry = windows.get(bucket);
      const windowMs = rule.windowSeconds * 1000;
      if (!entry || now - entry.start >= windowMs || entry.count < rule.limit) return 0;
      return Math.max(1, Math.ceil((entry.start + windowMs - now) / 1000));
    },
    reset() {
      windows.clear();
    },
  };
}

/** Per-client limits of the rate-limited operations (login, code sending/checking, find/reset). */
export const rateRules: Record<string, RateRule> = {
  checkLoginIdAvailability: { limit: 60, windowSeconds: 60 },
  startVerification: { limit: 20, windowSeconds: 60 },
  getCaptchaImage: { limit: 60, windowSeconds: 60 },
  getCaptchaAudio: { limit: 60, windowSeconds: 60 },
  requestMobileCode: { limit: 10, windowSeconds: 60 },
  resendMobileCode: { limit: 10, windowSeconds: 60 },
  confirmMobileCode: { limit: 20, windowSeconds: 60 },
  login: { limit: 10, windowSeconds: 60 },
  findLoginIds: { limit: 10, windowSeconds: 60 },
  startPasswordReset: { limit: 10, windowSeconds: 60 },
  completePasswordReset: { limit: 10, windowSeconds: 60 },
  lookupCompany: { limit: 30, windowSeconds: 60 },
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
