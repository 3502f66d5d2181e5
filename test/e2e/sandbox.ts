// What a tester reads off the sandbox identity provider and asks the API directly: security texts,
// SMS codes, test people, sign-in to prove an account exists (real SQLite, real password hashing),
// and a valid new business registration number.
import { deflateSync } from 'node:zlib';
import { getSandboxPerson, type SandboxPerson } from '../../server/sandbox/people.ts';
import { waitFor } from '../support/wait.ts';

export type Person = Pick<SandboxPerson, 'name' | 'birthDate' | 'gender' | 'nationality' | 'mobile' | 'carrier'>;

export { getSandboxPerson };

let generated = 0;
/**
 * A fresh generated sandbox person (mobile 010-9999-XXXX, name starting with 테스트): the sandbox carrier
 * knows any such claim as a person of their own, so every run signs up someone new.
 */
export function generatedPerson(overrides: Partial<Person> = {}): Person {
  generated += 1;
  const suffix = String((Date.now() + generated * 7919) % 10000).padStart(4, '0');
  const syllables = '가나다라마바사아자차카타파하';
  return {
    name: `테스트${syllables[generated % syllables.length]}${syllables[Number(suffix) % syllables.length]}`,
    birthDate: '1991-03-15',
    gender: 'female',
    nationality: 'domestic',
    mobile: `0109999${suffix}`,
    carrier: 'KT',
    ...overrides,
  };
}

