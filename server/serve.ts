#!/usr/bin/env node
// `npm run serve`: the deployable reference server — the API only (no demo pages), nothing seeded, no
// sandbox unless MEMBERSHIP_SANDBOX=on (refused with an https PUBLIC_ORIGIN), JSON logs, /health and
// /ready, graceful shutdown on SIGTERM. Environment: see README "Deploying the reference server".
import { sizeThreadPool, readEnvironment, ConfigError } from './env.ts';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApp } from './app.ts';
import { defaultConfig } from './config.ts';
import type { IdentityProvider } from './identity.ts';
import { errorFields, jsonLogger } from './log.ts';
import { drain, listen, onStopSignal } from './node-server.ts';
import { unusedCertificateTtlMs } from './routes/companies.ts';
import { scryptHasher } from './scrypt.ts';
import { openStore } from './store/open.ts';

const threads = sizeThreadPool();
const logger = jsonLogger();
let env;
try {
  env = readEnvironment(process.env, 'serve');
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  // One line on stderr, for whoever reads the orchestrator's events.
  console.error(`membership server: ${error.message}`);
  process.exit(1);
}

const config = defaultConfig(env.origin, {
  allowedOrigins: env.allowedOrigins,
  sandbox: env.sandbox,
  rateLimitScale: env.rateLimitScale,
  trustProxyHops: env.trustProxyHops,
  secret: env.secret!,
});

/** MEMBERSHIP_IDENTITY_MODULE: a module whose default export makes the agency's provider from the config. */
async function loadIdentity(): Promise<IdentityProvider | undefined> {
  const path = process.env.MEMBERSHIP_IDENTITY_MODULE;
  if (!path) return undefined;
  const module = (await import(pathToFileURL(resolve(path)).href)) as { default: (c: typeof config) => IdentityProvider | Promise<IdentityProvider> };
  return module.default(config);
}

let identity: IdentityProvider | undefined;
try {
  identity = await loadIdentity();
} catch (error) {
  console.error(`membership server: MEMBERSHIP_IDENTITY_MODULE could not be loaded (${errorFields(error).message ?? error})`);
  process.exit(1);
}

const dataDir = resolve(env.dataDir);
// DATABASE_URL=postgres://… for PostgreSQL (several instances on one database); SQLite otherwise.
if (!process.env.DATABASE_URL) mkdirSync(dataDir, { recursive: true });
const { store, location } = await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir });
const lifecycle = { draining: false };
const { app, deps } = createApp({ store, config, hasher: scryptHasher(), logger, lifecycle, ...(identity ? { identity } : {}) });

const { server, port } = await listen(app, env.port, env.host);
logger.log('info', 'started', {
  origin: env.origin,
  port,
  database: location,
  identityProvider: deps.identity?.name ?? null,
  sandbox: env.sandbox,
  rateLimitScale: env.rateLimitScale,
  trustProxyHops: env.trustProxyHops,
  allowedOrigins: env.allowedOrigins.join(' '),
  passwordHashThreads: threads,
});
if (!deps.identity) logger.log('warn', 'no identity provider: verification (and so signup, find ID, reset) is off; set MEMBERSHIP_IDENTITY_MODULE');

// Uploads of signups never finished go after a day, even when nobody uploads (uploads sweep too).
const sweep = setInterval(() => {
  deps.store.deleteUnusedCertificates(Date.now() - unusedCertificateTtlMs).catch((error: unknown) => logger.log('error', 'certificate sweep failed', errorFields(error)));
}, 60 * 60 * 1000);
sweep.unref();

onStopSignal(async () => {
  logger.log('info', 'stopping: finishing requests in flight');
  await drain(server, { lifecycle, logger });
  await store.close();
  logger.log('info', 'stopped');
});
