// The reference server of the stories (started by .storybook/preview.ts inside the page, with MSW) and
// a way for ONE story to change one of its answers: answers the seeded server cannot give on demand
// (a rate limit at submit, a lost connection, a slow site config). Everything else in the stories is
// the real server's behaviour.
import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import type { BeforeEach } from 'storybook/internal/types';
import { MembershipClient } from '../../src/api/index.ts';
import { mock, worker } from '../../.storybook/preview.ts';

/** Base URL of the mocked membership API (`<origin>/api/v1/`). */
export const apiBase = mock.apiBase;

/**
 * A story-level `beforeEach`: the handlers answer first while this story is shown, and the real
 * server answers again once it is left (`worker.resetHandlers()`). Docs pages show many stories at
 * once, so nothing is overridden there.
 *
 * @example beforeEach: [overrideApi(http.post(`${apiBase}members`, () => HttpResponse.error()))]
 */
export function overrideApi(...handlers: RequestHandler[]): BeforeEach {
  return ({ viewMode }) => {
    if (viewMode === 'docs') return;
    worker.use(...handlers);
    return () => worker.resetHandlers();
  };
}

/** An error answer in the contract's shape (`{ error: { code, message, … } }`), with Retry-After when given. */
export function apiError(status: number, code: string, extra: { retryAfterSeconds?: number; fields?: { field: string; code: string }[] } = {}): Response {
  const headers: Record<string, string> = extra.retryAfterSeconds === undefined ? {} : { 'retry-after': String(extra.retryAfterSeconds) };
  return HttpResponse.json({ error: { code, message: code, ...extra } }, { status, headers });
}

/** The connection drops (fetch rejects, as when offline or the server is unreachable). */
export const connectionLost = () => HttpResponse.error();

/** An answer that never comes (a slow or hanging server): loading states stay on screen. */
export const neverAnswers = async () => {
  await delay('infinite');
  return HttpResponse.error();
};

export { http, HttpResponse };

/** A client of the mocked API for one site (loaders use it to fetch what a story shows, e.g. the terms). */
export function clientFor(site: string): MembershipClient {
  return new MembershipClient({ apiBase, siteId: site });
}
