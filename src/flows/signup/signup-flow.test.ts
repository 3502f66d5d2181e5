// SignupFlow without a browser: every branch step by step against the reference server in memory
// (through its fetch handler), the draft in a Map-backed storage, the events the host would see.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MembershipError, type MembershipClient } from '../../api/index.ts';
import type { MembershipPolicy } from '../../rules/policy.ts';
import { seedDemoData } from '../../../server/seed.ts';
import { sandboxPersonIds } from '../../../server/sandbox/people.ts';
import { verifyByMobile } from '../../../server/sandbox/testing.ts';
import { testServer, type TestServer } from '../../../server/testing.ts';
import type { DraftStorage } from './draft.ts';
import type { SignupFlowEvent } from './events.ts';
import type { LoginIdCheckState } from './login-id-check.ts';
import { SignupFlow, type SignupFlowOptions } from './signup-flow.ts';
import type { SignupView } from './view.ts';

const password = 'Passw0rd!2026';
const address = { postcode: '03154', base: '서울특별시 종로구 세종대로 209', detail: '1층' };

/** A sessionStorage stand-in that tests can read and damage. */
function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value), removeItem: (key) => void data.delete(key) };
}

/** Resolves once the view passes `check` (checked now and after every change). */
function until(flow: SignupFlow, check: (view: SignupView) => unknown, what: string): Promise<SignupView> {
  return new Promise((resolve, reject) => {
    if (check(flow.view)) return resolve(flow.view);
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`never: ${what} (step ${flow.view.step})`));
    }, 5000);
    const stop = flow.subscribe(() => {
      if (!check(flow.view)) return;
      clearTimeout(timer);
      stop();
      resolve(flow.view);
    });
  });
}

interface Setup {
  h: TestServer;
  client: MembershipClient;
  flow: SignupFlow;
  events: SignupFlowEvent[];
  storage: ReturnType<typeof memoryStorage>;
}

async function start(site = 'trade', options: { h?: TestServer; storage?: ReturnType<typeof memoryStorage>; cancelSubmit?: boolean } & Partial<SignupFlowOptions> = {}): Promise<Setup> {
  const h = options.h ?? testServer({ config: { rateLimitScale: 100 } });
  const client = h.client(site);
  const siteConfig = await client.call('getSiteConfig', {});
  const storage = options.storage ?? memoryStorage();
  const events: SignupFlowEvent[] = [];
  const flow = new SignupFlow({
    storage,
    loginIdDebounceMs: 1,
    now: () => new Date('2026-11-22T01:00:00Z'),
    emit: (event) => {
      events.push(event);
      return !(options.cancelSubmit && event.type === 'submit');
    },
  });
  flow.configure({ client, siteConfig, policy: siteConfig.policy as MembershipPolicy, draftKey: 'test' });
  await until(flow, (view) => view.terms.status === 'complete', 'terms loaded');
  return { h, client, flow, events, storage };
}

const steps = (events: readonly SignupFlowEvent[]) => events.flatMap((event) => (event.type === 'step-change' ? [event.step] : []));

async function chooseAndConsent(flow: SignupFlow, kind: 'individual' | 'corporate', nationality: 'domestic' | 'foreign' = 'domestic'): Promise<void> {
  if (flow.view.offered.kinds.length > 1) flow.choose('kind', kind);
  if (flow.view.offered.nationalities.length > 1) flow.choose('nationality', nationality);
  await flow.next();
  assert.equal(flow.view.step, 'consent');
  flow.chooseConsents(Object.fromEntries(flow.view.documents.map((document) => [document.documentId, document.required])));
  assert.equal(flow.view.consentComplete, true);
  await flow.next();
  assert.equal(flow.view.step, 'identity');
}

async function verify(setup: Setup, personId: string): Promise<void> {
  const result = await verifyByMobile(setup.h, setup.client, personId, 'signup');
  setup.flow.verified(result);
  await until(setup.flow, (view) => !view.checkingAccount, 'account checked');
}

