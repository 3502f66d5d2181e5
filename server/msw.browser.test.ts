// The reference server's second home: the same Hono app inside the page through MSW (Storybook and
// browser tests), with the in-memory store and WebCrypto hashing. Runs in real Chromium.
import { setupWorker } from 'msw/browser';
import { MembershipClient, MembershipError } from '../src/api/index.ts';
import { createMockServer } from './msw.ts';
import { getSandboxPerson, sandboxPersonIds } from './sandbox/people.ts';
import { demoPassword } from './seed.ts';

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const mock = await createMockServer();
const worker = setupWorker(...mock.handlers);

describe('reference server under MSW', () => {
  before(async () => {
    await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  });
  after(() => worker.stop());

  const client = () => new MembershipClient({ apiBase: mock.apiBase, siteId: 'trade', lang: 'ko' });

  it('answers the site config from the same app as the Node server', async () => {
    const config = await client().call('getSiteConfig', {});
    assert(config.siteId === 'trade', 'site id');
    assert(config.policy.password.minLength === 9, 'KOTRA password policy');
    assert(config.verificationMethods.some((method) => method.id === 'ipin' && method.kind === 'provider'), 'i-PIN provider');
  });

  it('keeps an HttpOnly session in its own jar: the seeded MASTER signs in, sees the company and signs out', async () => {
    const browser = client();
    const session = await browser.call('login', { body: { loginId: 'demomaster', password: demoPassword } });
    assert(session.member?.companyRole === 'master', 'seeded MASTER');
    assert(!document.cookie.includes('mb_session'), 'the session cookie is not visible to scripts');
    const members = await browser.call('listCompanyMembers', { params: { companyId: session.member.company!.companyId } });
    assert(members.members.some((m) => m.loginId === 'demoassoc' && m.role === 'associate'), 'pending associate listed');
    await browser.call('logout', {});
    assert((await browser.call('getSession', {})).member === null, 'signed out');
  });

  it('runs the mobile verification and a signup, then refuses the same person again', async () => {
    const person = getSandboxPerson(sandboxPersonIds.hong);
    const browser = client();
    const start = await browser.call('startVerification', { body: { method: 'mobile', purpose: 'signup' } });
    const captcha = await fetch(new URL(`/sandbox/verifications/${start.verificationId}/captcha-answer`, location.origin)).then((r) => r.json() as Promise<{ answer: string }>);
    await browser.call('requestMobileCode', {
      params: { verificationId: start.verificationId },
      body: { carrier: person.carrier, name: person.name, birthDate: person.birthDate, gender: person.gender, nationality: person.nationality, mobile: person.mobile, captchaAnswer: captcha.answer, providerTermsAgreed: true },
    });
    // The audio alternative plays in the page: the clips load inside the browser too, and an <audio> element decodes the WAV.
    const audio = new Audio(browser.captchaAudioUrl(start.verificationId, 'ko'));
    await new Promise((resolve, reject) => {
      audio.addEventListener('loadedmetadata', resolve, { once: true });
      audio.addEventListener('error', () => reject(new Error(`captcha audio did not load: ${audio.error?.message ?? ''}`)), { once: true });
    });
    assert(audio.duration > 3, `six spoken digits, got ${audio.duration} s`);
    const [message] = await mock.deps.store.listSandboxMessages(1);
    const code = message?.text.match(/\[(\d{6})\]/)?.[1];
    assert(code, 'the sandbox SMS carries the code');
    const verification = await browser.call('confirmMobileCode', { params: { verificationId: start.verificationId }, body: { code } });
    const { documents } = await browser.call('listTerms', { query: { purpose: 'signup' } });
    const body = {
      memberType: 'individual' as const,
      verificationToken: verification.verificationToken,
      consents: documents.map((d) => ({ documentId: d.documentId, version: d.version, agreed: d.required })),
      details: { loginId: 'msw2026', password: 'Msw-Passw0rd!', email: 'msw@example.com', phone: '02-123-4567', address: { postcode: '03154', base: '서울특별시 종로구 세종대로 209', detail: '1층' } },
    };
    const created = await browser.call('createMember', { body });
    assert(created.member.name === person.name, 'name from the verification');
    const again = await browser.call('createMember', { body: { ...body, details: { ...body.details, loginId: 'msw2027' } } }).catch((error: unknown) => error);
    assert(again instanceof MembershipError && again.code === 'VERIFICATION_INVALID', `token single use, got ${String(again)}`);
  });
});
