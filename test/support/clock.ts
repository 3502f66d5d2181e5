// Controlled time for behaviour that is about time (a debounce, a countdown): the element takes its
// timer functions from outside, the test moves the time on by hand.

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
