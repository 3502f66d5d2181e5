// The real reference server for the attack suites: createApp over SQLite in a temp directory, called
// through its fetch handler (raw requests with a cookie jar, like one browser each), plus helpers that
// put members, companies and verification tokens straight into its store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { VerificationPurpose } from '../../src/api/index.ts';
import type { ServerConfig } from '../../server/config.ts';
import { cookieJar } from '../../server/cookie-jar.ts';
import { pbkdf2Hasher, randomId, type PasswordHasher } from '../../server/crypto.ts';
import { SqliteStore } from '../../server/store/sqlite.ts';
import type { CompanyRecord, MemberRecord, VerificationRecord, VerifiedPerson } from '../../server/store/types.ts';
import { testOrigin, testServer, type TestServer } from '../../server/testing.ts';
import { issueVerificationToken } from '../../server/verification-tokens.ts';

export const password = 'Attack!2026pw';

/** A hasher that counts its calls: proves the password work happens on a path, whatever its timing. */
export function countingHasher(inner: PasswordHasher) {
  const counts = { hash: 0, verify: 0 };
  const hasher: PasswordHasher = {
    hash: (value) => ((counts.hash += 1), inner.hash(value)),
    verify: (value, stored) => ((counts.verify += 1), inner.verify(value, stored)),
  };
  return { hasher, counts };
}

export interface AttackServer extends TestServer {
  store: SqliteStore;
  /** The SQLite file, for counting rows through a second connection. */
  dbPath: string;
  /** COUNT(*) of a query, read through a second connection (what the server committed). */
  count(sql: string, ...args: (string | number)[]): number;
  counts: { hash: number; verify: number };
  /** A browser-like agent: its own cookies, Origin of this server, JSON bodies, CSRF header once signed in. */
  agent(site?: string): Agent;
  close(): void;
}

export async function attackServer(options: { config?: Partial<ServerConfig>; hasher?: PasswordHasher } = {}): Promise<AttackServer> {
  const dir = mkdtempSync(join(tmpdir(), 'membership-attacks-'));
  const dbPath = join(dir, 'membership.sqlite');
  const store = new SqliteStore(dbPath);
  const { hasher, counts } = countingHasher(options.hasher ?? pbkdf2Hasher(1_000));
  const h = testServer({ store, hasher, config: { rateLimitScale: 10_000, ...options.config } });
  return {
    ...h,
    store,
    dbPath,
    counts,
    count(sql, ...args) {
      const db = new DatabaseSync(dbPath, { readOnly: true });
      try {
        return Number((db.prepare(sql).get(...args) as { n: number }).n);
      } finally {
        db.close();
      }
    },
    agent: (site = 'trade') => agent(h, site),
    close() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

export type Agent = ReturnType<typeof agent>;

function agent(h: TestServer, site: string) {
  const jar = cookieJar();
  let csrf: string | null = null;
  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const all = new Headers({ 'x-site-id': site, origin: testOrigin, 'sec-fetch-site': 'same-origin', ...headers });
    if (csrf && method !== 'GET' && !('x-csrf-token' in headers)) all.set('x-csrf-token', csrf);
    let payload: BodyInit | undefined;
    if (body instanceof FormData || typeof body === 'string' || body instanceof Uint8Array) payload = body as BodyInit;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      if (!all.has('content-type')) all.set('content-type', 'application/json');
    }
    const response = await h.app.fetch(jar.attach(new Request(`${testOrigin}/api/v1${path}`, { method, headers: all, ...(payload !== undefined ? { body: payload } : {}) })));
    jar.store(response);
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    const answer = { status: response.status, body: parsed as any, headers: response.headers };
    if (path === '/session' && method === 'POST' && response.status === 200) csrf = (parsed as { csrfToken: string }).csrfToken;
    if (path === '/session' && method === 'DELETE') csrf = null;
    return answer;
  };
  return {
    send,
    get: (path: string, headers?: Record<string, string>) => send('GET', path, undefined, headers),
    post: (path: string, body?: unknown, headers?: Record<string, string>) => send('POST', path, body ?? {}, headers),
    patch: (path: string, body?: unknown, headers?: Record<string, string>) => send('PATCH', path, body ?? {}, headers),
    del: (path: string, headers?: Record<string, string>) => send('DELETE', path, undefined, headers),
    login: (loginId: string, secret = password) => send('POST', '/session', { loginId, password: secret }),
    get csrfToken() {
      return csrf;
    },
    jar,
  };
}

let people = 0;
/** A verified person of their own (unique DI/CI), born 1990. */
export function newPerson(name = '테스트공격'): VerifiedPerson {
  people += 1;
  const key = `${process.pid}-${people}-${randomId('p')}`;
  return { name, birthDate: '1990-05-17', gender: 'female', nationality: 'domestic', mobile: `0109999${String(people % 10000).padStart(4, '0')}`, carrier: 'KT', ci: `ci-${key}`, di: `di-${key}` };
}

