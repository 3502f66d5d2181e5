import type { Context } from 'hono';
import type { ServerConfig } from './config.ts';
import { fail } from './context.ts';

/** Largest JSON body read (the biggest contract body, a corporate signup, is a few KB). */
export const jsonBodyLimit = 64 * 1024;

/** Origins whose pages may send state-changing requests: this server and the allowed sibling sites. */
export function isTrustedOrigin(config: ServerConfig, origin: string): boolean {
  return origin === new URL(config.origin).origin || config.allowedOrigins.includes(origin);
}

/**
 * Refuses a state-changing request a browser sent from another site (login CSRF by a cross-site form):
 * an Origin that is not ours or an allowed sibling, or, without Origin, a cross-site Sec-Fetch-Site.
 * Requests without either header (server-to-server clients, curl) pass: they carry no victim's cookies.
 */
export function refuseCrossSite(c: Context, config: ServerConfig): void {
  const origin = c.req.header('origin');
  if (origin !== undefined) {
    if (!isTrustedOrigin(config, origin)) fail('CSRF_INVALID', { message: 'Cross-site request refused: this origin is not allowed.' });
    return;
  }
  const site = c.req.header('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') fail('CSRF_INVALID', { message: 'Cross-site request refused.' });
}

/** The JSON body, refused with 415 unless sent as application/json and with 413 past the limit, before parsing. */
export async function readJsonBody(c: Context, limit = jsonBodyLimit): Promise<unknown> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') fail('UNSUPPORTED_MEDIA_TYPE', { message: 'Send the body as application/json.' });
  const raw = await readLimited(c, limit);
  if (raw === null) fail('PAYLOAD_TOO_LARGE', { message: `The body may be at most ${limit} bytes.` });
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    fail('VALIDATION_FAILED', { message: 'The request body is not JSON.', fields: [{ field: 'body', code: 'INVALID' }] });
  }
  // 64 KB of brackets nests ~32,000 deep: past the stack of the recursive walks that follow (a 500).
  if (nestedDeeperThan(parsed, jsonDepthLimit)) fail('VALIDATION_FAILED', { message: 'The request body is nested too deeply.', fields: [{ field: 'body', code: 'INVALID' }] });
  return parsed;
}

/** Deepest nesting a JSON body may have (contract bodies nest four levels). */
export const jsonDepthLimit = 32;

/** Whether arrays/objects nest deeper than `limit`, walked without recursion. */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/** The whole body, or null as soon as it is declared or grows past `limit` bytes (also without a Content-Length). */
export async function readLimited(c: Context, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > limit) return null;
  const body = c.req.raw.body;
  // Firefox's Request has no `body` stream (this server also runs there, under MSW): read it whole.
  if (body === undefined) {
    const whole = new Uint8Array(await c.req.raw.arrayBuffer());
    return whole.byteLength > limit ? null : whole;
  }
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
