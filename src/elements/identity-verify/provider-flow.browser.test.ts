// <identity-verify> with a provider method (the sandbox i-PIN of the reference server, in the page via
// MSW): popup mode with a stand-in window, popup blocked / closed / cancelled, and redirect mode with
// the return to this page. The provider page itself is driven with fetch, as a user would submit it.
import { http } from 'msw';
import { hiddenInputs } from '../../../server/sandbox/testing.ts';
import { assert, cleanupFixtures, equal, settle, waitFor } from '../../../test/browser/fixture.ts';
import { $ } from '../../../test/support/dom.ts';
import { people } from '../../../test/support/sandbox.ts';
import { verifierPage } from '../../../test/support/verifier.ts';
import type { IdentityVerifiedEvent } from './events.ts';
import { IdentityVerify } from './identity-verify.ts';
import { clearPendingRedirect, navigation, prefersRedirect, readPendingRedirect, savePendingRedirect } from './redirect.ts';

const { api, mount, reset } = await verifierPage();
const hong = people.hong;
const providerOrigin = location.origin; // the sandbox i-PIN's origin is the server's: this page's, under MSW
const pageHref = location.href;
const originalOpen = window.open;
const originalNavigation = { ...navigation };
/** This page's address with extra query parameters. */
function pageWith(params: Record<string, string>): string {
  const url = new URL(pageHref);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}

const step = (element: IdentityVerify) => element.dataset.step;

/**
 * window.open answers with a same-origin iframe's window: a real Window (a MessageEvent source must
 * be one) whose `closed` turns true when the iframe is removed. Navigations are recorded, not made.
 */
function stubPopup(blocked = false) {
  const iframe = document.createElement('iframe');
  iframe.title = 'stand-in provider window';
  document.body.append(iframe);
  const popup = iframe.contentWindow!;
  const opens: { url: string | undefined; name: string | undefined; features: string | undefined }[] = [];
  const loads: { popup: Window; url: string }[] = [];
  window.open = (url?: string | URL, name?: string, features?: string) => {
    opens.push({ url: url === undefined ? undefined : String(url), name, features });
    return blocked ? null : popup;
  };
  navigation.load = (target, url) => loads.push({ popup: target, url });
  return { iframe, popup, opens, loads };
}

/** Signs `person` in on the sandbox i-PIN page (GET the form, POST it with the current security text). */
async function signInAtProvider(providerUrl: string, person = hong): Promise<Response> {
  const page = await fetch(providerUrl).then((response) => response.text());
  const fields = hiddenInputs(page);
  assert(fields.verification, 'the provider form');
  const { answer } = await fetch(`/sandbox/verifications/${fields.verification}/captcha-answer`).then((r) => r.json() as Promise<{ answer: string }>);
  return fetch('/sandbox/ipin', {
    method: 'POST',
    body: new URLSearchParams({ ...fields, ipinId: person.ipinId, password: person.ipinPassword, captcha: answer, action: 'login' }),
  });
}

function post(data: unknown, origin: string, source: Window): void {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}

const verifiedEvents: IdentityVerifiedEvent[] = [];
const onVerified = (event: Event) => verifiedEvents.push(event as IdentityVerifiedEvent);

