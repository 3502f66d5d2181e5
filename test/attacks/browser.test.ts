// In Chromium against the demo under its strict CSP with Trusted Types: a full corporate signup with
// an XSS corpus in every field and every text the API returns, and nothing runs, no CSP violation
// fires and no secret leaks; provider messages from another window or origin are ignored; a
// cross-site form cannot sign anyone in.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/browser.ts';
import { findBrowser } from '../e2e/find-browser.ts';
import { CompanyStep } from '../e2e/pages/company-step.ts';
import { ConsentStep } from '../e2e/pages/consent-step.ts';
import { DetailsStep } from '../e2e/pages/details-step.ts';
import { DoneStep } from '../e2e/pages/done-step.ts';
import { IdentityStep } from '../e2e/pages/identity-step.ts';
import { ReviewStep } from '../e2e/pages/review-step.ts';
import { SignupPage } from '../e2e/pages/signup-page.ts';
import { MemberTypeStep } from '../e2e/pages/type-step.ts';
import { generatedPerson } from '../e2e/sandbox.ts';
import { ensureBundle } from '../e2e/server.ts';
import { waitFor } from '../support/wait.ts';
import { startAttackDemo, watchLeaks, xssCompany, xssCorpus, type AttackDemo, type Leaks } from './browser-harness.ts';
import { printTable } from './harness.ts';

const figures: string[][] = [];