function fillDetails(flow: SignupFlow, loginId: string, extra: Partial<Record<'nameEn' | 'mobile' | 'phone', string>> = {}): void {
  flow.update('loginId', loginId);
  flow.update('password', password);
  flow.update('passwordConfirmation', password);
  flow.update('email', `${loginId}@example.com`);
  flow.update('phone', extra.phone ?? '02-123-4567');
  flow.update('mobile', extra.mobile ?? '010-1234-5678');
  flow.update('address', address);
  if (extra.nameEn) flow.update('nameEn', extra.nameEn);
}

describe('SignupFlow: the branches', () => {
  test('individual: type → consent → identity → details → review → done, with every event', async () => {
    const setup = await start();
    const { flow, events } = setup;
    assert.equal(flow.view.step, 'type');
    assert.deepEqual(flow.view.steps, ['type', 'consent', 'identity', 'details', 'review', 'done']);

    await flow.next();
    assert.equal(flow.view.step, 'type', 'unanswered: stays');
    assert.equal(flow.view.type.errorFor('kind'), 'CHOICE_REQUIRED');
    assert.equal(flow.view.focus.target, 'invalid');

    await chooseAndConsent(flow, 'individual');
    await verify(setup, sandboxPersonIds.hong);
    assert.equal(flow.view.step, 'details');
    assert.equal(flow.view.person?.name, '홍길동');

    await flow.next();
    assert.equal(flow.view.step, 'details', 'empty details stay');
    assert.ok(flow.view.details.visibleProblems.length > 0);
    fillDetails(flow, 'hongflow');
    await flow.next();
    assert.equal(flow.view.step, 'review');

    await flow.submit();
    assert.equal(flow.view.step, 'done');
    assert.equal(flow.view.result?.member.loginId, 'hongflow');
    assert.deepEqual(steps(events), ['type', 'consent', 'identity', 'details', 'review', 'done']);
    assert.deepEqual(events.find((event) => event.type === 'submit'), { type: 'submit', memberType: 'individual', loginId: 'hongflow' });
    const complete = events.find((event) => event.type === 'complete');
    assert.equal(complete?.type === 'complete' && complete.memberType, 'individual');
    assert.equal(setup.storage.data.size, 0, 'the draft is gone');
    for (const event of events) assert.doesNotMatch(JSON.stringify(event), /Passw0rd|verificationToken/, 'no secret in events');
  });

  test('foreign: a foreign member gives the English name', async () => {
    const setup = await start();
    const { flow } = setup;
    await chooseAndConsent(flow, 'individual', 'foreign');
    assert.equal(flow.view.memberType, 'foreign');
    await verify(setup, sandboxPersonIds.foreigner);
    assert.equal(flow.view.required.nameEn, true);
    fillDetails(flow, 'jsmithflow');
    await flow.next();
    assert.equal(flow.view.step, 'details', 'no English name: stays');
    flow.update('nameEn', 'John Smith');
    await flow.next();
    assert.equal(flow.view.step, 'review');
    await flow.submit();
    assert.equal(flow.view.step, 'done');
    assert.equal(flow.view.result?.member.memberType, 'foreign');
  });

  test('corporate: MASTER of a new company (search, form, submit)', async () => {
    const setup = await start();
    const { flow, events } = setup;
    await chooseAndConsent(flow, 'corporate');
    assert.deepEqual(flow.view.steps, ['type', 'consent', 'identity', 'details', 'company', 'review', 'done']);
    await verify(setup, sandboxPersonIds.kim);
    fillDetails(flow, 'minjimaster');
    await flow.next();
    assert.equal(flow.view.step, 'company');

    flow.typeBusinessNumber('1248100999');
    assert.equal(flow.view.company.form.values.businessNumber, '124-81-00999', 'formatted as typed');
    assert.equal(await flow.searchCompany(), false, 'a wrong check digit is not sent');
    assert.equal(flow.view.focus.target, 'business-number');

    flow.typeBusinessNumber('106-81-00030');
    await flow.next();
    assert.equal(flow.view.step, 'company', 'searched on next, stays to show the answer');
    assert.equal(flow.view.company.lookup?.status, 'unknown');
    await flow.next();
    assert.equal(flow.view.step, 'company', 'empty company form stays');
    const form = flow.view.company.form;
    form.set('nameKo', '새빛상사');
    form.set('ceoNameKo', '김민지');
    form.set('phone', '02-555-1234');
    form.set('address', address);
    form.set('companyType', 'corporation');
    assert.equal(form.values.innoBiz, undefined, 'Y/N start unselected');
    await flow.next();
    assert.equal(flow.view.step, 'review', 'Y/N are optional unless the policy requires them');
    await flow.submit();
    assert.equal(flow.view.step, 'done');
    assert.equal(flow.view.result?.member.companyRole, 'master');
    assert.equal(flow.view.result?.certificatePending, true);
    assert.ok(events.some((event) => event.type === 'complete' && event.companyRole === 'master'));
  });

  test('corporate: a policy that requires the company Y/N answers keeps the user until they are given', async () => {
    const setup = await start();
    const { flow } = setup;
    const settings = flow.settings;
    flow.configure({ ...settings, policy: { ...settings.policy!, required: { ...settings.policy!.required, companyYesNo: true } } });
    await chooseAndConsent(flow, 'corporate');
    await verify(setup, sandboxPersonIds.kim);
    fillDetails(flow, 'minjiyesno');
    await flow.next();
    flow.typeBusinessNumber('106-81-00030');
    await flow.searchCompany();
    const form = flow.view.company.form;
    form.set('nameKo', '새빛상사');
    form.set('ceoNameKo', '김민지');
    form.set('phone', '02-555-1234');
    form.set('address', address);
    await flow.next();
    assert.equal(flow.view.step, 'company', 'Y/N unanswered: stays');
    assert.deepEqual(flow.view.company.form.visibleProblems.map((problem) => problem.field).sort(), ['foreignInvested', 'innoBiz', 'venture']);
    for (const name of ['innoBiz', 'venture', 'foreignInvested'] as const) form.set(name, false);
    await flow.next();
    assert.equal(flow.view.step, 'review');
  });

  test('corporate: associate of a registered company', async () => {
    const h = testServer({ config: { rateLimitScale: 100 } });
    await seedDemoData(h.deps);
    const setup = await start('trade', { h });
    const { flow } = setup;
    await chooseAndConsent(flow, 'corporate');
    await verify(setup, sandboxPersonIds.lee);
    fillDetails(flow, 'seojunassoc');
    await flow.next();
    flow.typeBusinessNumber('124-81-00998');
    await flow.searchCompany();
    assert.equal(flow.view.company.lookup?.status, 'registered');
    await flow.next();
    assert.equal(flow.view.step, 'review');
    await flow.submit();
    assert.equal(flow.view.result?.member.companyRole, 'associate');
  });

  test('a second lookup resets what came from the previous company, keeps what was typed for this one', async () => {
    const setup = await start();
    const { flow } = setup;
    await chooseAndConsent(flow, 'corporate');
    await verify(setup, sandboxPersonIds.kim);
    fillDetails(flow, 'minjistale');
    await flow.next();
    assert.equal(flow.view.step, 'company');
    // A company the registry does not know, with its certificate.
    flow.typeBusinessNumber('106-81-00030');
    await flow.searchCompany();
    assert.equal(flow.view.company.lookup?.status, 'unknown');
    await flow.uploadCertificate(new File(['%PDF-1.4 test'], 'cert.pdf', { type: 'application/pdf' }));
    assert.equal(flow.view.company.certificate?.fileName, 'cert.pdf');
    flow.view.company.form.set('nameKo', '옛회사');
    // A typo corrected: the registry company 한빛정밀.
    flow.typeBusinessNumber('120-81-47521');
    await flow.searchCompany();
    assert.equal(flow.view.company.lookup?.status, 'registry');
    assert.equal(flow.view.company.certificate, undefined, 'the old company certificate is gone');
    assert.equal(flow.view.company.form.values.nameKo, '한빛정밀 주식회사');
    // The user chooses and types for 한빛정밀, then corrects the number again (바다식품).
    flow.view.company.form.set('innoBiz', true);
    flow.view.company.form.set('homepage', 'https://hanbit.example');
    flow.typeBusinessNumber('220-81-62517');
    flow.view.company.form.set('email', 'info@bada.example');
    await flow.searchCompany();
    const values = flow.view.company.form.values;
    assert.equal(values.nameKo, '바다식품 주식회사');
    assert.equal(values.corporateNumber, '', 'no prefill of the previous company stays');
    assert.equal(values.innoBiz, undefined, 'no choice made for the previous company stays');
    assert.equal(values.homepage, '', 'what was typed for the previous company goes');
    assert.equal(values.email, 'info@bada.example', 'what was typed for this company stays');
    assert.equal(values.businessNumber, '220-81-62517');
    // Searching the same number again keeps what the user typed.
    flow.view.company.form.set('homepage', 'https://bada.example');
    await flow.searchCompany();
    assert.equal(flow.view.company.form.values.homepage, 'https://bada.example');
    assert.equal(flow.view.company.form.values.nameKo, '바다식품 주식회사');
  });

  test('animal site: 국내인 / 외국인 and no company, and a second verification before the submit', async () => {
    const setup = await start('animal');
    const { flow, events } = setup;
    assert.deepEqual(flow.view.offered.kinds, ['individual'], 'no company signup: the kind is not asked');
    assert.deepEqual(flow.view.offered.nationalities, ['domestic', 'foreign'], 'as its manual: 국내인 or 외국인');
    await chooseAndConsent(flow, 'individual');
    await verify(setup, sandboxPersonIds.park);
    fillDetails(flow, 'jihyunanimal');
    await flow.next();
    assert.equal(flow.view.step, 'review');
    assert.equal(flow.view.reverify, true);
    const submits = () => events.filter((event) => event.type === 'submit').length;
    await flow.submit();
    assert.equal(flow.view.step, 'review', 'stays until verified again');
    assert.deepEqual(flow.view.submitFailure, { words: { key: 'signup.review.reverifyFirst' }, retry: false });
    assert.equal(flow.view.focus.target, 'reverify');
    assert.equal(submits(), 0);
    await verify(setup, sandboxPersonIds.park);
    assert.equal(flow.view.reverified, true);
    await flow.submit();
    assert.equal(flow.view.step, 'done');
  });

  test('animal site with its manual\'s fields: a foreign member gives the English name, mobile and address', async () => {
    const setup = await start('animal');
    const { flow } = setup;
    const siteConfig = await setup.client.call('getSiteConfig', {});
    flow.configure({ client: setup.client, siteConfig, policy: siteConfig.policy as MembershipPolicy, draftKey: 'test', fields: 'mobile,address' });
    await chooseAndConsent(flow, 'individual', 'foreign');
    await verify(setup, sandboxPersonIds.foreigner);
    assert.deepEqual(flow.view.required, { nameEn: true, phone: false, mobile: true, address: true });
    fillDetails(flow, 'jsmithanimal', { nameEn: 'John Smith' });
    await flow.next();
    assert.equal(flow.view.step, 'review', 'the English name is sent although `fields` does not list it');
    await verify(setup, sandboxPersonIds.foreigner);
    await flow.submit();
    assert.equal(flow.view.step, 'done');
  });

  test('under the minimum age: the refusal screen, an error event, and no draft', async () => {
    const setup = await start();
    const { flow, events } = setup;
    await chooseAndConsent(flow, 'individual');
    assert.ok(setup.storage.data.size > 0, 'a draft while signing up');
    await verify(setup, sandboxPersonIds.minor);
    assert.equal(flow.view.step, 'under-age');
    assert.ok(events.some((event) => event.type === 'error' && event.code === 'UNDER_AGE' && !event.retryable));
    assert.equal(setup.storage.data.size, 0);
  });

  test('an existing member learns it right after the verification; a new one gets the verified mobile prefilled', async () => {
    const h = testServer({ config: { rateLimitScale: 100 } });
    await seedDemoData(h.deps);
    const setup = await start('trade', { h });
    await chooseAndConsent(setup.flow, 'individual');
    await verify(setup, sandboxPersonIds.demoMember);
    assert.equal(setup.flow.view.step, 'already-member', 'told at the identity step, not at 가입하기');
    assert.ok(setup.events.some((event) => event.type === 'error' && event.code === 'ALREADY_MEMBER' && event.step === 'identity'));
    assert.equal(setup.storage.data.size, 0, 'no draft to come back to');

    const fresh = await start('trade', { h });
    await chooseAndConsent(fresh.flow, 'individual');
    await verify(fresh, sandboxPersonIds.hong);
    assert.equal(fresh.flow.view.step, 'details');
    assert.equal(fresh.flow.view.details.values.mobile, '010-1234-5678', 'the verified mobile number, editable');
  });

  test('consent: "next" without the required answers says what is missing; details: a failed submit lists every problem', async () => {
    const setup = await start();
    const { flow } = setup;
    flow.choose('kind', 'individual');
    flow.choose('nationality', 'domestic');
    await flow.next();
    await flow.next();
    assert.equal(flow.view.step, 'consent', 'stays');
    assert.deepEqual(flow.view.alert, [{ key: 'signup.consent.nextHint' }]);
    assert.equal(flow.view.consentError, 'TERMS_REQUIRED', 'the first unagreed required item carries the error');
    assert.equal(flow.view.focus.target, 'invalid');
    flow.chooseConsents(Object.fromEntries(flow.view.documents.map((document) => [document.documentId, document.required])));
    assert.equal(flow.view.consentError, undefined);
    await flow.next();
    await verify(setup, sandboxPersonIds.hong);
    assert.equal(flow.view.detailsSummary, undefined, 'no summary before a submit');
    await flow.next();
    assert.equal(flow.view.focus.target, 'error-summary');
    const listed = (flow.view as SignupView).detailsSummary?.map((problem) => problem.field) ?? [];
    assert.ok(['loginId', 'password', 'email'].every((field) => listed.includes(field)), `every problem listed: ${listed.join()}`);
    flow.back();
    assert.equal(flow.view.detailsSummary, undefined, 'gone once the step is left');
  });

  test('a cancelled submit event sends nothing', async () => {
    const setup = await start('trade', { cancelSubmit: true });
    const { flow } = setup;
    await chooseAndConsent(flow, 'individual');
    await verify(setup, sandboxPersonIds.hong);
    fillDetails(flow, 'hongcancel');
    await flow.next();
    await flow.submit();
    assert.equal(flow.view.step, 'review');
    assert.equal(flow.view.submitting, false);
    assert.equal((await setup.client.call('checkLoginIdAvailability', { params: { loginId: 'hongcancel' } })).available, true);
  });

  test('back, and edit from the review comes back to the review', async () => {
    const setup = await start();
    const { flow } = setup;
    await chooseAndConsent(flow, 'individual');
    flow.back();
    assert.equal(flow.view.step, 'consent');
    await flow.next();
    await verify(setup, sandboxPersonIds.hong);
    fillDetails(flow, 'hongedit');
    await flow.next();
    flow.edit('details');
    assert.equal(flow.view.step, 'details');
    flow.update('email', 'changed@example.com');
    await flow.next();
    assert.equal(flow.view.step, 'review', 'back to the review, not the next step');
  });
});

