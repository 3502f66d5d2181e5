#!/usr/bin/env node
// `npm start`: the reference membership server with its SQLite database, the sandbox identity
// provider, and the demo host pages, on one local port.
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createApp } from './app.ts';
import { defaultConfig } from './config.ts';
import { scryptHasher } from './scrypt.ts';
import { seedDemoData } from './seed.ts';
import { openStore } from './store/open.ts';

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = resolve(process.env.MEMBERSHIP_DATA_DIR ?? 'data');
const origin = process.env.PUBLIC_ORIGIN ?? `http://localhost:${port}`;
const allowedOrigins = (process.env.MEMBERSHIP_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);

mkdirSync(dataDir, { recursive: true });
// DATABASE_URL=postgres://… for PostgreSQL (several instances on one database); SQLite otherwise.
const { store, location } = await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir });
const config = defaultConfig(origin, {
  allowedOrigins,
  sandbox: process.env.MEMBERSHIP_SANDBOX !== 'off',
  ...(process.env.RATE_LIMIT_SCALE ? { rateLimitScale: Number(process.env.RATE_LIMIT_SCALE) } : {}),
});
const { app, deps } = createApp({ store, config, hasher: scryptHasher() });
const seeded = await seedDemoData(deps);

// Demo host pages and the built bundles they load, like an agency site would serve them.
app.use('/dist/*', serveStatic({ root: './' }));
app.use('/*', serveStatic({ root: './demo', rewriteRequestPath: (path) => (path.endsWith('/') ? `${path}index.html` : path) }));

const server = serve({ fetch: app.fetch, port, hostname: host }, () => {
  console.log(`membership-elements demo   ${origin}/`);
  console.log(`membership API            ${origin}/api/v1/`);
  if (config.sandbox) console.log(`sandbox SMS inbox         ${origin}/sandbox/inbox`);
  console.log(`database                  ${location}${seeded ? ' (seeded with demo data)' : ''}`);
});

async function shutdown() {
  server.close();
  await store.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
