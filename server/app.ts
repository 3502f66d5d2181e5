import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import type { ServerConfig } from './config.ts';
import { ApiFailure, type ServerDeps } from './context.ts';
import { pbkdf2Hasher, randomToken, type PasswordHasher } from './crypto.ts';
import { errorResponse } from './http.ts';
import { consoleLogger, errorFields, type Logger } from './log.ts';
import { healthRoutes, observe, operationOf, requestId, type Lifecycle } from './observe.ts';
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
import { addressRoutes } from './routes/addresses.ts';
import { sandboxAddressDirectory } from './sandbox/addresses.ts';
import type { AddressDirectory } from './addresses.ts';
import { sandboxIdentityProvider } from './sandbox/identity.ts';
import type { IdentityProvider } from './identity.ts';

export const apiBasePath = '/api/v1';

export interface AppOptions {
  store: MembershipStore;
  config: ServerConfig;
  hasher?: PasswordHasher;
  now?: () => number;
  registry?: CompanyRegistry;
  sleep?: (ms: number) => Promise<void>;
  /** JSON request and error logs (the Node entries); without it only errors reach the console. */
  logger?: Logger;
  /** The identity provider; default: the sandbox when `config.sandbox`, else none (no verification offered). */
  identity?: IdentityProvider | null;
  /** The address search's source (e.g. a juso.go.kr proxy); default: the sandbox address book when `config.sandbox`, else none. */
  addresses?: AddressDirectory | null;
  /** Shutdown state for /ready; the entry sets `draining` when it stops. */
  lifecycle?: Lifecycle;
}

/**
 * The reference membership server as a web-standard fetch handler: Node serves it over HTTP,
 * MSW runs the same app inside the browser.
 */
export function createApp(options: AppOptions): { app: Hono; deps: ServerDeps } {
  const scale = options.config.rateLimitScale ?? 1;
  // Infinity would lift every limit and a negative one block everything: refuse both outright.
  if (!Number.isFinite(scale) || scale < 1) throw new RangeError(`rateLimitScale must be a finite number ≥ 1, not ${scale}.`);
  const deps: ServerDeps = {
    store: options.store,
    // Without a configured secret (demo, tests, MSW) codes are keyed per process: they end with it anyway.
    config: options.config.secret ? options.config : { ...options.config, secret: randomToken(32) },
    hasher: options.hasher ?? pbkdf2Hasher(),
    now: options.now ?? Date.now,
    // Counters live in the store, so every instance on one database counts the same hits.
    limiter: rateLimiter(options.store),
    registry: options.registry ?? sandboxRegistry(),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  };
  // A given provider (an agency's), else the sandbox when the config allows it, else none.
  deps.identity = options.identity !== undefined ? options.identity : deps.config.sandbox ? sandboxIdentityProvider(deps) : null;
  deps.addresses = options.addresses !== undefined ? options.addresses : deps.config.sandbox ? sandboxAddressDirectory : null;
  const logger = options.logger ?? consoleLogger;
  const onError = (error: Error, c: Context) => {
    if (!(error instanceof ApiFailure)) logger.log('error', 'unexpected error', { requestId: requestId(c), operation: operationOf.get(c.req.raw), ...errorFields(error) });
    return errorResponse(error);
  };
  const app = new Hono();
  observe(app, options.logger);
  app.onError(onError);
  healthRoutes(app, deps, options.lifecycle ?? { draining: false });

  const api = new Hono();
  api.use('*', cors({
    origin: (origin) => (deps.config.allowedOrigins.includes(origin) ? origin : null),
    credentials: true,
    allowMethods: ['GET', 'POST', 'PATCH', 'DELETE'],
    allowHeaders: ['content-type', 'accept-language', 'x-site-id', 'x-csrf-token', 'idempotency-key', 'x-verification-token'],
    exposeHeaders: ['retry-after', 'idempotent-replayed', 'x-request-id'],
    maxAge: 600,
  }));
  api.onError(onError);
  for (const register of [siteRoutes, accountRoutes, sessionRoutes, profileRoutes, recoveryRoutes, verificationRoutes, companyRoutes, addressRoutes]) {
    register(api, deps);
  }
  app.route(apiBasePath, api);
  // Hono ignores a mounted sub-app's notFound: answer unknown API paths here, in the contract's shape.
  app.notFound((c) => (c.req.path.startsWith(`${apiBasePath}/`) ? errorResponse(new ApiFailure('NOT_FOUND', { message: 'No such operation.' })) : c.text('Not Found', 404)));
  deps.identity?.mount?.(app, deps);
  return { app, deps };
}
