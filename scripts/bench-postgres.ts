#!/usr/bin/env node
// Part of `npm run bench`: the reference server on one PostgreSQL (a throwaway server started here from
// Debian's binaries), 1 instance then 2 instances, on loopback with autocannon: logins/s with p99 (real
// scrypt verification, a session row per login) and login-ID checks/s. Bounded runs; prints figures,
// asserts nothing about speed. Options: --seconds N (default 10), --connections N (default 20, split
// over the instances; logins use --login-connections, default 8: more only queue behind the hashing).
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { demoPassword } from '../server/seed.ts';
import { startPostgres } from '../server/store/postgres-testing.ts';
import { startServer, type ServerProcess } from '../test/node/server-process.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '20' }, 'login-connections': { type: 'string', default: '8' } },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const loginConnections = Number(values['login-connections']);

interface Figures {
  perSecond: number;
  p99: number;
  ok: number;
  failed: number;
}

/** Runs the same load against every instance at once (connections split evenly) and adds it up. */
async function load(servers: ServerProcess[], request: (base: string) => autocannon.Request, duration = seconds, clients = connections): Promise<Figures> {
  const results = await Promise.all(servers.map((server) => autocannon({
    url: server.origin, connections: Math.max(1, Math.round(clients / servers.length)), duration, timeout: 120,
    requests: [request(server.apiBase)],
  })));
  return {
    perSecond: results.reduce((sum, r) => sum + r.requests.average, 0),
    // autocannon reports percentiles per run: the worst instance's p99 stands for the pair.
    p99: Math.max(...results.map((r) => r.latency.p99)),
    ok: results.reduce((sum, r) => sum + r['2xx'], 0),
    failed: results.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0),
  };
}

const login = (base: string): autocannon.Request => ({
  method: 'POST', path: new URL('session', base).pathname,
  headers: { 'x-site-id': 'trade', 'content-type': 'application/json' },
  body: JSON.stringify({ loginId: 'demomember', password: demoPassword }),
});

let n = 0;
const idCheck = (base: string): autocannon.Request => ({
  method: 'GET', headers: { 'x-site-id': 'trade' },
  setupRequest: (request) => ({ ...request, path: new URL(`login-ids/bench${(n += 1)}x/availability`, base).pathname }),
});

// A login verifies scrypt (~0.3 s of one core): logins run at least 30 s (answers still in flight at
// the end are not counted).
const loginSeconds = Math.max(seconds, 30);

function print(name: string, figures: Figures, duration: number, clients = connections) {
  console.log(`${name.padEnd(30)} ${figures.perSecond.toFixed(1).padStart(8)} /s, p99 ${figures.p99} ms  (${figures.ok} ok, ${figures.failed} failed, ${duration} s, ${clients} connections)`);
}

const pg = await startPostgres();
const servers: ServerProcess[] = [];
try {
  const admin = postgres(pg.url, { onnotice: () => {} });
  await admin`CREATE DATABASE bench`;
  await admin.end();
  const env = { MEMBERSHIP_SECRET: 'bench-postgres-secret-0123456789abcdef', DATABASE_URL: pg.url.replace(/\/postgres$/, '/bench'), RATE_LIMIT_SCALE: '1000000' };
  console.log(`reference server on PostgreSQL ${pg.url.replace(/^postgres:\/\/[^@]*@/, '')}, loopback`);
  servers.push(await startServer(env));
  print('logins, 1 instance', await load(servers, login, loginSeconds, loginConnections), loginSeconds, loginConnections);
  print('login-ID checks, 1 instance', await load(servers, idCheck), seconds);
  servers.push(await startServer(env));
  print('logins, 2 instances', await load(servers, login, loginSeconds, loginConnections), loginSeconds, loginConnections);
  print('login-ID checks, 2 instances', await load(servers, idCheck), seconds);
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  await pg.stop();
}
