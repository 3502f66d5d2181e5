// One person's signup on the trade demo site, step by step and from wherever the wizard stands (after a
// fault, a retry, a reload or a server restart), with the page objects of the end-to-end tests.
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { BrowserContext, Page } from 'playwright-core';
import { ConsentStep } from '../e2e/pages/consent-step.ts';
import { DetailsStep } from '../e2e/pages/details-step.ts';
import type { AddressField } from '../e2e/pages/fields.ts';
import { CodeEntry, IdentityStep, MobileForm, type IpinWindow } from '../e2e/pages/identity-step.ts';
import { ReviewStep } from '../e2e/pages/review-step.ts';
import { SignupPage } from '../e2e/pages/signup-page.ts';
import { MemberTypeStep } from '../e2e/pages/type-step.ts';
import { captchaAnswer, generatedPerson, seenMessages, smsCode, type Person } from '../e2e/sandbox.ts';
import { t } from '../e2e/text.ts';

export type Step = 'type' | 'consent' | 'identity' | 'details' | 'review' | 'done' | 'already-member' | 'under-age';
const steps: readonly Step[] = ['type', 'consent', 'identity', 'details', 'review', 'done', 'already-member', 'under-age'];
const address = { postcode: '03154', base: '서울특별시 종로구 세종대로 209', detail: '정부서울청사 3층' };

let count = 0;

/** One cell's person, account and page. */
export class Journey {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly signup: SignupPage;
  readonly origin: string;
  readonly person: Person;
  readonly loginId: string;
  readonly password = 'Fault#2026pw';
  /** SMS already in the sandbox inbox when the code was asked for. */
  seen: ReadonlySet<string> = new Set();
  /** The i-PIN provider window, while the provider row has it open. */
  providerWindow: IpinWindow | undefined;

  constructor(page: Page, origin: string) {
    count += 1;
    this.page = page;
    this.context = page.context();
    this.signup = new SignupPage(page);
    this.origin = origin;
    const person = generatedPerson();
    // A name of its own (from the mobile's last digits), so the account count below finds only this person.
    this.person = { ...person, name: `테스트${[...person.mobile.slice(-4)].map((digit) => '가나다라마바사아자차'[Number(digit)]).join('')}` };
    this.loginId = `flt${Date.now().toString(36).slice(-5)}${count}`;
  }

  /** This person's sandbox i-PIN (server/sandbox/people.ts: `test` + the mobile number). */
  get ipinId(): string {
    return `test${this.person.mobile}`;
  }

  get identity(): IdentityStep {
    return IdentityStep.inWizard(this.signup);
  }

  get mobileForm(): MobileForm {
    return new MobileForm(this.page, this.identity.root);
  }

  get codeEntry(): CodeEntry {
    return new CodeEntry(this.page, this.identity.root);
  }

  get details(): DetailsStep {
    return new DetailsStep(this.signup);
  }

  get review(): ReviewStep {
    return new ReviewStep(this.signup);
  }

  /** The step the wizard shows now (its heading), or undefined while it shows none. */
  async step(): Promise<Step | undefined> {
    const heading = (await this.signup.stepHeading.textContent({ timeout: 1000 }).catch(() => null))?.trim();
    return steps.find((step) => t(`signup.step.${step}`) === heading);
  }

  async open(): Promise<void> {
    await this.signup.goto('trade');
  }

  async chooseType(): Promise<void> {
    await new MemberTypeStep(this.signup).choose('individual', 'domestic');
    await this.signup.waitForStep('consent');
  }

  async agree(): Promise<void> {
    await new ConsentStep(this.signup).agreeToAllAndGoOn();
    await this.signup.waitForStep('identity');
  }

  /** Mobile verification up to (not including) "인증번호 받기". */
  async fillMobileForm(): Promise<void> {
    const form = await this.identity.chooseMobile();
    await form.fill(this.person);
    await form.captcha.fill(await captchaAnswer(this.origin, await form.verificationId()));
    this.seen = await seenMessages(this.origin);
  }

