// The contract test kit's context: contract clients over real HTTP (one cookie jar per simulated
// browser), the sandbox mobile verification driven through its automation hooks, generated test
// people, and a recorder that checks every answer the kit sees against the contract and notes which
// operations were exercised.
import assert, { AssertionError } from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import {
  apiErrorCodes,
  apiErrorSchema,
  carriers,
  commonErrorCodes,
  errorStatus,
  MembershipClient,
  MembershipError,
  operations,
  type ApiErrorCode,
  type Carrier,
  type CompanyDetails,
  type ConsentAnswer,
  type Gender,
  type MemberSummary,
  type Nationality,
  type Operation,
  type SignupRequest,
  type SiteConfig,
  type TermsDocument,
  type VerificationPurpose,
  type VerificationResult,
} from '../../src/api/index.ts';
import { cookieJar } from '../../server/cookie-jar.ts';

// ---------------------------------------------------------------- scenarios

export interface Scenario {
  name: string;
  run(ctx: ContractContext): Promise<void>;
}

export interface Area {
  /** `site`, `login-id`, … (what `--only` selects). */
  area: string;
  scenarios: Scenario[];
}

// ---------------------------------------------------------------- generated test people

/** A person of the sandbox carrier: mobile 010-9999-XXXX and a name starting with 테스트 make one. */
export interface TestPerson {
  name: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  gender: Gender;
  nationality: Nationality;
  carrier: Carrier;
  /** `010-9999-XXXX`. */
  mobile: string;
}

const hangul = () => String.fromCodePoint(0xac00 + randomInt(0, 11172));

