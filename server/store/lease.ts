import type { Leases } from './types.ts';

// A named lock held through the store, so it holds across every process on one database. Waiting polls
// (a few ms apart): contention is rare, since each process first queues its own callers.

export interface LeaseOptions {
  /** After this the lease frees itself, in case the holder died mid-task. */
  ttlMs?: number;
  /** Give up (throw) after waiting this long. */
  waitMs?: number;
}

export class LeaseTimeout extends Error {}

/** Runs `task` holding lease `name`; wall-clock time, whatever clock the caller's tests use. */
export async function withLease<T>(store: Leases, name: string, task: () => Promise<T>, options: LeaseOptions = {}): Promise<T> {
  const { ttlMs = 30_000, waitMs = 15_000 } = options;
  const holder = crypto.randomUUID();
  const start = Date.now();
  for (let pause = 2; !(await store.acquireLease(name, holder, Date.now(), ttlMs)); pause = Math.min(pause * 2, 50)) {
    if (Date.now() - start > waitMs) throw new LeaseTimeout(`Lease ${name} is still held by another process.`);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
  try {
    return await task();
  } finally {
    await store.releaseLease(name, holder);
  }
}