describe('SignupFlow: pause and resume', () => {
  test('a paused flow aborts its requests and writes no draft; resumed, it loads what is missing', async () => {
    const h = testServer({ config: { rateLimitScale: 100 } });
    const client = h.client('trade');
    const siteConfig = await client.call('getSiteConfig', {});
    const storage = memoryStorage();
    const flow = new SignupFlow({ storage });
    flow.configure({ client, siteConfig, policy: siteConfig.policy as MembershipPolicy, draftKey: 'test' });
    assert.equal(flow.view.terms.status, 'pending');
    flow.pause();
    assert.equal(flow.view.terms.status, 'idle', 'the terms request is aborted');
    storage.data.clear();
    flow.choose('kind', 'individual');
    assert.equal(storage.data.size, 0, 'no draft while paused');
    flow.resume();
    await until(flow, (view) => view.terms.status === 'complete', 'terms loaded again');
    assert.equal(storage.data.size, 1, 'the draft is written again');
    assert.equal(JSON.parse([...storage.data.values()][0]!).kind, 'individual');
  });
});

describe('SignupFlow: the login ID check', () => {
  test('live answer while typing, a taken ID keeps the user on details, a failed check does not block', async () => {
    const h = testServer({ config: { rateLimitScale: 100 } });
    await seedDemoData(h.deps);
    const setup = await start('trade', { h });
    const { flow, events } = setup;
    await chooseAndConsent(flow, 'individual');
    await verify(setup, sandboxPersonIds.hong);
    fillDetails(flow, 'demomember');
    await until(flow, (view) => view.loginIdCheck.status === 'taken', 'the live check answers taken');
    await flow.next();
    assert.equal(flow.view.step, 'details');
    assert.equal(flow.view.details.errorFor('loginId'), 'LOGIN_ID_TAKEN');

    flow.update('loginId', 'hongfree');
    assert.equal(flow.view.loginIdCheck.status, 'idle', 'the old answer is forgotten at once');
    await until(flow, (view) => view.loginIdCheck.status === 'available', 'the live check answers available');

    // The next ID's check fails (network): it is reported, and "next" still goes on (the API decides at submit).
    const call = setup.client.call.bind(setup.client);
    setup.client.call = (async (id: string, input: unknown, options: unknown) => {
      if (id === 'checkLoginIdAvailability') throw new MembershipError({ code: 'NETWORK_ERROR' });
      return call(id as never, input as never, options as never);
    }) as MembershipClient['call'];
    flow.update('loginId', 'hongother');
    await flow.checkLoginId();
    const check: LoginIdCheckState = flow.view.loginIdCheck as LoginIdCheckState;
    assert.equal(check.status === 'error' && check.failure.retry, true);
    assert.ok(events.some((event) => event.type === 'error' && event.code === 'NETWORK_ERROR' && event.step === 'details'));
    await flow.next();
    assert.equal(flow.view.step, 'review');
  });
});

