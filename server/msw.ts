import { http, type HttpHandler } from 'msw';
import { createApp, apiBasePath, type AppOptions } from './app.ts';
import { defaultConfig, type ServerConfig } from './config.ts';
import { mockSessionHeader } from './http.ts';
import { pbkdf2Hasher } from './crypto.ts';
import { seedDemoData } from './seed.ts';
import { MemoryStore } from './store/memory.ts';

export interface MockServerOptions extends Partial<Omit<AppOptions, 'config'>> {
  /** Origin the mocked API answers on (default: the page's origin). */
  origin?: string;
  config?: Partial<ServerConfig>;
  /** Seed the demo accounts and company (default true). */
  seed?: boolean;
}

/**
 * The reference server inside the browser: MSW request handlers that run the same Hono app over an
 * in-memory store, for Storybook and browser tests. The session token lives in this closure (like an
 * HttpOnly cookie, out of the page's reach), since a mocked response cannot set a cookie.
 */
export async function createMockServer(options: MockServerOptions = {}) {
  const origin = options.origin ?? globalThis.location.origin;
  const { app, deps } = createApp({
    store: options.store ?? new MemoryStore(),
    config: defaultConfig(origin, { ...options.config, sessionTransport: 'mock-header' }),
    // Fewer rounds than production: the browser hashes on the main thread.
    hasher: options.hasher ?? pbkdf2Hasher(10_000),
    ...(options.now ? { now: options.now } : {}),
    ...(options.registry ? { registry: options.registry } : {}),
  });
  if (options.seed !== false) await seedDemoData(deps);
  // The session the "browser" holds, as an HttpOnly cookie would be: never visible to page scripts.
  let sessionToken = '';
  const forward = async ({ request }: { request: Request }) => {
    const headers = new Headers(request.headers);
    if (sessionToken) headers.set(mockSessionHeader, sessionToken);
    const response = await app.fetch(new Request(request, { headers }));
    const issued = response.headers.get(mockSessionHeader);
    if (issued !== null) sessionToken = issued;
    const visible = new Headers(response.headers);
    visible.delete(mockSessionHeader);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers: visible });
  };
  const handlers: HttpHandler[] = [http.all(`${origin}${apiBasePath}/*`, forward), http.all(`${origin}/sandbox/*`, forward)];
  return { app, deps, handlers, apiBase: `${origin}${apiBasePath}/`, signOutEverywhere: () => { sessionToken = ''; } };
}
