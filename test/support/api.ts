// The reference server inside the page (MSW service worker + in-memory store, seeded demo data), as
// browser tests and Storybook start it.
import { setupWorker } from 'msw/browser';
import { createMockServer, type MockServerOptions } from '../../server/msw.ts';

export type MockApi = Awaited<ReturnType<typeof createMockServer>>;

/**
 * Starts the reference server in the page. Per-client rate limits are scaled by `rateLimitScale`
 * (default ×100): a whole test file or Storybook session is one client.
 */
export async function startMockApi(options: MockServerOptions = {}) {
  const mock = await createMockServer({ ...options, config: { rateLimitScale: 100, ...options.config } });
  const worker = setupWorker(...mock.handlers);
  await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  return { mock, worker };
}
