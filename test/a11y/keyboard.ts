// Keyboard-only journeys (WCAG 2.1.1 keyboard, 2.4.3 focus order, 2.4.7 focus visible): only Tab,
// Shift+Tab, Space, Enter, arrow keys and typing — never a click. The test knows which control it
// wants next (a selector) but reaches it only by tabbing; the sandbox's security text and SMS are
// read off the sandbox as a demo user reads them.
import type { Browser, Page } from 'playwright-core';
import { getSandboxPerson, sandboxPersonIds } from '../../server/sandbox/people.ts';
import type { Finding } from './findings.ts';
import { StoryPage } from './story-page.ts';

class KeyboardStuck extends Error {}

function activeMatches(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((wanted) => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return Boolean(active?.matches(wanted));
  }, selector);
}

/** Tabs forward (then backward) until the focused element matches `selector`. */
async function tabTo(page: Page, selector: string, presses = 40): Promise<void> {
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let press = 0; press < presses; press += 1) {
      if (await activeMatches(page, selector)) return;
      await page.keyboard.press(key);
    }
  }
  if (await activeMatches(page, selector)) return;
  throw new KeyboardStuck(`could not reach ${selector} with Tab / Shift+Tab`);
}

/** Radio group: tab into it, then arrow keys until the wanted value is checked. */
async function pickRadio(page: Page, name: string, value: string): Promise<void> {
  await tabTo(page, `input[type="radio"][name$="${name}"]`);
  for (let press = 0; press < 8; press += 1) {
    if (await activeMatches(page, `input[type="radio"][value="${value}"]:checked`)) return;
    if (await activeMatches(page, `input[type="radio"][value="${value}"]`)) await page.keyboard.press('Space');
    else await page.keyboard.press('ArrowDown');
  }
  throw new KeyboardStuck(`radio ${name}=${value} not reachable with arrow keys`);
}

/** A closed <select>: arrow keys change its value. */
async function pickOption(page: Page, selector: string, value: string): Promise<void> {
  await tabTo(page, selector);
  const values = await page.evaluate((wanted) => [...(document.querySelector<HTMLSelectElement>(wanted)?.options ?? [])].map((option) => option.value), selector);
  const current = await page.evaluate((wanted) => document.querySelector<HTMLSelectElement>(wanted)?.selectedIndex ?? 0, selector);
  const target = values.indexOf(value);
  if (target < 0) throw new KeyboardStuck(`${selector} has no option ${value}`);
  for (let step = current; step !== target; step += target > current ? 1 : -1) await page.keyboard.press(target > current ? 'ArrowDown' : 'ArrowUp');
}

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  // Replaces what is there (a prefilled number, say) as a person would: select all, then type.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

async function waitForStep(page: Page, step: string): Promise<void> {
  await page.waitForFunction((wanted) => {
    const wizard = document.querySelector('signup-wizard') as (HTMLElement & { step?: string }) | null;
    return wizard?.step === wanted && wizard.querySelector('[data-part~="step-heading"]');
  }, step, { timeout: 20_000 });
}

const next = 'signup-wizard [data-part~="form"] [data-part~="next"]';

/** The whole individual signup by keyboard, from the type step to the welcome. */
async function signupByKeyboard(page: Page): Promise<void> {
  const suffix = String(Math.floor(Math.random() * 10_000)).padStart(4, '0');
  const person = { ...getSandboxPerson(sandboxPersonIds.kim), name: '테스트하윤', mobile: `0109999${suffix}` };
  const loginId = `keyboard${suffix}${Math.floor(Math.random() * 100)}`;
  await waitForStep(page, 'type');
  await pickRadio(page, 'memberKind', 'individual');
  if (await page.$('signup-wizard input[name="nationality"]')) await pickRadio(page, 'nationality', 'domestic');
  await press(page, next);
  await waitForStep(page, 'consent');
  await page.waitForSelector('mb-consent-list [data-part="agree-all"] input');
  await press(page, 'mb-consent-list [data-part="agree-all"] input', 'Space');
  await press(page, next);
  await waitForStep(page, 'identity');
  await verifyByKeyboard(page, person);
  await waitForStep(page, 'details');
  await typeInto(page, 'signup-wizard input[name="loginId"]', loginId);
  await typeInto(page, 'mb-password-field input[name="password"]', 'Passw0rd!2026');
  await typeInto(page, 'mb-password-field input[name="password-confirmation"]', 'Passw0rd!2026');
  if (await page.$('signup-wizard input[name="nameEn"]')) await typeInto(page, 'signup-wizard input[name="nameEn"]', 'Keyboard Tester');
  await typeInto(page, 'mb-email-input input[name="email"]', `${loginId}@example.com`);
  if (await page.$('mb-phone-input[name="mobile"] input')) await typeInto(page, 'mb-phone-input[name="mobile"] input', person.mobile);
  if (await page.$('mb-phone-input[name="phone"] input')) await typeInto(page, 'mb-phone-input[name="phone"] input', '0212345678');
  const address = 'signup-wizard mb-address-field[name="address"]';
  if (await page.$(address)) {
    const readOnly = await page.$eval(`${address} input[data-part="postcode"]`, (input) => (input as HTMLInputElement).readOnly);
    if (readOnly && (await page.$(`${address} [data-part~="search-button"]`))) {
      await press(page, `${address} [data-part~="search-button"]`);
      await page.waitForFunction((field) => document.querySelector(`${field} input[data-part="query"]`) || (document.querySelector(field) as unknown as { value?: { postcode?: string } })?.value?.postcode, address);
      if (await page.$(`${address} input[data-part="query"]`)) {
        await typeInto(page, `${address} input[data-part="query"]`, '세종대로');
        await page.keyboard.press('Enter');
        await page.waitForSelector(`${address} [data-part="result"]`);
        await press(page, `${address} [data-part="result"]`);
      }
      await page.waitForFunction((field) => (document.querySelector(field) as unknown as { value?: { postcode?: string } })?.value?.postcode, address);
    } else {
      await typeInto(page, `${address} input[data-part="postcode"]`, '03171');
      await typeInto(page, `${address} input[data-part="base"]`, '서울특별시 종로구 세종대로 209');
    }
    await typeInto(page, `${address} input[data-part="detail"]`, '3층');
  }
  await press(page, next);
  await waitForStep(page, 'review');
  // The story's host would follow `completion-url`; like the Done story, this page stays on the welcome.
  await page.evaluate(() => document.querySelector('signup-wizard')?.addEventListener('signup-complete', (event) => event.preventDefault(), { once: true }));
  await press(page, next);
  await waitForStep(page, 'done');
}

