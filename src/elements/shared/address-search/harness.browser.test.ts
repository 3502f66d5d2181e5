// Shared helper of the address-search browser tests (this file registers no tests of its own).

/**
 * Waits until `check` passes, or fails after `timeoutMs`. Polls on message-channel tasks: animation
 * frames never come, and timers are slowed to one a second, in a background page when wtr runs two
 * files at once (test/browser/fixture.ts's waitFor polls on animation frames).
 */
export async function waitFor<T>(check: () => T | undefined | null | false, message: string, timeoutMs = 5000): Promise<T> {
  const start = performance.now();
  const channel = new MessageChannel();
  try {
    for (;;) {
      const value = check();
      if (value) return value;
      if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting: ${message}`);
      await new Promise((resolve) => {
        channel.port1.onmessage = resolve;
        channel.port2.postMessage(null);
      });
    }
  } finally {
    channel.port1.close();
  }
}
