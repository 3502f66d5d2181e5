import { MembershipError, type MembershipErrorCode } from '../api/errors.ts';
import type { MembershipPolicy } from '../rules/policy.ts';
import { errorParams } from './message-params.ts';
import { sayCode, type Words } from './words.ts';

/** Where a failure came from, for the host's error event and for tests. */
export type FailureKind = 'api' | 'network' | 'timeout' | 'malformed' | 'chunk' | 'aborted' | 'unknown';

export interface Failure {
  kind: FailureKind;
  /** The code reported in error events (`NETWORK_ERROR`, `LOGIN_ID_TAKEN`, …). */
  code: MembershipErrorCode | 'UNKNOWN';
  /** What to tell the user. */
  words: Words;
  /** Whether trying the same thing again may help (a retry button is shown). */
  retry: boolean;
  /** The error as a MembershipError (for routing by code and fields). */
  error: MembershipError;
}

// Browsers word a failed dynamic import differently (Chromium, Firefox, Safari).
const chunkMessages = /dynamically imported module|Importing a module script failed|error loading dynamically imported module|Failed to fetch module/i;

/** The one mapping from anything thrown to a user message and a retry decision. */
export function describeFailure(thrown: unknown, policy?: MembershipPolicy): Failure {
  const { kind, error } = classify(thrown);
  const code = kind === 'unknown' ? 'UNKNOWN' : error.code;
  // A step's code that did not arrive reads like a lost connection: the entries are kept, try again.
  // A malformed answer is the server's fault (INVALID_RESPONSE says so); trying again may get a good one.
  const wordsCode = kind === 'chunk' ? 'NETWORK_ERROR' : code;
  return { kind, code, words: sayCode(wordsCode, errorParams(error, policy)), retry: kind === 'chunk' || kind === 'unknown' || kind === 'malformed' || error.retryable, error };
}

function classify(thrown: unknown): { kind: FailureKind; error: MembershipError } {
  if (thrown instanceof MembershipError) {
    const kinds: Partial<Record<MembershipErrorCode, FailureKind>> = { NETWORK_ERROR: 'network', TIMEOUT: 'timeout', INVALID_RESPONSE: 'malformed', ABORTED: 'aborted' };
    return { kind: kinds[thrown.code] ?? 'api', error: thrown };
  }
  const name = (thrown as { name?: unknown } | null)?.name;
  const message = String((thrown as { message?: unknown } | null)?.message ?? '');
  if (name === 'ChunkLoadError' || chunkMessages.test(message)) return { kind: 'chunk', error: new MembershipError({ code: 'NETWORK_ERROR', cause: thrown }) };
  if (name === 'TimeoutError') return { kind: 'timeout', error: new MembershipError({ code: 'TIMEOUT', cause: thrown }) };
  if (name === 'AbortError') return { kind: 'aborted', error: new MembershipError({ code: 'ABORTED', cause: thrown }) };
  if (name === 'SyntaxError' || name === 'ZodError' || name === '$ZodError') return { kind: 'malformed', error: new MembershipError({ code: 'INVALID_RESPONSE', cause: thrown }) };
  if (name === 'TypeError') return { kind: 'network', error: new MembershipError({ code: 'NETWORK_ERROR', cause: thrown }) };
  return { kind: 'unknown', error: new MembershipError({ code: 'NETWORK_ERROR', cause: thrown }) };
}