async function press(page: Page, selector: string, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.press(key);
}

async function sandboxJson<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => (await fetch(url)).json(), path) as Promise<T>;
}

/** The mobile verification of `<identity-verify>` by keyboard, from the method choice to done. */
async function verifyByKeyboard(page: Page, person: ReturnType<typeof getSandboxPerson>): Promise<void> {
  await page.waitForSelector('identity-verify:not([data-step="loading"]):not([data-step="idle"])');
  if (await page.$('identity-verify [data-part="method-choice"]')) {
    await pickRadio(page, 'method', 'mobile');
    await press(page, 'identity-verify [data-part="method-choice"] button[type="submit"]');
  }
  await page.waitForSelector('identity-verify [data-part="mobile-form"] img[data-part="captcha-image"]');
  await page.waitForFunction(() => { const img = document.querySelector<HTMLImageElement>('img[data-part="captcha-image"]'); return img?.complete && img.naturalWidth > 0; });
  await pickOption(page, 'identity-verify select[name="carrier"]', person.carrier);
  await typeInto(page, 'identity-verify input[name="name"]', person.name);
  await typeInto(page, 'identity-verify input[name="birthDate"]', person.birthDate.replaceAll('-', ''));
  await pickRadio(page, 'gender', person.gender);
  await pickRadio(page, 'nationality', person.nationality);
  await typeInto(page, 'identity-verify mb-phone-input input[name="mobile"]', person.mobile);
  if (!(await page.$eval('identity-verify [data-field="termsAll"]', (box) => (box as HTMLInputElement).checked))) await press(page, 'identity-verify [data-field="termsAll"]', 'Space');
  const image = await page.$eval('img[data-part="captcha-image"]', (img) => (img as HTMLImageElement).src);
  const verification = /verifications\/([^/]+)\/captcha/.exec(image)?.[1];
  const { answer } = await sandboxJson<{ answer: string }>(page, `/sandbox/verifications/${verification}/captcha-answer`);
  await typeInto(page, 'identity-verify input[name="captchaAnswer"]', answer);
  await press(page, 'identity-verify [data-part="mobile-form"] button[type="submit"]');
  await page.waitForSelector('identity-verify[data-step="mobile-code"] mb-otp-input input', { timeout: 15_000 });
  const { messages } = await sandboxJson<{ messages: { mobile: string; text: string }[] }>(page, '/sandbox/inbox.json');
  const code = messages.find((message) => message.mobile === person.mobile.replace(/\D/g, ''))?.text.match(/\[(\d{6})\]/)?.[1];
  if (!code) throw new Error(`no sandbox SMS to ${person.mobile}`);
  await typeInto(page, 'identity-verify mb-otp-input input', code);
  await press(page, 'identity-verify [data-part="code-form"] button[type="submit"]');
}

export async function keyboardJourneys(browser: Browser, origin: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  const journeys: { name: string; story: string; run: (page: Page) => Promise<void> }[] = [
    {
      name: 'identity-verify (mobile)',
      story: 'membership-identity-verify--method-choice',
      run: async (page) => {
        await verifyByKeyboard(page, getSandboxPerson(sandboxPersonIds.hong));
        await page.waitForSelector('identity-verify[data-step="done"]', { timeout: 15_000 });
      },
    },
    {
      name: 'signup (individual, mobile verification)',
      story: 'membership-signup-wizard-steps--type',
      run: signupByKeyboard,
    },
  ];
  for (const journey of journeys) {
    const storyPage = await StoryPage.open(browser, origin, 'ko');
    const started = performance.now();
    try {
      await storyPage.showIsolated(journey.story);
      await journey.run(storyPage.page);
      console.log(`keyboard: ${journey.name} completed by keyboard in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      const stuck = error instanceof KeyboardStuck;
      const where = await storyPage.page.evaluate(() => {
        const wizard = document.querySelector('signup-wizard') as (HTMLElement & { step?: string }) | null;
        const alert = document.querySelector('#storybook-root [role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim();
        const invalid = [...document.querySelectorAll('#storybook-root [aria-invalid="true"]')].map((field) => field.getAttribute('name')).join(',');
        return `wizard step ${wizard?.step ?? '-'}, verify step ${document.querySelector('identity-verify')?.getAttribute('data-step') ?? '-'}${alert ? `, alert "${alert}"` : ''}${invalid ? `, invalid: ${invalid}` : ''}`;
      }).catch(() => '');
      findings.push({ check: 'keyboard', story: journey.name, locale: 'ko', rule: stuck ? 'keyboard-unreachable' : 'keyboard-journey-failed', impact: 'critical', target: '', detail: `${(error as Error).message.split('\n')[0]!} (${where})` });
    } finally {
      await storyPage.close();
    }
  }
  return findings;
}