  /** The security text shown now (a failed request shows a new one), typed in. */
  async refillCaptcha(): Promise<void> {
    const form = this.mobileForm;
    if ((await form.captcha.inputValue()) !== '') return;
    // An image that failed while the server was away stays broken: the person presses 새로고침.
    const broken = await form.captchaImage.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth === 0);
    if (broken) {
      const src = await form.captchaImage.getAttribute('src');
      await form.form.getByRole('button', { name: t('identity.captcha.refresh'), exact: true }).click();
      await this.page.waitForFunction((before) => {
        const image = document.querySelector('signup-wizard identity-verify img[src*="/captcha"]') as HTMLImageElement | null;
        return image !== null && image.getAttribute('src') !== before && image.complete && image.naturalWidth > 0;
      }, src, { timeout: 20_000 });
    }
    await form.captcha.fill(await captchaAnswer(this.origin, await form.verificationId()));
  }

  /** The SMS code sent after `seen`, typed in. */
  async enterCode(): Promise<void> {
    const code = this.codeEntry;
    await code.form.waitFor();
    await code.enter(await smsCode(this.origin, this.person.mobile, this.seen));
  }

  /** The details step's address field (the trade site requires it and offers its address search). */
  get address(): AddressField {
    return this.details.address(true);
  }

  /** Every detail but the ID (the ID check is a moment of its own); `withAddress: false` leaves the address to the search. */
  async fillDetails({ withAddress = true } = {}): Promise<void> {
    const details = { loginId: this.loginId, password: this.password, email: `${this.loginId}@example.kr`, phone: '0221003000' };
    await this.details.fill(withAddress ? { ...details, address } : details, { phone: true, address: true });
  }

  async checkId(): Promise<void> {
    await this.details.loginId.fill(this.loginId);
    await this.details.checkLoginId.click();
  }

  /** Drives the journey from wherever it stands to the done step (or a refusal screen, returned), or to `stopAt`. */
  async finish(stopAt?: Step): Promise<Step> {
    for (let moves = 0; moves < 12; moves += 1) {
      const step = await this.step();
      if (step !== undefined && step === stopAt) return step;
      switch (step) {
        case 'done':
        case 'already-member':
        case 'under-age':
          return step;
        case 'type':
          await this.chooseType();
          break;
        case 'consent':
          await this.agree();
          break;
        case 'identity':
          await this.#verify();
          break;
        case 'details':
          await this.fillDetails();
          await this.checkId();
          await this.details.loginIdStatus.filter({ hasText: t('signup.details.loginId.available') }).waitFor({ timeout: 20_000 });
          await this.signup.next();
          await this.signup.waitForStep('review');
          break;
        case 'review':
          await this.review.submitButton.click();
          await this.signup.stepHeading.filter({ hasNotText: t('signup.step.review') }).waitFor({ timeout: 20_000 });
          break;
        default:
          await this.signup.stepHeading.waitFor({ timeout: 20_000 });
      }
    }
    throw new Error(`the journey did not reach the done step (it shows ${await this.step()})`);
  }

  /** From whatever the identity step shows: the method choice, the mobile form, or the code entry. */
  async #verify(): Promise<void> {
    if (await this.codeEntry.form.isVisible()) {
      await this.enterCode();
      await this.codeEntry.confirm();
    } else if (await this.mobileForm.form.isVisible()) {
      // A form left half-way by a fault: start the verification again from a fresh page state.
      await this.page.reload();
      await this.signup.waitForStep('identity');
      return;
    } else {
      await this.fillMobileForm();
      await this.mobileForm.requestCode();
      await this.enterCode();
      await this.codeEntry.confirm();
    }
    await this.signup.stepHeading.filter({ hasNotText: t('signup.step.identity') }).waitFor({ timeout: 20_000 });
  }
}

/** Accounts in the server's database for this journey's ID and for its person (name + birth date). */
export function accountsOf(dataDir: string, journey: Journey): { byLoginId: number; byPerson: number } {
  const db = new DatabaseSync(join(dataDir, 'membership.sqlite'), { readOnly: true });
  try {
    const byLoginId = (db.prepare('SELECT count(*) AS n FROM members WHERE login_id = ?').get(journey.loginId) as { n: number }).n;
    const byPerson = (db.prepare('SELECT count(*) AS n FROM members WHERE name = ? AND birth_date = ?').get(journey.person.name, journey.person.birthDate) as { n: number }).n;
    return { byLoginId, byPerson };
  } finally {
    db.close();
  }
}