async function json<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** The security text a verification expects now (the sandbox's automation hook). */
export async function captchaAnswer(origin: string, verificationId: string): Promise<string> {
  const body = await json<{ answer: string }>(await fetch(`${origin}/sandbox/verifications/${encodeURIComponent(verificationId)}/captcha-answer`), 'captcha answer');
  return body.answer;
}

interface InboxMessage {
  messageId: string;
  mobile: string;
  text: string;
}

async function inbox(origin: string): Promise<InboxMessage[]> {
  return (await json<{ messages: InboxMessage[] }>(await fetch(`${origin}/sandbox/inbox.json`), 'sandbox inbox')).messages;
}

/** Ids of the SMS already in the inbox: a code wanted later must be in a message not among them. */
export async function seenMessages(origin: string): Promise<Set<string>> {
  return new Set((await inbox(origin)).map((message) => message.messageId));
}

/** The 6-digit code of the newest SMS to `mobile` that is not in `seen`; polls up to `timeoutMs`. */
export async function smsCode(origin: string, mobile: string, seen: ReadonlySet<string>, timeoutMs = 10_000): Promise<string> {
  const digits = mobile.replace(/\D/g, '');
  const newCode = async () => {
    const message = (await inbox(origin)).find((m) => m.mobile === digits && !seen.has(m.messageId));
    return message && /\[(\d{6})\]/.exec(message.text)?.[1];
  };
  return waitFor(newCode, `a new sandbox SMS to ${digits}`, { timeout: timeoutMs, interval: 100 });
}

export interface MemberSummary {
  memberId: string;
  loginId: string;
  name: string;
  memberType: string;
  companyRole: string | null;
  company: { companyId: string; nameKo: string; businessNumber: string } | null;
}

export interface SignInAnswer {
  status: number;
  member: MemberSummary | null;
  error?: { code: string };
  /** The session cookie(s) as a `Cookie` header value. */
  cookie: string;
}

/** POST /api/v1/session as a site would: the answer's status and body, and the session cookie. */
export async function signIn(origin: string, site: string, loginId: string, password: string): Promise<SignInAnswer> {
  const response = await fetch(`${origin}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-site-id': site },
    body: JSON.stringify({ loginId, password }),
  });
  const body = (await response.json()) as { member?: MemberSummary | null; error?: { code: string } };
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  return { status: response.status, member: body.member ?? null, cookie, ...(body.error ? { error: body.error } : {}) };
}

export interface MyCompany {
  role: string;
  company: { companyId: string; businessNumber: string; nameKo: string; certificate: 'none' | 'uploaded' | 'verified'; memberCount: number };
}

/** GET /api/v1/me/company in a signed-in session: the member's company link, or null. */
export async function myCompany(origin: string, site: string, cookie: string): Promise<MyCompany | null> {
  const body = await json<{ membership: MyCompany | null }>(await fetch(`${origin}/api/v1/me/company`, { headers: { 'x-site-id': site, cookie } }), 'getMyCompany');
  return body.membership;
}

/**
 * Signs `person` up through the API alone (no browser), as an earlier visit would have: mobile
 * verification with the sandbox hooks, then createMember on `site` with the site's current terms.
 */
export async function signUpThroughApi(origin: string, site: string, person: Person, account: { loginId: string; password: string }): Promise<MemberSummary> {
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${origin}/api/v1${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', 'x-site-id': site, 'idempotency-key': crypto.randomUUID(), ...init.headers },
    });
  const post = (path: string, body: unknown) => api(path, { method: 'POST', body: JSON.stringify(body) });
  const start = await json<{ verificationId: string }>(await post('/verifications', { method: 'mobile', purpose: 'signup' }), 'startVerification');
  const seen = await seenMessages(origin);
  const { name, birthDate, gender, nationality, mobile, carrier } = person;
  await json(await post(`/verifications/${start.verificationId}/mobile-code`, {
    carrier, name, birthDate, gender, nationality, mobile, captchaAnswer: await captchaAnswer(origin, start.verificationId), providerTermsAgreed: true,
  }), 'requestMobileCode');
  const code = await smsCode(origin, mobile, seen);
  const { verificationToken } = await json<{ verificationToken: string }>(await post(`/verifications/${start.verificationId}/mobile-code/confirm`, { code }), 'confirmMobileCode');
  const { documents } = await json<{ documents: { documentId: string; version: string }[] }>(await api('/terms?purpose=signup'), 'listTerms');
  const result = await json<{ member: MemberSummary }>(await post('/members', {
    memberType: nationality === 'foreign' ? 'foreign' : 'individual',
    verificationToken,
    consents: documents.map(({ documentId, version }) => ({ documentId, version, agreed: true })),
    details: {
      loginId: account.loginId, password: account.password, email: `${account.loginId}@example.com`, phone: '02-2100-3000', mobile: mobile.replace(/^(\d{3})(\d{4})(\d{4})$/, '$1-$2-$3'),
      address: { postcode: '03154', base: '서울특별시 종로구 세종대로 209', detail: '2층' },
    },
  }), 'createMember');
  return result.member;
}

/** Check digit of a business registration number (docs/domain.md, Check digits) for its first nine digits. */
export function businessNumberCheckDigit(first9: string): number {
  const digits = [...first9].map(Number);
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  let sum = digits.reduce((total, digit, index) => total + digit * weights[index]!, 0);
  sum += Math.floor((digits[8]! * 5) / 10);
  return (10 - (sum % 10)) % 10;
}

/** A valid BRN (`XXX-XX-XXXXX`) no registry knows: corporate (`81`), random serial. */
export function newBusinessNumber(): string {
  const serial = String(Math.floor(Math.random() * 10_000)).padStart(4, '0');
  const first9 = `${String(300 + Math.floor(Math.random() * 600))}81${serial}`;
  const all = `${first9}${businessNumberCheckDigit(first9)}`;
  return `${all.slice(0, 3)}-${all.slice(3, 5)}-${all.slice(5)}`;
}

/** A real 2×2 PNG (signature, IHDR, IDAT, IEND): the server checks a certificate by its content. */
export function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (data: Buffer) => {
    let c = 0xffffffff;
    for (const byte of data) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(typed));
    return Buffer.concat([length, typed, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0); // width
  header.writeUInt32BE(2, 4); // height
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const rows = Buffer.from([0, 255, 0, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