describe('<identity-verify> with a provider (i-PIN)', () => {
  before(() => {
    document.addEventListener('identity-verified', onVerified);
  });
  after(() => {
    document.removeEventListener('identity-verified', onVerified);
    return api.worker.stop();
  });
  afterEach(() => {
    cleanupFixtures();
    reset();
    window.open = originalOpen;
    Object.assign(navigation, originalNavigation);
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
    history.replaceState(null, '', pageHref);
    clearPendingRedirect();
    verifiedEvents.length = 0;
  });

  it('popup: opens a blank window inside the click, then accepts only its own provider message', async () => {
    const { popup, opens, loads } = stubPopup();
    const element = await mount({ methods: 'ipin' }); // mode auto: a desktop browser gets a popup
    equal(step(element), 'provider-idle', 'waits for a click');
    $<HTMLButtonElement>(element, '[data-action="open"]').click();
    equal(opens.length, 1, 'window.open ran synchronously in the click (popup blockers)');
    equal(opens[0]!.url, '', 'a blank window first');
    assert(opens[0]!.features?.includes('popup'), 'as a popup');

    await waitFor(() => loads.length === 1, 'the window is sent to the provider');
    equal(loads[0]!.popup, popup, 'the opened window');
    await element.updateComplete;
    equal(step(element), 'provider-waiting', 'waiting');
    const providerUrl = new URL(loads[0]!.url);
    const verificationId = providerUrl.searchParams.get('verification')!;
    const done = await signInAtProvider(providerUrl.href);
    const resultId = /data-result-id="([^"]+)"/.exec(await done.text())?.[1];
    assert(resultId, 'the provider gave a result id');

    const message = { type: 'membership-verification', verificationId, resultId };
    post(message, 'https://evil.example', popup);
    post(message, providerOrigin, window);
    post({ ...message, verificationId: 'vrf_someone_else' }, providerOrigin, popup);
    post({ ...message, type: 'something-else' }, providerOrigin, popup);
    post(`membership-verification ${resultId}`, providerOrigin, popup);
    // dispatchEvent runs the element's listener at once: an accepted message has already moved it to 'exchanging'.
    await settle(element);
    equal(step(element), 'provider-waiting', 'wrong origin, wrong window, other id, other shape: ignored');
    equal((await api.mock.deps.store.getVerification(verificationId))?.done, false, 'nothing was exchanged');
    equal(verifiedEvents.length, 0, 'no event');

    post(message, providerOrigin, popup);
    await waitFor(() => verifiedEvents.length === 1, 'identity-verified');
    const detail = verifiedEvents[0]!.detail;
    equal(detail.method, 'ipin', 'method');
    equal(detail.person.name, hong.name, 'person');
    assert(!JSON.stringify(detail).includes(hong.ci) && !JSON.stringify(detail).includes(hong.di), 'no CI/DI');
    await waitFor(() => step(element) === 'done', 'done');
    await waitFor(() => document.activeElement === element.querySelector('[data-part="done"] h2'), 'focus on the done heading');
  });

  it('a slow exchange says "still working" with a cancel; 다시 시도 exchanges the same result again (the server answers a repeat)', async () => {
    const { popup, loads } = stubPopup();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let exchanges = 0;
    // The first exchange waits (then reaches the server anyway, after the cancel); later ones go straight through.
    api.worker.use(http.post(/\/provider-result$/, async () => {
      exchanges += 1;
      if (exchanges === 1) await held;
      return undefined;
    }));
    try {
      const element = await mount({ methods: 'ipin' });
      $<HTMLButtonElement>(element, '[data-action="open"]').click();
      await waitFor(() => loads.length === 1, 'the window is sent to the provider');
      const providerUrl = new URL(loads[0]!.url);
      const verificationId = providerUrl.searchParams.get('verification')!;
      const resultId = /data-result-id="([^"]+)"/.exec(await (await signInAtProvider(providerUrl.href)).text())?.[1];
      assert(resultId, 'the provider gave a result id');
      post({ type: 'membership-verification', verificationId, resultId }, providerOrigin, popup);
      const cancel = await waitFor(() => element.querySelector<HTMLButtonElement>('[data-part~="job-status"] [data-part~="cancel"]'), '"stop waiting" after a few seconds', { timeout: 10_000 });
      assert(element.querySelector('[data-part~="still-working"]'), '"still working" shows');
      cancel.click();
      const retry = await waitFor(() => element.querySelector<HTMLButtonElement>('[data-part~="alert"] [data-action="retry"]'), 'the cancel ends in a retry');
      await waitFor(() => document.activeElement === retry, 'the focus goes to the retry');
      release();
      retry.click();
      await waitFor(() => verifiedEvents.length === 1, 'identity-verified after the retry');
      equal(verifiedEvents[0]!.detail.person.name, hong.name, 'person');
      assert(exchanges >= 2, 'the retry exchanged again');
    } finally {
      release();
      api.worker.resetHandlers();
    }
  });

  it('popup blocked: says so, retries in a click, and offers verifying without a new window', async () => {
    const { opens } = stubPopup(true);
    const assigned: string[] = [];
    navigation.assign = (url) => assigned.push(url);
    const element = await mount({ methods: 'ipin', mode: 'popup' });
    $<HTMLButtonElement>(element, '[data-action="open"]').click();
    await element.updateComplete;
    equal(step(element), 'provider-blocked', 'blocked');
    assert(element.textContent!.includes('팝업이 차단되었습니다'), 'the message');
    await waitFor(() => document.activeElement === element.querySelector('h2'), 'focus on the heading');

    $<HTMLButtonElement>(element, '[role="alert"] [data-action="retry"]').click();
    equal(opens.length, 2, 'retry opens again inside the click');
    $<HTMLButtonElement>(element, '[role="alert"] [data-action="use-redirect"]').click();
    await waitFor(() => assigned.length === 1, 'redirect instead');
    equal(new URL(assigned[0]!).searchParams.get('mode'), 'redirect', 'a redirect verification');
  });

  it('popup closed without a result: says so and offers a retry', async () => {
    const { iframe, loads, opens } = stubPopup();
    const element = await mount({ methods: 'ipin', mode: 'popup' });
    $<HTMLButtonElement>(element, '[data-action="open"]').click();
    await waitFor(() => loads.length === 1, 'provider URL');
    iframe.remove();
    await waitFor(() => step(element) === 'provider-closed', 'closed noticed', 2500);
    assert(element.textContent!.includes('인증 창이 닫혔습니다'), 'the message');
    $<HTMLButtonElement>(element, '[data-action="retry"]').click();
    equal(opens.length, 2, 'opens again');
  });

  it('popup cancelled at the provider: says so', async () => {
    const { popup, loads } = stubPopup();
    const element = await mount({ methods: 'ipin', mode: 'popup' });
    $<HTMLButtonElement>(element, '[data-action="open"]').click();
    await waitFor(() => loads.length === 1, 'provider URL');
    const verificationId = new URL(loads[0]!.url).searchParams.get('verification')!;
    post({ type: 'membership-verification', verificationId, cancelled: true }, providerOrigin, popup);
    await waitFor(() => step(element) === 'provider-cancelled', 'cancelled');
    assert(element.textContent!.includes('인증을 취소했습니다'), 'the message');
  });

  it('redirect: leaves with only id, method and purpose stored, resumes from mv_ parameters and cleans the address', async () => {
    const assigned: string[] = [];
    navigation.assign = (url) => assigned.push(url);
    history.replaceState(null, '', pageWith({ keep: '1' }));
    const before = location.href;
    const element = await mount({ methods: 'ipin', mode: 'redirect' });
    $<HTMLButtonElement>(element, '[data-action="open"]').click();
    await waitFor(() => assigned.length === 1, 'left for the provider');
    const providerUrl = new URL(assigned[0]!);
    equal(providerUrl.searchParams.get('return'), before, 'comes back to this page');
    const pending = readPendingRedirect();
    equal(pending?.verificationId, providerUrl.searchParams.get('verification'), 'pending verification stored');
    equal(JSON.stringify(Object.keys(JSON.parse(sessionStorage.getItem('membership-elements:identity-verify:pending')!)).sort()),
      JSON.stringify(['method', 'purpose', 'startedAt', 'verificationId']), 'nothing else stored');

    const back = await signInAtProvider(providerUrl.href);
    const returned = new URL(back.url);
    assert(returned.searchParams.get('mv_result'), `the provider sent the browser back with a result: ${back.url}`);
    cleanupFixtures(); // the page was left
    history.replaceState(null, '', returned.href);

    const resumed = await mount({ methods: 'ipin', mode: 'redirect' });
    await waitFor(() => verifiedEvents.length === 1, 'identity-verified after the return');
    equal(verifiedEvents[0]!.detail.method, 'ipin', 'method');
    await waitFor(() => step(resumed) === 'done', 'done');
    equal(location.href, before, 'mv_ parameters removed, the rest kept');
    equal(readPendingRedirect(), null, 'pending entry cleared');
  });

  it('redirect: the method chosen before the provider code is in goes to the provider once it arrives, without a second press', async () => {
    const assigned: string[] = [];
    navigation.assign = (url) => assigned.push(url);
    const original = IdentityVerify.parts.provider;
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    IdentityVerify.parts.provider = () => held.then(() => original());
    try {
      const element = await mount({ methods: 'mobile,ipin', mode: 'redirect' });
      $<HTMLInputElement>(element, 'input[name="method"][value="ipin"]').click();
      $<HTMLButtonElement>(element, '[data-part="method-choice"] button[type="submit"]').click();
      await element.updateComplete;
      equal(assigned.length, 0, 'nothing to leave with before the code');
      release();
      await waitFor(() => assigned.length === 1, 'left for the provider once its code arrived');
      equal(new URL(assigned[0]!).searchParams.get('mode'), 'redirect', 'a redirect verification');
    } finally {
      IdentityVerify.parts.provider = original;
    }
  });

  it('redirect: a cancel comes back as mv_cancelled; parameters of another verification are ignored', async () => {
    savePendingRedirect({ verificationId: 'vrf_mine', method: 'ipin', purpose: 'signup', startedAt: Date.now() });
    history.replaceState(null, '', pageWith({ mv_verification: 'vrf_other', mv_result: 'abc' }));
    const other = await mount({ methods: 'ipin', mode: 'redirect' });
    equal(step(other), 'provider-idle', 'not ours: ignored');
    assert(location.href.includes('mv_verification=vrf_other'), 'left alone');
    cleanupFixtures();

    history.replaceState(null, '', pageWith({ mv_verification: 'vrf_mine', mv_cancelled: '1' }));
    const element = await mount({ methods: 'ipin', mode: 'redirect' });
    await waitFor(() => step(element) === 'provider-cancelled', 'cancelled');
    equal(location.href, new URL(pageHref).href, 'cleaned');
    equal(readPendingRedirect(), null, 'pending entry cleared');
  });

  it('auto mode prefers redirect only on iOS and in-app browsers', () => {
    const cases: [string, number, boolean][] = [
      ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1', 5, true],
      ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15', 5, true],
      ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15', 0, false],
      ['Mozilla/5.0 (Linux; Android 14; SM-S918N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36 KAKAOTALK 10.8.0', 5, true],
      ['Mozilla/5.0 (Linux; Android 14; SM-S918N; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0 Mobile Safari/537.36 NAVER(inapp; search; 1000)', 5, true],
      ['Mozilla/5.0 (Linux; Android 14; Pixel 8; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0 Mobile Safari/537.36', 5, true],
      ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36', 5, false],
      ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36', 0, false],
    ];
    for (const [userAgent, touchPoints, expected] of cases) equal(prefersRedirect(userAgent, touchPoints), expected, userAgent);
  });
});
