import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from './log.ts';
import type { Lifecycle } from './observe.ts';

// Serving the app over Node's HTTP server, and stopping it the way an orchestrator expects: on SIGTERM
// /ready turns 503, no new connections are taken, requests in flight finish, then the store closes.

export interface Listening {
  server: Server;
  port: number;
}

export function listen(app: Hono, port: number, host: string): Promise<Listening> {
  const server = createAdaptorServer({ fetch: app.fetch, port, hostname: host }) as Server;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve({ server, port: (server.address() as AddressInfo).port }));
  });
}

export interface ShutdownOptions {
  lifecycle: Lifecycle;
  /** After this, connections still open are cut (a stuck client must not hold the process). */
  timeoutMs?: number;
  logger?: Logger;
}

/** Stops taking connections and resolves once every request in flight has been answered. */
export function drain(server: Server, { lifecycle, timeoutMs = 10_000, logger }: ShutdownOptions): Promise<void> {
  lifecycle.draining = true;
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      logger?.log('warn', 'shutdown timeout: closing open connections', { timeoutMs });
      server.closeAllConnections();
    }, timeoutMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    // Keep-alive connections with nothing in flight would hold close() open until they time out.
    server.closeIdleConnections();
    // A connection that finishes its last request after this point is closed instead of kept alive.
    server.on('request', (_request, response) => response.setHeader('connection', 'close'));
    const closeWhenIdle = setInterval(() => server.closeIdleConnections(), 100);
    closeWhenIdle.unref();
    server.once('close', () => clearInterval(closeWhenIdle));
  });
}

/** Runs `stop` once on SIGTERM or SIGINT, then exits. */
export function onStopSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = () => {
    if (stopping) return;
    stopping = true;
    stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}
