import { whenIdle } from '../../src/elements/shared/lazy-part.ts';
// Mounting elements for browser tests: a fresh container per test, removed afterwards.
const mounted: HTMLElement[] = [];

/** Puts `markup`'s first element into the document (inside a <main lang="ko">) and waits for its first render. */
export async function fixture<T extends HTMLElement>(element: T, { lang = 'ko' } = {}): Promise<T> {
  const main = document.createElement('main');
  main.lang = lang;
  main.append(element);
  document.body.append(main);
  mounted.push(main);
  await (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return element;
}

export function cleanupFixtures(): void {
  for (const node of mounted.splice(0)) node.remove();
}

// Waiting on conditions: the one helper of browser tests, stories and e2e (test/support/wait.ts).
export { deferred, nextTask, settle, waitFor } from '../support/wait.ts';

/**
 * Lets `count` idle moments pass, as the elements' prefetches wait for them (whenIdle, in
 * src/elements/shared/lazy-part.ts; WebKit has no requestIdleCallback: its fallback). A prefetch that
 * found too little idle time waits for the next moment, so a check that none started waits for several.
 */
export async function idlePeriods(count = 3): Promise<void> {
  for (let period = 0; period < count; period += 1) await new Promise<void>((resolve) => whenIdle(resolve));
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function equal<T>(actual: T, expected: T, message: string): void {
  if (!Object.is(actual, expected)) throw new Error(`${message}: expected ${String(expected)}, got ${String(actual)}`);
}
