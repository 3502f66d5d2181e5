import type { ApiErrorCode, FieldError, NameMismatchGuidance } from '../src/api/index.ts';
import type { ServerConfig } from './config.ts';
import type { IdentityProvider } from './identity.ts';
import type { Logger } from './log.ts';
import type { PasswordHasher } from './crypto.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { MembershipStore } from './store/types.ts';
import type { CompanyRegistry } from './registry.ts';
import type { AddressDirectory } from './addresses.ts';

/** What every route needs; built once by createApp. Tests pass their own clock and store. */
export interface ServerDeps {
  store: MembershipStore;
  config: ServerConfig;
  hasher: PasswordHasher;
  /** Epoch milliseconds; injectable so tests can move time (code expiry, re-verification window). */
  now: () => number;
  limiter: RateLimiter;
  registry: CompanyRegistry;
  /** Waits `ms` (login slowdown); injectable so tests need not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Checks mobile claims, sends codes, offers page methods; null: no verification offered. */
  identity?: IdentityProvider | null;
  /** Answers the address search of the sites that offer it; null: no site offers one. */
  addresses?: AddressDirectory | null;
  /** Where errors (and, in the Node entries, request lines) go; the console when unset. */
  logger?: Logger;
}

export interface ApiFailureDetails {
  message?: string;
  fields?: FieldError[];
  retryAfterSeconds?: number;
  guidance?: NameMismatchGuidance[];
  attemptsLeft?: number;
}

/** Thrown by route handlers; becomes the contract's error body with the code's status. */
export class ApiFailure extends Error {
  readonly code: ApiErrorCode;
  readonly details: ApiFailureDetails;

  constructor(code: ApiErrorCode, details: ApiFailureDetails = {}) {
    super(details.message ?? code);
    this.code = code;
    this.details = details;
  }
}

export function fail(code: ApiErrorCode, details: ApiFailureDetails = {}): never {
  throw new ApiFailure(code, details);
}

/** Per-field failure (VALIDATION_FAILED) from rule codes. */
export function invalid(fields: FieldError[], message = 'Some fields are not valid.'): never {
  throw new ApiFailure('VALIDATION_FAILED', { message, fields });
}

export const iso = (ms: number): string => new Date(ms).toISOString();
