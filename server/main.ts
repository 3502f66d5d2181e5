#!/usr/bin/env node
// `npm start`: the one-command DEMO — the reference server with its SQLite database, seeded demo
// accounts, the sandbox identity provider and the demo host pages, on one local port.
// To deploy, use `npm run serve` (server/serve.ts): API only, no seed, no sandbox unless asked.
import { sizeThreadPool, readEnvironment, ConfigError } from './env.ts';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createApp } from './app.ts';
import { defaultConfig } from './config.ts';
import { serveDemoPages } from './demo-pages.ts';
import { jsonLogger } from './log.ts';
import { drain, listen, onStopSignal } from './node-server.ts';
import { unusedCertificateTtlMs } from './routes/companies.ts';
import { scryptHasher } from './scrypt.ts';
import { seedDemoData } from './seed.ts';
import { openStore } from './store/open.ts';

const threads = sizeThreadPool();
let env;
try {
  env = readEnvironment(process.env, 'demo');
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`membership demo: ${error.message}`);
  process.exit(1);
}

const dataDir = resolve(env.dataDir);
mkdirSync(dataDir, { recursive: true });
// DATABASE_URL=postgres://… for PostgreSQL (several instances on one database); SQLite otherwise.
const { store, location } = await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir });
const lifecycle = { draining: false };
// Request logs only when asked: the demo console stays readable.
const logger = process.env.MEMBERSHIP_LOG === 'json' ? jsonLogger() : undefined;
const config = defaultConfig(env.origin, {
  allowedOrigins: env.allowedOrigins,
  sandbox: env.sandbox,
  rateLimitScale: env.rateLimitScale,
  trustProxyHops: env.trustProxyHops,
  ...(env.secret ? { secret: env.secret } : {}),
});
const { app, deps } = createApp({ store, config, hasher: scryptHasher(), lifecycle, ...(logger ? { logger } : {}) });
const seeded = await seedDemoData(deps);
serveDemoPages(app);

const { server } = await listen(app, env.port, env.host);
console.log(`membership-elements demo   ${env.origin}/`);
console.log(`membership API            ${env.origin}/api/v1/`);
if (config.sandbox) console.log(`sandbox SMS inbox         ${env.origin}/sandbox/inbox`);
console.log(`database                  ${location}${seeded ? ' (seeded with demo data)' : ''}`);
console.log(`rate-limit scale          ${env.rateLimitScale}; password-hash threads ${threads}`);

// Uploads of signups never finished go after a day, even when nobody uploads (uploads sweep too).
const sweep = setInterval(() => {
  deps.store.deleteUnusedCertificates(Date.now() - unusedCertificateTtlMs).catch((error: unknown) => console.error('certificate sweep failed', error));
}, 60 * 60 * 1000);
sweep.unref();

onStopSignal(async () => {
  await drain(server, { lifecycle });
  await store.close();
});