describe('SignupFlow: the draft', () => {
  test('restores the step and values, never the password or a token; asks for the password again', async () => {
    const first = await start();
    await chooseAndConsent(first.flow, 'individual');
    await verify(first, sandboxPersonIds.hong);
    fillDetails(first.flow, 'hongdraft');
    const [stored] = [...first.storage.data.values()];
    assert.ok(stored);
    assert.doesNotMatch(stored, /Passw0rd/, 'no password');
    assert.doesNotMatch(stored, /verificationToken|birthDate/, 'no token, no birth date');
    first.flow.pause();

    const second = await start('trade', { h: first.h, storage: first.storage });
    const { flow } = second;
    assert.equal(flow.view.step, 'details');
    assert.equal(flow.view.details.values.email, 'hongdraft@example.com');
    assert.equal(flow.view.details.values.password, '');
    assert.equal(flow.view.passwordAgain, true);
    assert.equal(flow.view.person?.name, '홍길동');
    assert.deepEqual(steps(second.events), ['details'], 'step-change with no previous step');
    assert.equal(second.events[0]?.type === 'step-change' && second.events[0].previous, null);

    // The token is not in the draft: the submit asks for a new verification, then goes on by itself.
    flow.update('password', password);
    flow.update('passwordConfirmation', password);
    await flow.next();
    assert.equal(flow.view.step, 'review');
    await flow.submit();
    assert.equal(flow.view.step, 'identity');
    assert.deepEqual(flow.view.notice, { key: 'signup.identity.again.notice' });
    await verify(second, sandboxPersonIds.hong);
    await until(flow, (view) => view.step === 'done', 'submitted after the new verification');
  });

  test('a damaged draft: unreadable starts over; wrong entries are dropped, good ones kept', async () => {
    const storage = memoryStorage();
    const key = 'membership-elements:signup:trade:test';
    storage.setItem(key, '{not json');
    const broken = await start('trade', { storage });
    assert.equal(broken.flow.view.step, 'type');

    storage.setItem(key, JSON.stringify({
      v: 1, step: 'details', kind: 'sideways', nationality: 'domestic', consents: 'no',
      person: { name: 42 }, details: { loginId: 'keptid', email: 7, password: 'leak' },
      company: { query: '1', lookup: { status: 'bogus' }, values: { nameKo: '남은회사', innoBiz: 'Y' } }, returnToReview: 'yes',
    }));
    const { flow } = await start('trade', { storage, h: broken.h });
    assert.equal(flow.view.step, 'details');
    assert.equal(flow.view.details.values.loginId, 'keptid');
    assert.equal(flow.view.details.values.password, '', 'no password from storage');
    assert.equal(flow.view.details.values.email, '', 'a wrong type dropped');
    assert.equal(flow.view.company.lookup, undefined, 'a malformed lookup dropped');
    assert.equal(flow.view.company.form.values.nameKo, '남은회사');
    assert.equal(flow.view.company.form.values.innoBiz, undefined);
    assert.equal(flow.view.person, undefined);
    assert.equal(flow.view.type.values.kind, '');

    storage.setItem(key, JSON.stringify({ v: 99, step: 'review', details: {}, company: {} }));
    assert.equal((await start('trade', { storage, h: broken.h })).flow.view.step, 'type', 'another version: start over');
  });
});

