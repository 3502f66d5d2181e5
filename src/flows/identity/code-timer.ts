import type { MobileCodeStatus } from '../../api/contract.ts';

/** The code's clock as a screen shows it: seconds left, seconds until a resend, and the warnings. */
export interface CodeTimer {
  /** Whole seconds until the code stops working (0: expired); undefined before a code was sent. */
  left: number | undefined;
  /** Whole seconds until a new code may be asked for (0: now). */
  resendWait: number;
  expired: boolean;
  /** The last minute: the moment to offer more time (WCAG 2.2.1). */
  warning: boolean;
}

/** Whole seconds from `now` to `deadline` (ISO), never negative; undefined without one. */
export function secondsUntil(deadline: string | undefined, now: number): number | undefined {
  if (!deadline) return undefined;
  const at = Date.parse(deadline);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** The timer of `status` at `now` (the element passes its clock, tests a fixed one). */
export function codeTimer(status: MobileCodeStatus | undefined, now: number): CodeTimer {
  const left = secondsUntil(status?.expiresAt, now);
  return {
    left,
    resendWait: secondsUntil(status?.resendAvailableAt, now) ?? 0,
    expired: left === 0,
    warning: left !== undefined && left > 0 && left <= 60,
  };
}
