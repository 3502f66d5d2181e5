// Controlled time for behaviour that is about time (a debounce, a countdown, a retry wait): the element
// takes its timer functions from outside (or captureTimeouts stands in for the page's), the test moves
// the time on by hand.

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(id: unknown): void;
}

export interface ManualTimers extends Timers {
  /** Timers set and not yet run or cleared. */
  readonly pending: number;
  /** Moves the time on by `ms`: runs every timer due by then, in order. */
  advance(ms: number): void;
}

export function manualTimers(): ManualTimers {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    set(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clear(id) {
      timers.delete(id as number);
    },
    get pending() {
      return timers.size;
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers].filter(([, timer]) => timer.at <= until).sort(([, a], [, b]) => a.at - b.at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = until;
    },
  };
}

export interface CapturedTimeouts extends ManualTimers {
  /** Puts the page's own setTimeout and clearTimeout back. */
  restore(): void;
}

/**
 * For code that takes no timers from outside (the API client's retry waits are ky's): the page's
 * setTimeout calls whose delay `matches` go to manual timers the test moves on; every other call
 * (the harness's own waits, the test runner's) keeps the real clock. Restore it in a `finally`.
 */
export function captureTimeouts(matches: (ms: number) => boolean): CapturedTimeouts {
  const manual = manualTimers();
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  // Captured ids are negative: a real timer's id is always positive, so clearTimeout can tell them apart.
  const ids = new Map<number, unknown>();
  let next = -1;
  globalThis.setTimeout = ((callback: TimerHandler, ms = 0, ...args: unknown[]) => {
    if (typeof callback !== 'function' || !matches(Number(ms))) return realSet(callback, ms, ...args);
    const id = next--;
    ids.set(id, manual.set(() => {
      ids.delete(id);
      callback(...args);
    }, Number(ms)));
    return id;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((id?: number) => {
    if (id !== undefined && ids.has(id)) {
      manual.clear(ids.get(id));
      ids.delete(id);
    } else realClear(id);
  }) as typeof clearTimeout;
  return {
    get pending() {
      return manual.pending;
    },
    set: manual.set,
    clear: manual.clear,
    advance: manual.advance,
    restore() {
      globalThis.setTimeout = realSet;
      globalThis.clearTimeout = realClear;
    },
  };
}