describe('SignupFlow: submit failures and the idempotency key', () => {
  /** At the review, with createMember recorded; `mode()` says whether this attempt fails before or after the server. */
  async function atReview(mode: () => 'ok' | 'lost-request' | 'lost-answer') {
    const setup = await start();
    const keys: string[] = [];
    const bodies: string[] = [];
    const call = setup.client.call.bind(setup.client);
    setup.client.call = (async (id: string, input: { body?: unknown }, options: { idempotencyKey?: string } = {}) => {
      if (id !== 'createMember') return call(id as never, input as never, options);
      keys.push(options.idempotencyKey ?? '');
      bodies.push(JSON.stringify(input.body));
      const now = mode();
      if (now === 'lost-request') throw new MembershipError({ code: 'NETWORK_ERROR' });
      const answer = await call(id as never, input as never, options);
      if (now === 'lost-answer') throw new MembershipError({ code: 'NETWORK_ERROR' });
      return answer;
    }) as MembershipClient['call'];
    const { flow } = setup;
    await chooseAndConsent(flow, 'individual');
    await verify(setup, sandboxPersonIds.hong);
    fillDetails(flow, 'hongretry');
    await flow.next();
    return { ...setup, keys, bodies };
  }

  test('a lost answer: the retry sends the same key and the server answers once for both', async () => {
    let attempt = 0;
    const setup = await atReview(() => (attempt++ === 0 ? 'lost-answer' : 'ok'));
    const { flow, keys, events } = setup;
    await flow.submit();
    assert.equal(flow.view.step, 'review', 'stays on the review');
    assert.deepEqual(flow.view.submitFailure, { words: { code: 'NETWORK_ERROR', params: { minAge: 14 } }, retry: true });
    assert.ok(events.some((event) => event.type === 'error' && event.code === 'NETWORK_ERROR' && event.retryable && event.step === 'review'));
    await flow.retry();
    assert.equal(keys.length, 2);
    assert.equal(keys[1], keys[0], 'same body, same key');
    assert.equal(flow.view.step, 'done', 'the replayed answer completes the signup');
    assert.equal(flow.view.result?.member.loginId, 'hongretry');
  });

  test('a failed submit, then a changed body: a new key', async () => {
    let attempt = 0;
    const setup = await atReview(() => (attempt++ === 0 ? 'lost-request' : 'ok'));
    const { flow, keys, bodies } = setup;
    await flow.submit();
    assert.equal(flow.view.submitFailure?.retry, true);
    flow.edit('details');
    flow.update('email', 'another@example.com');
    await flow.next();
    assert.equal(flow.view.step, 'review');
    await flow.submit();
    assert.equal(flow.view.step, 'done');
    assert.notEqual(bodies[1], bodies[0]);
    assert.notEqual(keys[1], keys[0], 'a changed body gets a new key');
  });

  test('LOGIN_ID_TAKEN at submit: back to details with the field error, nothing lost', async () => {
    const setup = await atReview(() => 'ok');
    const other = await start('trade', { h: setup.h });
    await chooseAndConsent(other.flow, 'individual');
    await verify(other, sandboxPersonIds.kim);
    fillDetails(other.flow, 'hongretry');
    await other.flow.next();
    await other.flow.submit();
    assert.equal(other.flow.view.step, 'done', 'someone else took the ID first');

    const { flow, events } = setup;
    await flow.submit();
    assert.equal(flow.view.step, 'details');
    assert.equal(flow.view.details.errorFor('loginId'), 'LOGIN_ID_TAKEN');
    assert.deepEqual(flow.view.alert, [{ code: 'LOGIN_ID_TAKEN', params: { minAge: 14 } }]);
    assert.equal(flow.view.focus.target, 'invalid');
    assert.equal(flow.view.details.values.email, 'hongretry@example.com', 'nothing lost');
    assert.ok(events.some((event) => event.type === 'error' && event.code === 'LOGIN_ID_TAKEN'));
  });
});

