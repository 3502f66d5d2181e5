import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { ServerConfig } from './config.ts';
import { ApiFailure, type ServerDeps } from './context.ts';
import { pbkdf2Hasher, type PasswordHasher } from './crypto.ts';
import { errorResponse } from './http.ts';
import { rateLimiter } from './rate-limit.ts';
import { sandboxRegistry, type CompanyRegistry } from './registry.ts';
import type { MembershipStore } from './store/types.ts';
import { siteRoutes } from './routes/site.ts';
import { accountRoutes } from './routes/accounts.ts';
import { sessionRoutes } from './routes/session.ts';
import { profileRoutes } from './routes/profile.ts';
import { recoveryRoutes } from './routes/recovery.ts';
import { verificationRoutes } from './routes/verification.ts';
import { companyRoutes } from './routes/companies.ts';
import { sandboxRoutes } from './sandbox/routes.ts';

export const apiBasePath = '/api/v1';

export interface AppOptions {
  store: MembershipStore;
  config: ServerConfig;
  hasher?: PasswordHasher;
  now?: () => number;
  registry?: CompanyRegistry;
}

/**
 * The reference membership server as a web-standard fetch handler: Node serves it over HTTP,
 * MSW runs the same app inside the browser.
 */
export function createApp(options: AppOptions): { app: Hono; deps: ServerDeps } {
  const deps: ServerDeps = {
    store: options.store,
    config: options.config,
    hasher: options.hasher ?? pbkdf2Hasher(),
    now: options.now ?? Date.now,
    // Counters live in the store, so every instance on one database counts the same hits.
    limiter: rateLimiter(options.store),
    registry: options.registry ?? sandboxRegistry(),
  };
  const app = new Hono();
  app.onError((error) => errorResponse(error));

  const api = new Hono();
  api.use('*', cors({
    origin: (origin) => (deps.config.allowedOrigins.includes(origin) ? origin : null),
    credentials: true,
    allowMethods: ['GET', 'POST', 'PATCH', 'DELETE'],
    allowHeaders: ['content-type', 'accept-language', 'x-site-id', 'x-csrf-token', 'idempotency-key'],
    exposeHeaders: ['retry-after', 'idempotent-replayed'],
    maxAge: 600,
  }));
  api.onError((error) => errorResponse(error));
  for (const register of [siteRoutes, accountRoutes, sessionRoutes, profileRoutes, recoveryRoutes, verificationRoutes, companyRoutes]) {
    register(api, deps);
  }
  app.route(apiBasePath, api);
  // Hono ignores a mounted sub-app's notFound: answer unknown API paths here, in the contract's shape.
  app.notFound((c) => (c.req.path.startsWith(`${apiBasePath}/`) ? errorResponse(new ApiFailure('NOT_FOUND', { message: 'No such operation.' })) : c.text('Not Found', 404)));
  if (deps.config.sandbox) sandboxRoutes(app, deps);
  return { app, deps };
}
