// The faults of the matrix, injected by request interception (Playwright's page.route) on the one
// request of a network moment, and the message each must end with (the elements' own Korean words).
import type { Page, Route } from 'playwright-core';
import { t } from '../e2e/text.ts';

export type FaultId = 'offline' | 'timeout' | 'http500' | 'http503' | 'http429' | 'malformed' | 'slow' | 'restart' | 'chunk';

export interface Fault {
  id: FaultId;
  /** Column title of the printed matrix. */
  title: string;
  /** What the person must read (a substring of the message), or undefined: no failure expected. */
  message?: string;
}

/** Seconds the 429 asks to wait: longer than the client waits by itself, so the person is told. */
export const retryAfterSeconds = 30;
/** The slow answer: longer than "still working" takes to show, shorter than the 15 s budget. */
export const slowAnswerMs = 10_000;

export const faults: readonly Fault[] = [
  { id: 'offline', title: 'offline', message: t('error.NETWORK_ERROR') },
  { id: 'timeout', title: 'timeout', message: t('error.TIMEOUT') },
  { id: 'http500', title: '500', message: t('error.INTERNAL_ERROR') },
  { id: 'http503', title: '503', message: t('error.SERVICE_UNAVAILABLE') },
  { id: 'http429', title: '429+RA', message: t('error.RATE_LIMITED', { seconds: retryAfterSeconds }) },
  { id: 'malformed', title: 'bad JSON', message: t('error.INVALID_RESPONSE') },
  { id: 'slow', title: 'slow 10s' },
  { id: 'restart', title: 'restart', message: t('error.NETWORK_ERROR') },
  { id: 'chunk', title: 'chunk', message: t('error.NETWORK_ERROR') },
];

export interface RequestMatch {
  method: string;
  /** Matched against the URL's path. */
  path: RegExp;
}

export interface Injected {
  /** Requests the fault answered (or held). */
  hits: number;
  /** Takes the fault away: later requests reach the server. Held requests stay held (the client gives up on them). */
  remove(): Promise<void>;
}

const html = (status: number, text: string) => ({ status, contentType: 'text/html; charset=utf-8', body: `<!doctype html><title>${status}</title><h1>${text}</h1>` });

/** Installs `fault` on the requests of `page` matching `match` (network faults only: restart and chunk are the runner's). */
export async function inject(page: Page, fault: FaultId, match: RequestMatch): Promise<Injected> {
  const state = { hits: 0, removed: false };
  const handler = async (route: Route): Promise<void> => {
    const request = route.request();
    if (state.removed || request.method() !== match.method || !match.path.test(new URL(request.url()).pathname)) return route.fallback();
    state.hits += 1;
    switch (fault) {
      case 'offline':
        return route.abort('internetdisconnected');
      case 'timeout':
        // The server does the work, its answer never arrives: the client's own budget has to end the wait,
        // and the retry meets work already done (a code sent, a code accepted, an account created).
        await route.fetch().catch(() => undefined);
        return new Promise<void>(() => {});
      case 'http500':
        return route.fulfill(html(500, 'Internal Server Error'));
      case 'http503':
        return route.fulfill(html(503, 'Service Unavailable'));
      case 'http429':
        return route.fulfill({
          status: 429,
          headers: { 'retry-after': String(retryAfterSeconds) },
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'RATE_LIMITED', message: 'Too many requests', retryAfterSeconds } }),
        });
      case 'malformed':
        return route.fulfill({ status: 200, contentType: 'application/json', body: '{"available": tru' });
      case 'slow': {
        // The server does the work now; its answer arrives 10 s later.
        const response = await route.fetch();
        const body = await response.body();
        await new Promise((resolve) => setTimeout(resolve, slowAnswerMs));
        return route.fulfill({ response, body });
      }
      default:
        return route.fallback();
    }
  };
  await page.route('**/*', handler);
  return {
    get hits() {
      return state.hits;
    },
    async remove() {
      state.removed = true;
      await page.unroute('**/*', handler);
    },
  };
}

/**
 * Makes the code chunks of the CDN folder (`/dist/cdn/chunk-*.js`) fail to load until removed: every
 * chunk, or only those whose code contains `containing` (e.g. a step module's own markup).
 */
export async function blockChunks(page: Page, containing?: string): Promise<Injected> {
  const state = { hits: 0, removed: false };
  // The entry's own static imports load with it (here esbuild's shared runtime helper; the rollup CDN
  // entry imports nothing statically): failing them fails the script tag itself, which no code of
  // ours can report. Every chunk loaded on demand fails.
  const withEntry = new Set<string>();
  if (containing === undefined && page.url().startsWith('http')) {
    const entry = await (await page.request.get(new URL('/dist/cdn/membership-elements.min.js', page.url()).href)).text();
    for (const match of entry.matchAll(/(?:^|[;}])\s*import\s*(?:[^"();]*?from\s*)?"\.\/(chunk-[^"]+\.js)"/g)) withEntry.add(match[1]!);
  }
  const handler = async (route: Route): Promise<void> => {
    if (state.removed) return route.fallback();
    if (withEntry.has(new URL(route.request().url()).pathname.split('/').pop()!)) return route.fallback();
    if (containing !== undefined) {
      const response = await route.fetch();
      const body = await response.text();
      if (!body.includes(containing)) return route.fulfill({ response, body });
    }
    state.hits += 1;
    return route.abort('internetdisconnected');
  };
  await page.route(/\/dist\/cdn\/chunk-[^/]+\.js$/, handler);
  return {
    get hits() {
      return state.hits;
    },
    async remove() {
      state.removed = true;
      await page.unroute(/\/dist\/cdn\/chunk-[^/]+\.js$/, handler);
    },
  };
}