/** A verification token as the provider would leave it, for `person` (default: a new one). */
export async function verificationToken(h: TestServer, options: { person?: VerifiedPerson; purpose?: VerificationPurpose; site?: string; resetId?: string } = {}) {
  const person = options.person ?? newPerson();
  const record = {
    verificationId: randomId('ver'), siteId: options.site ?? 'trade', purpose: options.purpose ?? 'signup', method: 'mobile',
    ...(options.resetId ? { resetId: options.resetId } : {}),
  } as unknown as VerificationRecord;
  const issued = await issueVerificationToken(h.deps, record, person);
  return { token: issued.verificationToken, person };
}

/** The consent answers a complete signup sends (every document of the site, required ones agreed). */
export async function consents(h: AttackServer, site = 'trade') {
  const answer = await h.agent(site).get('/terms?purpose=signup');
  return (answer.body.documents as { documentId: string; version: string; required: boolean }[]).map((doc) => ({ documentId: doc.documentId, version: doc.version, agreed: doc.required }));
}

/** A createMember body for an individual member. */
export function signupBody(token: string, loginId: string, answers: unknown[], details: Record<string, unknown> = {}) {
  return {
    memberType: 'individual', verificationToken: token, consents: answers,
    details: { loginId, password, email: `${loginId}@example.com`, mobile: '010-1234-5678', phone: '02-123-4567', address: { postcode: '03154', base: '서울특별시 종로구 세종대로 209', detail: '3층' }, ...details },
  };
}

/** A member written straight into the store (password `password`). */
export async function putMember(h: AttackServer, loginId: string, memberType: MemberRecord['memberType'] = 'individual'): Promise<MemberRecord> {
  const person = newPerson();
  const member: MemberRecord = {
    memberId: randomId('mem'), loginId, loginKey: loginId.toLowerCase(), passwordHash: await h.deps.hasher.hash(password), memberType,
    name: person.name, nameEn: null, birthDate: person.birthDate, gender: person.gender, nationality: person.nationality,
    email: `${loginId}@example.com`, mobile: '010-9999-0000', phone: null, fax: null, department: null, position: null, address: null,
    interestItems: [], interestRegions: [], di: person.di, ci: person.ci, verifiedWith: 'mobile', joinedSiteId: 'trade', joinedAt: h.deps.now(),
  };
  const created = await h.store.createMember(member, []);
  if (!created.ok) throw new Error(`putMember ${loginId}: ${created.conflict}`);
  return member;
}

/** A business registration number with a valid check digit, new for each call. */
let brns = 0;
export function newBusinessNumber(): string {
  brns += 1;
  const first9 = `${String(200 + (process.pid % 500)).padStart(3, '0')}81${String((Date.now() + brns) % 10000).padStart(4, '0')}`;
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(first9[i]) * weights[i]!;
  sum += Math.floor((Number(first9[8]) * 5) / 10);
  return `${first9}${(10 - (sum % 10)) % 10}`;
}

export function companyDetails(businessNumber: string, nameKo = '공격테스트 주식회사') {
  return {
    businessNumber: `${businessNumber.slice(0, 3)}-${businessNumber.slice(3, 5)}-${businessNumber.slice(5)}`, nameKo, nameEn: 'Attack Test Co., Ltd.',
    ceoNameKo: '김대표', ceoNameEn: 'Kim Ceo', corporateNumber: '110111-0062432', businessType: '제조업', industry: '정밀기계',
    companyType: 'corporation', classification: 'small', mainProduct: 'consumer', tradeKind: 'trade', phone: '02-1234-5678',
    innoBiz: false, venture: false, foreignInvested: false,
    email: 'info@attack.example', homepage: 'https://attack.example', address: { postcode: '06164', base: '서울특별시 강남구 영동대로 511', detail: '1층' },
  };
}

/** Links `member` to the company of `businessNumber` in the store (first linker: MASTER, later: associate). */
export async function putLink(h: AttackServer, member: MemberRecord, businessNumber: string, role?: 'regular') {
  const company: CompanyRecord = { companyId: randomId('cmp'), businessNumber, details: companyDetails(businessNumber) as CompanyRecord['details'], certificateId: null, certificateStatus: 'verified', registeredAt: h.deps.now() };
  const linked = await h.store.linkCompany(member.memberId, company, h.deps.now());
  if (!linked.ok) throw new Error(`putLink: ${linked.reason}`);
  if (role) await h.store.setRole(linked.company.companyId, member.memberId, role);
  return linked.company;
}

/** Median and p90 of a list of durations (ms). */
export function spread(values: number[]): { median: number; p90: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p90: at(0.9) };
}

/** Prints a table: header row, then rows, columns padded. */
export function printTable(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((cell, i) => Math.max(width(cell), ...rows.map((row) => width(row[i] ?? ''))));
  const line = (cells: string[]) => cells.map((cell, i) => cell + ' '.repeat(widths[i]! - width(cell))).join('  ');
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
}

// Hangul takes two columns in a terminal.
function width(text: string): number {
  let columns = 0;
  for (const char of text) columns += /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/.test(char) ? 2 : 1;
  return columns;
}
