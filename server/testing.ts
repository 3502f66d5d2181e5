import { MembershipClient } from '../src/api/index.ts';
import { createApp, apiBasePath, type AppOptions } from './app.ts';
import { defaultConfig, type ServerConfig } from './config.ts';
import { cookieJar } from './cookie-jar.ts';
import { pbkdf2Hasher } from './crypto.ts';
import { MemoryStore } from './store/memory.ts';

export const testOrigin = 'http://membership.test';

/**
 * A reference server in memory with a movable clock, and contract clients that talk to it through
 * its fetch handler (each client keeps its own cookie jar, like one browser).
 */
export function testServer(options: Partial<Omit<AppOptions, 'config'>> & { config?: Partial<ServerConfig> } = {}) {
  let clock = Date.parse('2026-11-22T01:00:00Z');
  const { app, deps } = createApp({
    store: options.store ?? new MemoryStore(),
    config: defaultConfig(testOrigin, options.config),
    // Cheap hashing keeps tests fast; the real costs are measured by the benchmark.
    hasher: options.hasher ?? pbkdf2Hasher(1_000),
    now: options.now ?? (() => clock),
    ...(options.registry ? { registry: options.registry } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.lifecycle ? { lifecycle: options.lifecycle } : {}),
    ...(options.identity !== undefined ? { identity: options.identity } : {}),
    ...(options.addresses !== undefined ? { addresses: options.addresses } : {}),
  });
  return {
    app,
    deps,
    advance(ms: number) {
      clock += ms;
    },
    /** A client of one site with its own cookie jar. */
    client(siteId = 'trade', lang = 'ko') {
      const jar = cookieJar();
      const fetchThroughApp = async (input: RequestInfo | URL, init?: RequestInit) => {
        const response = await app.fetch(jar.attach(new Request(input, init)));
        jar.store(response);
        return response;
      };
      return new MembershipClient({ apiBase: `${testOrigin}${apiBasePath}/`, siteId, lang, retryLimit: 0, fetch: fetchThroughApp as typeof fetch });
    },
    /** A raw request to the app (for what the client would refuse to send). */
    request(path: string, init: RequestInit & { site?: string } = {}) {
      const headers = new Headers(init.headers);
      if (init.site !== undefined) headers.set('x-site-id', init.site);
      return app.fetch(new Request(`${testOrigin}${path}`, { ...init, headers }));
    },
  };
}

export type TestServer = ReturnType<typeof testServer>;
