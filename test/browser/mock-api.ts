// The reference server in the page for one browser test file, with the clean-up every such file needs.
import type { MockServerOptions } from '../../server/msw.ts';
import { startMockApi } from '../support/api.ts';
import { cleanupFixtures } from './fixture.ts';

export type { MockApi } from '../support/api.ts';

/**
 * Starts the reference server (MSW in the page, in-memory store, seeded demo data) once for the test
 * file, at its top: `const api = await mockApiForFile();`. After each test, the handlers a test added
 * (`api.worker.use`) are dropped, the mounted fixtures removed and sessionStorage (drafts) cleared;
 * after the file, the worker stops (not awaited: after a test's aborted, never answered requests the
 * worker may not acknowledge it, and the page closes anyway).
 */
export async function mockApiForFile(options: MockServerOptions = {}): Promise<Awaited<ReturnType<typeof startMockApi>>> {
  const api = await startMockApi(options);
  afterEach(() => {
    api.worker.resetHandlers();
    cleanupFixtures();
    sessionStorage.clear();
  });
  after(() => void api.worker.stop());
  return api;
}
