import { http, type HttpHandler } from 'msw';
import { createApp, apiBasePath, type AppOptions } from './app.ts';
import { defaultConfig, type ServerConfig } from './config.ts';
import { cookieJar } from './cookie-jar.ts';
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
 * in-memory store, for Storybook and browser tests. Sessions live in the handler's own cookie jar,
 * since a mocked response cannot set an HttpOnly cookie.
 */
export async function createMockServer(options: MockServerOptions = {}) {
  const origin = options.origin ?? globalThis.location.origin;
  const { app, deps } = createApp({
    store: options.store ?? new MemoryStore(),
    config: defaultConfig(origin, options.config),
    // Fewer rounds than production: the browser hashes on the main thread.
    hasher: options.hasher ?? pbkdf2Hasher(10_000),
    ...(options.now ? { now: options.now } : {}),
    ...(options.registry ? { registry: options.registry } : {}),
  });
  if (options.seed !== false) await seedDemoData(deps);
  const jar = cookieJar();
  const forward = async ({ request }: { request: Request }) => {
    const response = await app.fetch(jar.attach(request));
    jar.store(response);
    return response;
  };
  const handlers: HttpHandler[] = [http.all(`${origin}${apiBasePath}/*`, forward), http.all(`${origin}/sandbox/*`, forward)];
  return { app, deps, handlers, apiBase: `${origin}${apiBasePath}/`, signOutEverywhere: () => jar.clear() };
}
