// The reference server in the page for one browser test file, with the clean-up every such file needs.
import type { MockServerOptions } from '../../server/msw.ts';
import { startMockApi } from '../support/api.ts';
import { cleanupFixtures } from './fixture.ts';

export type { MockApi } from '../support/api.ts';

/**
 * Starts the reference server (MSW in the page, in-memory store, seeded demo data) once for the test
 * file, at its top: `const api = await mockApiForFile();`. After each test, the handlers a test added
 * (`api.worker.use`) are dropped, the mounted fixtures removed and sessionStorage (drafts) cleared;
 * after the file, the worker stops. The stop is awaited: MSW's worker hears this page leave while it
 * is still open, so it stays registered for the next file's page (a worker that saw its last page go
 * unregisters itself, and the next page's first requests would pass it by). `stopWithoutWaiting`: for
 * a file whose aborted, never answered requests keep the worker from acknowledging the stop.
 */
export async function mockApiForFile(options: MockServerOptions = {}, { stopWithoutWaiting = false } = {}): Promise<Awaited<ReturnType<typeof startMockApi>>> {
  const api = await startMockApi(options);
  afterEach(() => {
    api.worker.resetHandlers();
    cleanupFixtures();
    sessionStorage.clear();
  });
  after(() => (stopWithoutWaiting ? void api.worker.stop() : api.worker.stop()));
  return api;
}