describe('SignupFlow before the site settings arrive', () => {
  test('offers the standard member types, keeps the answers, and goes on once the settings come', async () => {
    const h = testServer({ config: { rateLimitScale: 100 } });
    const client = h.client('animal');
    const flow = new SignupFlow({ storage: memoryStorage(), loginIdDebounceMs: 1 });
    flow.configure({ client, siteConfig: undefined, policy: undefined, memberTypes: undefined });
    assert.deepEqual(flow.view.offeredTypes, ['individual', 'foreign', 'corporate'], 'the standard types');
    assert.equal(flow.view.started, false);
    await flow.next();
    assert.equal(flow.view.type.errorFor('kind'), 'CHOICE_REQUIRED', 'an unanswered first step says so at once');
    flow.choose('kind', 'individual');
    flow.choose('nationality', 'domestic');
    await flow.next();
    assert.equal(flow.view.step, 'type', 'waits for the settings');
    const siteConfig = await client.call('getSiteConfig', {});
    flow.configure({ client, siteConfig, policy: siteConfig.policy as MembershipPolicy });
    await until(flow, (view) => view.step === 'consent', 'on to the consent step');
    assert.deepEqual(flow.view.offeredTypes, siteConfig.memberTypes, 'the site’s own types now');
  });

  test('member-types narrows the early choice too', () => {
    const flow = new SignupFlow({ storage: memoryStorage() });
    flow.configure({ client: undefined, siteConfig: undefined, policy: undefined, memberTypes: 'individual,corporate' });
    assert.deepEqual(flow.view.offeredTypes, ['individual', 'corporate']);
    assert.deepEqual(flow.view.offered.nationalities, ['domestic']);
  });
});