/** A fresh generated test person: random name suffix and number, an adult (born 1960–2000). */
export function newPerson(overrides: Partial<TestPerson> = {}): TestPerson {
  const year = randomInt(1960, 2001);
  const month = randomInt(1, 13);
  const day = randomInt(1, 29);
  return {
    name: `테스트${hangul()}${hangul()}`,
    birthDate: `${year}-${pad(month)}-${pad(day)}`,
    gender: randomInt(0, 2) === 0 ? 'male' : 'female',
    nationality: 'domestic',
    carrier: carriers[randomInt(0, carriers.length)]!,
    mobile: `010-9999-${String(randomInt(0, 10_000)).padStart(4, '0')}`,
    ...overrides,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Today's calendar date in Asia/Seoul as `{ year, month, day }`. */
export function seoulToday(now = new Date()): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** `years` years before today (Asia/Seoul) plus `plusDays` days, as `YYYY-MM-DD` (29 Feb rolls to 1 Mar). */
export function birthDateYearsAgo(years: number, plusDays = 0, now = new Date()): string {
  const today = seoulToday(now);
  const date = new Date(Date.UTC(today.year - years, today.month - 1, today.day + plusDays));
  return date.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------- IDs, passwords, numbers

const alnum = 'abcdefghijklmnopqrstuvwxyz0123456789';
const randomText = (length: number, alphabet = alnum) => Array.from({ length }, () => alphabet[randomInt(0, alphabet.length)]).join('');

/** A login ID nobody has: starts with a letter, lowercase letters and digits, fits the policy. */
export function newLoginId(policy?: SiteConfig['policy']): string {
  const min = policy?.loginId.minLength ?? 6;
  const max = policy?.loginId.maxLength ?? 20;
  const length = Math.max(min, Math.min(max, 14));
  return `k${randomText(length - 1)}`;
}

/** A password that meets any usual policy (letters, digits and specials, 16 characters or the
 *  policy's bounds, no character twice in a row) and never contains a kit login ID. */
export function newPassword(policy?: SiteConfig['policy']): string {
  const min = policy?.password.minLength ?? 9;
  const max = policy?.password.maxLength ?? 64;
  const length = Math.max(min, Math.min(max, 16), 4);
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let password = 'Pw!9';
  while (password.length < length) {
    const next = alphabet[randomInt(0, alphabet.length)]!;
    if (next !== password.at(-1)) password += next;
  }
  return password;
}

/** The BRN check digit of the first nine digits (docs/domain.md, Check digits). */
export function brnCheckDigit(nine: string): number {
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  const digits = [...nine].map(Number);
  let sum = digits.reduce((total, digit, i) => total + digit * weights[i]!, 0);
  sum += Math.floor((digits[8]! * 5) / 10);
  return (10 - (sum % 10)) % 10;
}

/** A random business registration number with a valid check digit, `XXX-XX-XXXXX`. */
export function newBusinessNumber(): string {
  const nine = `${randomInt(101, 1000)}${pad(randomInt(1, 100))}${String(randomInt(0, 10_000)).padStart(4, '0')}`;
  const digits = `${nine}${brnCheckDigit(nine)}`;
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

export const sampleAddress = { postcode: '03154', base: '서울특별시 종로구 세종대로 209', detail: '1층' };

/** Company details that meet the company form rules; select fields take the site's first option. */
export function companyDetails(businessNumber: string, config?: SiteConfig): CompanyDetails {
  const options = config?.companyOptions;
  const first = (list: { value: string }[] | undefined) => list?.[0]?.value;
  const choices = {
    companyType: first(options?.companyType),
    classification: first(options?.classification),
    mainProduct: first(options?.mainProduct),
    tradeKind: first(options?.tradeKind),
  };
  return {
    businessNumber,
    nameKo: `테스트상사 ${hangul()}${hangul()}`,
    nameEn: 'Kit Test Trading Co., Ltd.',
    ceoNameKo: '홍길동',
    ceoNameEn: 'Hong Gildong',
    businessType: '도소매업',
    industry: '무역',
    innoBiz: false,
    venture: true,
    foreignInvested: false,
    phone: '02-1234-5678',
    email: 'contact@example.com',
    address: { ...sampleAddress, detail: '3층' },
    ...Object.fromEntries(Object.entries(choices).filter(([, value]) => value !== undefined)),
  };
}

// ---------------------------------------------------------------- a simulated browser

type Fetch = typeof globalThis.fetch;

/** A contract client with its own cookie jar; `raw` sends what the client would not (no CSRF header, …). */
export class Browser extends MembershipClient {
  #send: Fetch;
  #seen: { setCookie: string[] };

  constructor(apiBase: string, siteId: string, send: Fetch) {
    const jar = cookieJar();
    const seen = { setCookie: [] as string[] };
    const browserFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await send(jar.attach(new Request(input, init)));
      const lines = response.headers.getSetCookie();
      if (lines.length > 0) seen.setCookie = lines;
      jar.store(response);
      return response;
    };
    // One HTTP request per call: retries would hide answers from the recorder and the scenarios.
    super({ apiBase, siteId, lang: 'en', retryLimit: 0, fetch: browserFetch as Fetch });
    this.#send = browserFetch as Fetch;
    this.#seen = seen;
  }

  /** `Set-Cookie` lines of the last answer that had any. */
  get lastSetCookie(): readonly string[] {
    return this.#seen.setCookie;
  }

  /** A request below the API base with this browser's cookies; `X-Site-Id` unless `site: null`. */
  raw(path: string, init: RequestInit & { site?: string | null } = {}): Promise<Response> {
    const { site, ...rest } = init;
    const headers = new Headers(rest.headers);
    const siteId = site === undefined ? this.siteId : site;
    if (siteId !== null && !headers.has('x-site-id')) headers.set('x-site-id', siteId);
    return this.#send(new URL(path.replace(/^\//, ''), this.apiBase), { ...rest, headers });
  }
}

// ---------------------------------------------------------------- the context

export interface ContextOptions {
  /** API base, e.g. `http://127.0.0.1:8787/api/v1/`. */
  baseUrl: string;
  siteId?: string;
  /** An origin the server allows for CORS with credentials (checked when given). */
  allowedOrigin?: string;
}

export interface VerifyOptions {
  /** reset-password: the reset this verification proves. */
  resetId?: string;
}

/** A member the kit signed up, with what it needs to sign in again. */
export interface Account {
  loginId: string;
  password: string;
  person: TestPerson;
  memberId: string;
  summary: MemberSummary;
  certificatePending: boolean;
}

export interface SignUpOptions {
  person?: TestPerson;
  loginId?: string;
  password?: string;
  memberType?: SignupRequest['memberType'];
  company?: SignupRequest['company'];
  details?: Partial<SignupRequest['details']>;
  browser?: Browser;
}

export type ContractContext = ReturnType<typeof createContext>;

/** One protocol problem: an answer outside the contract, seen while a scenario ran. */
export interface Violation {
  scenario: string;
  message: string;
}

export function createContext(options: ContextOptions) {
  const baseUrl = new URL(options.baseUrl.replace(/\/?$/, '/')).href;
  const origin = new URL(baseUrl).origin;
  const siteId = options.siteId ?? 'trade';
  const exercised = new Set<string>();
  const violations: Violation[] = [];
  let scenario = '(setup)';

  const record: Fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    await inspect(request, response);
    return response;
  };

  async function inspect(request: Request, response: Response): Promise<void> {
    const url = new URL(request.url);
    const found = operationOf(baseUrl, request.method, url);
    if (found === undefined) return; // not below the API base
    const where = `${request.method} ${url.pathname}`;
    const problem = (message: string) => violations.push({ scenario, message: `${where}: ${message}` });
    if (found) exercised.add(found.id);
    if (response.ok) {
      if (found && response.status !== found.successStatus) problem(`answered ${response.status}; ${found.id} answers ${found.successStatus} on success`);
      return;
    }
    const text = await response.clone().text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      problem(`HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 120)}`);
      return;
    }
    const parsed = apiErrorSchema.safeParse(body);
    if (!parsed.success) {
      problem(`HTTP ${response.status} with a body outside the error contract: ${text.slice(0, 200)}`);
      return;
    }
    const code = parsed.data.error.code;
    const allowed: readonly ApiErrorCode[] = found ? [...found.errors, ...commonErrorCodes] : ['NOT_FOUND', ...commonErrorCodes];
    if (!allowed.includes(code)) problem(`answered ${code}, which ${found ? found.id : 'an unknown route'} may not answer (its codes: ${allowed.join(', ')})`);
    if (errorStatus[code] !== response.status) problem(`answered ${code} with HTTP ${response.status}; the contract says ${errorStatus[code]}`);
    if ((response.status === 429 || response.status === 503) && !validRetryAfter(response.headers.get('retry-after'))) {
      problem(`HTTP ${response.status} ${code} without a Retry-After header`);
    }
  }

  function newBrowser(options: { siteId?: string } = {}): Browser {
    return new Browser(baseUrl, options.siteId ?? siteId, record);
  }

  let siteConfig: Promise<SiteConfig> | undefined;
  let signupTerms: Promise<TermsDocument[]> | undefined;
  const setupBrowser = newBrowser();

  /** The site's configuration (read once). */
  function site(): Promise<SiteConfig> {
    siteConfig ??= setupBrowser.call('getSiteConfig', {});
    return siteConfig;
  }

  /** Answers to the site's signup documents: every required one agreed; optional ones as given. */
  async function consents(agreeOptional = false): Promise<ConsentAnswer[]> {
    signupTerms ??= setupBrowser.call('listTerms', { query: { purpose: 'signup' } }).then((terms) => terms.documents);
    return (await signupTerms).map((doc) => ({ documentId: doc.documentId, version: doc.version, agreed: doc.required || agreeOptional }));
  }

  async function sandboxJson(path: string): Promise<unknown> {
    const response = await fetch(new URL(path, origin), { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`sandbox ${path} answered HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
    return response.json();
  }

  /** The security text a verification expects right now (sandbox automation hook). */
  async function captchaAnswer(verificationId: string): Promise<string> {
    const body = (await sandboxJson(`/sandbox/verifications/${encodeURIComponent(verificationId)}/captcha-answer`)) as { answer?: unknown };
    if (typeof body.answer !== 'string') throw new Error(`sandbox captcha-answer hook gave no answer for ${verificationId}`);
    return body.answer;
  }

  /** The 6-digit code of the newest sandbox SMS to this number, or null. */
  async function latestCode(mobile: string): Promise<string | null> {
    const digits = mobile.replace(/\D/g, '');
    const body = (await sandboxJson('/sandbox/inbox.json')) as { messages?: { mobile: string; text: string; sentAt: string }[] };
    const mine = (body.messages ?? []).filter((m) => m.mobile.replace(/\D/g, '') === digits);
    mine.sort((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt));
    const text = mine[0]?.text ?? '';
    return /\[(\d{6})\]/.exec(text)?.[1] ?? /\b(\d{6})\b/.exec(text)?.[1] ?? null;
  }

  /** The mobile form for a person, with a security text. */
  function mobileCodeBody(person: TestPerson, captcha: string) {
    const { carrier, name, birthDate, gender, nationality, mobile } = person;
    return { carrier, name, birthDate, gender, nationality, mobile, captchaAnswer: captcha, providerTermsAgreed: true as const };
  }

  /** A finished mobile verification of `person` through `client`, the way a user does it. */
  async function verification(client: MembershipClient, purpose: VerificationPurpose, person: TestPerson = newPerson(), opts: VerifyOptions = {}): Promise<VerificationResult> {
    const start = await client.call('startVerification', { body: { method: 'mobile', purpose, ...(opts.resetId ? { resetId: opts.resetId } : {}) } });
    assert.equal(start.kind, 'otp', 'a mobile verification starts as kind "otp"');
    const { verificationId } = start;
    await client.call('requestMobileCode', { params: { verificationId }, body: mobileCodeBody(person, await captchaAnswer(verificationId)) });
    const code = await latestCode(person.mobile);
    if (!code) throw new Error(`no sandbox SMS to ${person.mobile} in /sandbox/inbox.json`);
    const result = await client.call('confirmMobileCode', { params: { verificationId }, body: { code } });
    assert.equal(result.purpose, purpose);
    assert.equal(result.person.name, person.name);
    assert.equal(result.person.birthDate, person.birthDate);
    return result;
  }

  /** The single-use verification token of a finished mobile verification. */
  async function verify(client: MembershipClient, purpose: VerificationPurpose, person?: TestPerson, opts?: VerifyOptions): Promise<string> {
    return (await verification(client, purpose, person, opts)).verificationToken;
  }

  /** The verification token(s) a signup of `person` needs: a second, newer one where the site asks
   *  for a fresh verification at submit (`reverifyAtSignupSubmit`). */
  async function signupTokens(client: MembershipClient, person: TestPerson, purpose: VerificationPurpose = 'signup') {
    const verificationToken = await verify(client, purpose, person);
    if (!(await site()).reverifyAtSignupSubmit) return { verificationToken };
    return { verificationToken, submitVerificationToken: await verify(client, 'signup', person) };
  }

  /** Signup details that meet the site policy. */
  function signupDetails(person: TestPerson, loginId: string, password: string): SignupRequest['details'] {
    return {
      loginId,
      password,
      email: `${loginId}@example.com`,
      nameEn: 'Test Person',
      mobile: person.mobile,
      phone: '02-2100-1234',
      department: '해외사업부',
      position: '대리',
      address: sampleAddress,
      interestItems: [{ nameKo: '반도체', nameEn: 'Semiconductors', productCode: '8541' }],
      interestRegions: ['VN'],
    };
  }

  /** Verifies a (fresh) person and signs them up. */
  async function signUp(opts: SignUpOptions = {}): Promise<Account> {
    const config = await site();
    const person = opts.person ?? newPerson();
    const loginId = opts.loginId ?? newLoginId(config.policy);
    const password = opts.password ?? newPassword(config.policy);
    const browser = opts.browser ?? newBrowser();
    const body: SignupRequest = {
      memberType: opts.memberType ?? 'individual',
      ...(await signupTokens(browser, person)),
      consents: await consents(),
      details: { ...signupDetails(person, loginId, password), ...opts.details },
      ...(opts.company ? { company: opts.company } : {}),
    };
    const result = await browser.call('createMember', { body });
    assert.equal(result.member.loginId.toLowerCase(), loginId.toLowerCase());
    assert.equal(result.member.name, person.name);
    return { loginId, password, person, memberId: result.member.memberId, summary: result.member, certificatePending: result.certificatePending };
  }

  let shared: Promise<Account> | undefined;
  /** One domestic individual member shared by the areas that only read it or sign in with it. */
  function member(): Promise<Account> {
    shared ??= signUp();
    return shared;
  }

  /** A signed-in browser of an account. */
  async function signIn(account: Pick<Account, 'loginId' | 'password'>): Promise<Browser> {
    const browser = newBrowser();
    await browser.call('login', { body: { loginId: account.loginId, password: account.password } });
    return browser;
  }

  return {
    baseUrl,
    origin,
    siteId,
    allowedOrigin: options.allowedOrigin,
    newBrowser,
    newPerson,
    verify,
    verification,
    captchaAnswer,
    latestCode,
    mobileCodeBody,
    expectError,
    site,
    consents,
    signupDetails,
    signupTokens,
    signUp,
    signIn,
    member,
    /** Operation ids the kit has called. */
    exercised,
    /** Answers outside the contract, by scenario. */
    violations,
    /** Fetch through the recorder (raw requests that need no cookies). */
    fetch: record,
    /** Names the scenario under way (answers seen are attributed to it). */
    setScenario(name: string) {
      scenario = name;
    },
  };
}

/** Asserts that a call fails with the contract error `code`; returns the error. */
export async function expectError(promise: Promise<unknown>, code: ApiErrorCode): Promise<MembershipError> {
  let failure: unknown;
  try {
    await promise;
  } catch (error) {
    failure = error;
  }
  if (failure === undefined) assert.fail(`expected ${code}, but the call succeeded`);
  if (!(failure instanceof MembershipError)) throw failure;
  assert.equal(failure.code, code, `expected ${code}, got ${failure.code} (HTTP ${failure.status}): ${failure.message}`);
  assert.equal(failure.status, errorStatus[code], `${code} should come with HTTP ${errorStatus[code]}`);
  return failure;
}

/** Asserts that a raw answer is the contract error `code` with its status; returns the error body. */
export async function expectErrorResponse(response: Response, code: ApiErrorCode, what = `${response.url}`) {
  const body = await errorBody(response.clone()).catch((error: unknown) => {
    throw new AssertionError({ message: `${what}: expected HTTP ${errorStatus[code]} ${code}; ${error instanceof Error ? error.message : String(error)}` });
  });
  assert.equal(body.code, code, `${what}: expected ${code}, got HTTP ${response.status} ${body.code}: ${body.message}`);
  assert.equal(response.status, errorStatus[code], `${what}: ${code} should come with HTTP ${errorStatus[code]}, got ${response.status}`);
  return body;
}

/** The contract error body of a raw answer (asserting its shape). */
export async function errorBody(response: Response) {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    assert.fail(`HTTP ${response.status} (${response.headers.get('content-type') ?? 'no content-type'}) answered ${JSON.stringify(text.slice(0, 120))}, not a contract error body`);
  }
  const parsed = apiErrorSchema.safeParse(body);
  assert.ok(parsed.success, `HTTP ${response.status} answered ${text.slice(0, 200)}, not a contract error body`);
  return parsed.data.error;
}

// ---------------------------------------------------------------- operations and protocol checks

const routes = Object.values(operations as Record<string, Operation>).map((op) => ({
  op,
  pattern: new RegExp(`^${op.path.replace(/\{\w+\}/g, '[^/]+')}$`),
}));

/** The operation a request is for; null for an unknown route below the API base; undefined outside it. */
export function operationOf(baseUrl: string, method: string, url: URL): Operation | null | undefined {
  const base = new URL(baseUrl);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return undefined;
  const rest = `/${url.pathname.slice(base.pathname.length)}`;
  return routes.find((route) => route.op.method === method && route.pattern.test(rest))?.op ?? null;
}

function validRetryAfter(value: string | null): boolean {
  if (value === null) return false;
  const text = value.trim();
  return /^\d+$/.test(text) || !Number.isNaN(Date.parse(text));
}

export const allOperationIds = Object.keys(operations);
export const knownErrorCodes: readonly string[] = apiErrorCodes;
