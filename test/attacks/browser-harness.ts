// The demo of `npm start` in-process for the browser attacks: createApp over SQLite in a temp dir, the
// demo pages under their strict CSP, seeded data, and an XSS corpus planted in every text the API
// returns (site config, terms, a registered company). Plus a second loopback origin for cross-site
// pages, and capture of what a page leaks (events, console, URLs, storage, CSP violations).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createApp } from '../../server/app.ts';
import { defaultConfig, defaultSites, type SiteSettings } from '../../server/config.ts';
import { pbkdf2Hasher, randomId } from '../../server/crypto.ts';
import { serveDemoPages } from '../../server/demo-pages.ts';
import { listen } from '../../server/node-server.ts';
import { seedDemoData } from '../../server/seed.ts';
import { SqliteStore } from '../../server/store/sqlite.ts';
import type { CompanyRecord } from '../../server/store/types.ts';

/** Each payload sets the canary `__xss` if it ever runs; the demo pages' CSP would also report it. */
export const xssCorpus = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload="window.__xss=1"></svg>',
  "' onmouseover='window.__xss=1' x='",
  'javascript:window.__xss=1',
  '${window.__xss=1}',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<a href="javascript:window.__xss=1">x</a>',
  '</textarea></style><script>window.__xss=1</script>',
  '<svg><animate onbegin="window.__xss=1" attributeName="x"/></svg>',
];

let planted = 0;
/** Appends a payload to every localized text ({ko, en}) under `value`, keeping the text in front. */
function plant(value: unknown): void {
  if (!value || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (typeof record.ko === 'string' && typeof record.en === 'string' && Object.keys(record).length === 2) {
    const payload = xssCorpus[planted++ % xssCorpus.length];
    record.ko = `${record.ko}${payload}`;
    record.en = `${record.en}${payload}`;
    return;
  }
  for (const child of Object.values(record)) plant(child);
}

export const xssCompany = { businessNumber: '2208162517', nameKo: `악성<img src=x onerror="window.__xss=1">상사`, nameEn: `Evil"><script>window.__xss=1</script> Co.` };

export interface AttackDemo {
  origin: string;
  /** A page origin of another site (127.0.0.2), serving `/form` and `/post` attack pages. */
  evilOrigin: string;
  stop(): Promise<void>;
}

export async function startAttackDemo(): Promise<AttackDemo> {
  const dir = mkdtempSync(join(tmpdir(), 'membership-attacks-browser-'));
  const store = new SqliteStore(join(dir, 'membership.sqlite'));
  const sites = structuredClone(defaultSites) as Record<string, SiteSettings>;
  plant(sites);
  // Port first: the server's public origin is part of its config.
  const probe = await listenEvil(() => '', '127.0.0.1');
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  const origin = `http://127.0.0.1:${port}`;
  const { app, deps } = createApp({ store, config: defaultConfig(origin, { sites, rateLimitScale: 100 }), hasher: pbkdf2Hasher(1_000) });
  await seedDemoData(deps);
  const details = { ...(await deps.store.findCompanyByBusinessNumber('1248100998'))!.details, ...xssCompany, businessNumber: '220-81-62517' };
  const company: CompanyRecord = { companyId: randomId('cmp'), businessNumber: xssCompany.businessNumber, details, certificateId: null, certificateStatus: 'verified', registeredAt: deps.now() };
  const owner = (await deps.store.findMemberByLoginKey('demomember'))!;
  await deps.store.linkCompany(owner.memberId, company, deps.now());
  serveDemoPages(app);
  const { server } = await listen(app, port, '127.0.0.1');
  const evil = await listenEvil((url) => evilPage(url, origin), '127.0.0.2');
  return {
    origin,
    evilOrigin: `http://127.0.0.2:${(evil.address() as AddressInfo).port}`,
    async stop() {
      server.closeAllConnections();
      evil.closeAllConnections();
      await Promise.all([new Promise((resolve) => server.close(resolve)), new Promise((resolve) => evil.close(resolve))]);
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function listenEvil(page: (url: URL) => string, host: string): Promise<Server> {
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page(new URL(request.url ?? '/', 'http://evil')));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve(server));
  });
}

/** `/form`: a login CSRF form (enctype text/plain, body that happens to be JSON); `/post?m=…`: posts `m` to its opener. */
function evilPage(url: URL, target: string): string {
  if (url.pathname === '/form') {
    return `<!doctype html><form id="f" method="POST" enctype="text/plain" action="${target}/api/v1/session?site=trade">
<input type="hidden" name='{"loginId":"demomember","password":"Demo2026!pw","x":"' value='"}'></form>
<script>document.getElementById('f').submit()</script>`;
  }
  if (url.pathname === '/post') {
    return `<!doctype html><script>opener.postMessage(JSON.parse(${JSON.stringify(url.searchParams.get('m') ?? 'null')}), '*'); document.title = 'posted';</script>`;
  }
  return '<!doctype html><title>evil</title>';
}

/** What a page showed to the world during a journey. */
export interface Leaks {
  events: { type: string; detail: string }[];
  console: string[];
  urls: string[];
  violations: string[];
  /** Secrets the server handed out (verification tokens, CSRF tokens) as seen on the wire. */
  secrets: { kind: string; value: string }[];
}

// Before any page script: every CustomEvent dispatched anywhere, and every CSP violation, reported out.
const probe = `(() => {
  const dispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (event) {
    if (event instanceof CustomEvent) { let d; try { d = JSON.stringify(event.detail); } catch { d = String(event.detail); } window.__attackEvent(event.type, d ?? ''); }
    return dispatch.call(this, event);
  };
  document.addEventListener('securitypolicyviolation', (e) => window.__attackViolation(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')), true);
})();`;

export async function watchLeaks(context: BrowserContext): Promise<Leaks> {
  const leaks: Leaks = { events: [], console: [], urls: [], violations: [], secrets: [] };
  await context.exposeBinding('__attackEvent', (_source, type: string, detail: string) => void leaks.events.push({ type, detail }));
  await context.exposeBinding('__attackViolation', (_source, text: string) => void leaks.violations.push(text));
  await context.addInitScript({ content: probe });
  context.on('request', (request) => void leaks.urls.push(request.url()));
  context.on('response', async (response) => {
    if (!(response.headers()['content-type'] ?? '').includes('json')) return;
    const text = await response.text().catch(() => '');
    for (const kind of ['verificationToken', 'csrfToken']) {
      for (const match of text.matchAll(new RegExp(`"${kind}":"([^"]+)"`, 'g'))) leaks.secrets.push({ kind, value: match[1]! });
    }
  });
  context.on('page', (page) => watchPage(page, leaks));
  return leaks;
}

function watchPage(page: Page, leaks: Leaks): void {
  page.on('console', (message) => void leaks.console.push(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => void leaks.console.push(`[pageerror] ${error.message}`));
  page.on('framenavigated', (frame) => void leaks.urls.push(frame.url()));
}