describe('in Chromium: XSS, CSP, secrets, provider messages, cross-site forms', { concurrency: 1, skip: findBrowser() ? false : 'no Chromium-family browser (scripts/find-browser.mjs)' }, () => {
  let demo: AttackDemo;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const open = async () => {
    const context = await browser.newContext({ baseURL: demo.origin, locale: 'ko-KR', timezoneId: 'Asia/Seoul', viewport: { width: 1000, height: 900 } });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    const leaks = await watchLeaks(context);
    await context.addInitScript({ content: 'window.__xss = 0;' });
    return { context, leaks, page: await context.newPage() };
  };

  before(async () => {
    ensureBundle((line) => console.log(line));
    demo = await startAttackDemo();
    browser = await launchBrowser();
  }, { timeout: 240_000 });
  after(async () => {
    printTable('Browser attacks', ['check', 'result'], figures);
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await demo?.stop();
  });

  const canary = (page: Page) => page.evaluate(() => (window as unknown as { __xss: number }).__xss);

  test('a full corporate signup with XSS everywhere: nothing runs, no CSP violation, no secret leaks', { timeout: 150_000 }, async () => {
    const { context, leaks, page } = await open();
    const person = generatedPerson({ gender: 'male', carrier: 'SKT' });
    const password = `<b>"onerror=x'${person.mobile.slice(-4)}Aa!`;
    const loginId = `xss${person.mobile.slice(-4)}`;
    const payload = (i: number) => xssCorpus[i % xssCorpus.length]!;
    const signup = new SignupPage(page);
    await signup.goto('trade');
    await new MemberTypeStep(signup).choose('corporate', 'domestic');
    await signup.waitForStep('consent');
    await new ConsentStep(signup).agreeToAllAndGoOn();
    await signup.waitForStep('identity');
    await IdentityStep.inWizard(signup).verifyByMobile(demo.origin, person);
    await signup.waitForStep('details');
    const details = new DetailsStep(signup);
    // Every payload typed into the ID field first (refused by the rule, shown as an error), and an
    // error message from the server carrying one, then the real values.
    for (const [i, text] of xssCorpus.entries()) {
      await details.loginId.fill(text);
      await details.loginId.blur();
      if (i === 0) {
        await page.route('**/availability', (route) => route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: { code: payload(1), message: payload(2), fields: [{ field: 'loginId', code: payload(3) }] } }) }), { times: 1 });
        await details.loginId.fill('probe2026');
        const answered = page.waitForResponse('**/availability');
        await details.checkLoginId.click();
        await answered;
      }
    }
    await details.fill({
      loginId, password, email: `${loginId}@example.com`, phone: '02-3460-7000', department: payload(4), position: payload(5),
      address: { postcode: '03154', base: '서울특별시 종로구 세종대로 209', detail: payload(6) },
    }, { phone: true, address: true });
    await details.checkId(loginId);
    await signup.next();
    await signup.waitForStep('company');
    const company = new CompanyStep(signup);
    assert.equal(await company.search(xssCompany.businessNumber), 'registered');
    assert.ok((await company.registeredSummary.textContent())?.includes(xssCompany.nameKo), 'the company name is shown as text');
    await signup.next();
    await signup.waitForStep('review');
    const review = new ReviewStep(signup);
    const shown = JSON.stringify(await review.rows('details'));
    assert.ok(shown.includes(payload(4)), `the payload is shown back as text: ${shown}`);
    const storage = await page.evaluate(() => JSON.stringify([Object.entries(sessionStorage), Object.entries(localStorage)]));
    await review.submit();
    // The done screen stays until the person chooses to go on.
    await new DoneStep(signup).continueLink.click({ timeout: 20_000 });
    await page.waitForURL(/\/trade\/welcome\.html$/, { timeout: 20_000 });

    assert.equal(await canary(page), 0, 'no payload ran');
    assert.deepEqual(leaks.violations, [], 'no securitypolicyviolation');
    assert.deepEqual(leaks.console.filter((line) => /Content Security Policy|Trusted Type|TrustedHTML/i.test(line)), []);
    figures.push(['XSS corpus × (fields, config, terms, company, error) in a full journey', `canary 0, ${leaks.violations.length} CSP violations, ${leaks.events.length} events`]);

    // The new member signs in on the page: the session cookie must stay out of reach of scripts.
    const signedIn = await page.evaluate(async ([id, secret]) => {
      const response = await fetch('/api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json', 'x-site-id': 'trade' }, body: JSON.stringify({ loginId: id, password: secret }) });
      return { status: response.status, cookie: document.cookie, csrfToken: ((await response.json()) as { csrfToken: string }).csrfToken };
    }, [loginId, password] as const);
    assert.equal(signedIn.status, 200);
    const session = (await context.cookies(demo.origin)).find((cookie) => /session/i.test(cookie.name));
    assert.ok(session?.httpOnly, 'an HttpOnly session cookie');
    assert.ok(!signedIn.cookie.includes(session.value), 'document.cookie does not show the session');
    // Secrets: the password, every token the server handed out, the session cookie.
    const cookies = (await context.cookies()).map((cookie) => ({ kind: `cookie ${cookie.name}`, value: cookie.value }));
    const secrets = [{ kind: 'password', value: password }, { kind: 'csrfToken', value: signedIn.csrfToken }, ...leaks.secrets.filter((s) => s.kind !== 'csrfToken'), ...cookies];
    assert.ok(leaks.secrets.some((s) => s.kind === 'verificationToken'), 'saw the verification token on the wire');
    for (const { kind, value } of secrets) {
      const where = (text: string) => text.includes(value) || text.includes(encodeURIComponent(value));
      assert.ok(!where(storage) && !where(await page.evaluate(() => JSON.stringify([Object.entries(sessionStorage), Object.entries(localStorage)]))), `${kind} in web storage`);
      assert.deepEqual(leaks.urls.filter(where), [], `${kind} in a URL`);
      assert.deepEqual(leaks.console.filter(where), [], `${kind} in the console`);
      const carriers = leaks.events.filter((event) => where(event.detail)).map((event) => event.type);
      if (kind === 'verificationToken') assert.ok(carriers.length > 0 && carriers.every((type) => type === 'identity-verified'), `the verification token in identity-verified only, not ${carriers}`);
      else assert.deepEqual(carriers, [], `${kind} in an event detail`);
      assert.ok(!signedIn.cookie.includes(value), `${kind} readable in document.cookie`);
    }
    figures.push(['secrets (password, tokens, cookies) in storage, URLs, console, events', `${secrets.length} checked against ${leaks.urls.length} URLs, ${leaks.console.length} console lines, ${leaks.events.length} events: none leaked`]);
  });

  test('provider messages from the page itself, another window or another origin are ignored', { timeout: 60_000 }, async () => {
    const { page } = await open();
    const signup = new SignupPage(page);
    await signup.goto('trade');
    await new MemberTypeStep(signup).choose('individual', 'domestic');
    await signup.waitForStep('consent');
    await new ConsentStep(signup).agreeToAllAndGoOn();
    await signup.waitForStep('identity');
    const identity = IdentityStep.inWizard(signup);
    await identity.methodChoice.waitFor();
    await identity.methodChoice.getByRole('radio').nth(1).check();
    const started = page.waitForResponse((r) => r.url().endsWith('/api/v1/verifications') && r.request().method() === 'POST');
    const popupOpened = page.waitForEvent('popup');
    await identity.methodChoice.getByRole('button', { name: '다음', exact: true }).click();
    const { verificationId } = (await (await started).json()) as { verificationId: string };
    const popup = await popupOpened;
    await popup.waitForLoadState();
    const exchanges: number[] = [];
    page.on('response', (r) => void (r.url().endsWith('/provider-result') && exchanges.push(r.status())));
    const message = { type: 'membership-verification', verificationId, resultId: 'forged-result-id' };
    // Counts messages as they reach the page, after the element's own listener saw them.
    await page.evaluate(() => {
      (window as unknown as { __seen: number }).__seen = 0;
      window.addEventListener('message', () => void ((window as unknown as { __seen: number }).__seen += 1));
    });
    // Polled from here: the page's CSP forbids the eval that page.waitForFunction needs.
    const seen = (n: number) => waitFor(async () => (await page.evaluate(() => (window as unknown as { __seen: number }).__seen)) >= n, `the page received message ${n}`, { timeout: 10_000, interval: 50 });

    await page.evaluate((m) => window.postMessage(m, '*'), message);
    await seen(1);
    const sameOrigin = page.waitForEvent('popup');
    await page.evaluate((m) => {
      const other = window.open('about:blank', 'other')!;
      other.opener.postMessage(m, '*');
    }, message);
    await (await sameOrigin).close();
    await seen(2);
    // The popup itself navigates to another origin (a typed URL would cut the opener).
    const evilUrl = `${demo.evilOrigin}/post?m=${encodeURIComponent(JSON.stringify(message))}`;
    await Promise.all([popup.waitForURL(evilUrl), popup.evaluate((url) => void (location.href = url), evilUrl)]);
    await seen(3);
    assert.deepEqual(exchanges, [], 'no forged message was exchanged');
    figures.push(['forged provider messages (same window, other window, other origin in the popup)', '3 sent, 0 exchanged']);

    // The real popup back on the provider's origin is heard: its result is exchanged, and a forged id is refused by the server.
    await Promise.all([popup.waitForURL(`${demo.origin}/trade/welcome.html`), popup.evaluate((url) => void (location.href = url), `${demo.origin}/trade/welcome.html`)]);
    const exchanged = page.waitForResponse((r) => r.url().endsWith('/provider-result'));
    await popup.evaluate((m) => window.opener.postMessage(m, '*'), message);
    const answer = await exchanged;
    assert.ok(answer.status() >= 400 && answer.status() < 500, `the server refuses a result id it never issued (${answer.status()})`);
    figures.push(['the same message from the real popup', `exchanged, server answered ${answer.status()}`]);
  });

  test('a cross-site HTML form (enctype="text/plain") from another loopback origin cannot sign anyone in', { timeout: 60_000 }, async () => {
    const { context, page } = await open();
    const posted = page.waitForResponse((r) => r.url().includes('/api/v1/session') && r.request().method() === 'POST');
    await page.goto(`${demo.evilOrigin}/form`);
    const answer = await posted;
    assert.ok([403, 415].includes(answer.status()), `the login form post answered ${answer.status()}`);
    assert.equal(answer.headers()['set-cookie'], undefined, 'no cookie set');
    const victim = await context.newPage();
    await victim.goto(`${demo.origin}/trade/`);
    const session = await victim.evaluate(async () => (await fetch('/api/v1/session?site=trade', { headers: { 'x-site-id': 'trade' } })).json());
    assert.equal(session.member, null, 'the browser is not signed in');
    assert.deepEqual((await context.cookies(demo.origin)).filter((cookie) => /session/i.test(cookie.name)), []);
    figures.push(['cross-site text/plain login form (127.0.0.2 → 127.0.0.1)', `HTTP ${answer.status()}, no session`]);
  });
});

export type { Leaks };
