import type { Locator, Page } from 'playwright-core';
import { captchaAnswer, seenMessages, smsCode, type Person } from '../sandbox.ts';
import { required, t } from '../text.ts';
import type { SignupPage } from './signup-page.ts';

/**
 * Step 3, 본인인증: the embedded `<identity-verify>`. Its screens have their own page objects: the
 * method choice, the mobile form ({@link MobileForm}) and the code entry ({@link CodeEntry}).
 * `root` is the `<identity-verify>` element (on the identity step, or on the review of sites that ask
 * again at submit).
 */
export class IdentityStep {
  readonly page: Page;
  readonly root: Locator;
  readonly methodChoice: Locator;
  /** After the verification: "{name}님, 본인인증을 마쳤습니다." (when the wizard stays on the step). */
  readonly verified: Locator;

  constructor(page: Page, root: Locator) {
    this.page = page;
    this.root = root;
    this.methodChoice = root.getByRole('form', { name: t('identity.choice.title') });
    this.verified = root.locator('[data-part="done"]');
  }

  static inWizard(signup: SignupPage): IdentityStep {
    return new IdentityStep(signup.page, signup.wizard.locator('identity-verify'));
  }

  /** 휴대폰 본인인증 on the method choice, then "다음". */
  async chooseMobile(): Promise<MobileForm> {
    await this.methodChoice.getByRole('radio', { name: new RegExp(`^휴대폰 본인인증`) }).check();
    await this.methodChoice.getByRole('button', { name: t('common.next'), exact: true }).click();
    const form = new MobileForm(this.page, this.root);
    await form.form.waitFor();
    return form;
  }

  /**
   * 아이핀 on the method choice, then "다음": the provider window opens (popup mode) — or, when the
   * step shows its own "open the window" button first, after that button; resolves with the window.
   */
  async chooseIpin(): Promise<IpinWindow> {
    await this.methodChoice.getByRole('radio', { name: /^아이핀/ }).check();
    const popup = this.page.context().waitForEvent('page');
    await this.methodChoice.getByRole('button', { name: t('common.next'), exact: true }).click();
    const open = this.root.locator('[data-part="provider"] [data-action="open"]');
    const first = await Promise.race([popup.then(() => 'window' as const), open.waitFor().then(() => 'button' as const, () => 'none' as const)]);
    if (first === 'button') await open.click();
    return new IpinWindow(await popup);
  }

  /**
   * The whole mobile verification of `person` as a user does it: method, form (security text read
   * off the sandbox), code from the sandbox SMS inbox, confirm. Returns the verification id.
   */
  async verifyByMobile(origin: string, person: Person): Promise<string> {
    return this.completeMobile(await this.chooseMobile(), origin, person);
  }

  /** The mobile form onwards: fill, security text, 인증번호 받기, the SMS code, 확인. */
  async completeMobile(form: MobileForm, origin: string, person: Person): Promise<string> {
    await form.fill(person);
    const verificationId = await form.verificationId();
    await form.captcha.fill(await captchaAnswer(origin, verificationId));
    const seen = await seenMessages(origin);
    const code = await form.requestCode();
    await code.enter(await smsCode(origin, person.mobile, seen));
    await code.confirm();
    return verificationId;
  }
}

/** 휴대폰 본인인증: carrier, name, birth date, gender, nationality, number, security text, provider terms. */
export class MobileForm {
  readonly page: Page;
  readonly form: Locator;
  readonly carrier: Locator;
  readonly name: Locator;
  readonly birthDate: Locator;
  readonly genderGroup: Locator;
  readonly nationalityGroup: Locator;
  readonly mobile: Locator;
  readonly captchaImage: Locator;
  readonly captcha: Locator;
  readonly agreeAllTerms: Locator;
  readonly requestCodeButton: Locator;
  readonly alert: Locator;
  readonly #root: Locator;

  constructor(page: Page, root: Locator) {
    this.page = page;
    this.#root = root;
    this.form = root.getByRole('form', { name: t('identity.mobile.title') });
    this.carrier = this.form.getByRole('combobox', { name: required(t('identity.mobile.carrier')), exact: true });
    this.name = this.form.getByRole('textbox', { name: required(t('identity.mobile.name')), exact: true });
    this.birthDate = this.form.getByRole('textbox', { name: required(t('identity.mobile.birthDate')), exact: true });
    this.genderGroup = this.form.getByRole('group', { name: required(t('identity.mobile.gender')) });
    this.nationalityGroup = this.form.getByRole('group', { name: required(t('identity.mobile.nationality')) });
    this.mobile = this.form.getByRole('textbox', { name: required(t('identity.mobile.number')), exact: true });
    this.captchaImage = this.form.getByRole('img', { name: t('identity.captcha.alt') });
    this.captcha = this.form.getByRole('textbox', { name: required(t('identity.captcha.label')), exact: true });
    this.agreeAllTerms = this.form.getByRole('checkbox', { name: t('identity.terms.all'), exact: true });
    this.requestCodeButton = this.form.getByRole('button', { name: t('identity.mobile.submit') });
    this.alert = this.form.getByRole('alert');
  }

  /** Types who the user is, as the sandbox carrier knows them (birth date as 8 digits). */
  async fill(person: Person): Promise<void> {
    await this.carrier.selectOption({ label: t(`identity.carrier.${person.carrier}`) });
    await this.name.fill(person.name);
    await this.birthDate.fill(person.birthDate.replaceAll('-', ''));
    await this.genderGroup.getByRole('radio', { name: t(`identity.gender.${person.gender}`), exact: true }).check();
    await this.nationalityGroup.getByRole('radio', { name: t(`identity.nationality.${person.nationality}`), exact: true }).check();
    await this.mobile.fill(person.mobile);
    await this.agreeAllTerms.check();
  }

  /**
   * The verification this form belongs to, from the security-text image's address — once the image
   * has loaded, since every load of it makes a new text.
   */
  async verificationId(): Promise<string> {
    await this.captchaImage.evaluate((image: HTMLImageElement) =>
      image.complete && image.naturalWidth > 0 ? undefined : new Promise((resolve, reject) => {
        image.addEventListener('load', resolve, { once: true });
        image.addEventListener('error', reject, { once: true });
      }));
    const src = (await this.captchaImage.getAttribute('src')) ?? '';
    const id = /verifications\/([^/]+)\/captcha/.exec(src)?.[1];
    if (!id) throw new Error(`no verification id in the captcha image address "${src}"`);
    return decodeURIComponent(id);
  }

  /** "인증번호 받기": the code screen comes next. */
  async requestCode(): Promise<CodeEntry> {
    await this.requestCodeButton.click();
    const code = new CodeEntry(this.page, this.#root);
    await code.form.waitFor();
    return code;
  }
}

/** 인증번호 입력: the 6-digit code (mb-otp-input) with its countdown and resend. */
export class CodeEntry {
  readonly page: Page;
  readonly form: Locator;
  readonly code: Locator;
  readonly countdown: Locator;
  readonly resend: Locator;
  readonly confirmButton: Locator;

  constructor(page: Page, root: Locator) {
    this.page = page;
    this.form = root.getByRole('form', { name: t('identity.code.title') });
    this.code = this.form.getByRole('textbox', { name: required(t('otp.label')), exact: true });
    this.countdown = this.form.getByRole('timer');
    this.resend = this.form.getByRole('button', { name: t('otp.resend') });
    this.confirmButton = this.form.getByRole('button', { name: t('identity.code.confirm'), exact: true });
  }

  async enter(code: string): Promise<void> {
    await this.code.fill(code);
  }

  async confirm(): Promise<void> {
    await this.confirmButton.click();
  }
}

/**
 * The sandbox i-PIN provider window (server/sandbox/routes.ts), opened as a popup: ID, password and
 * security text, then 인증; the window hands the result to the page that opened it and closes.
 */
export class IpinWindow {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Types the i-PIN login (the security text read off the sandbox), without submitting it. */
  async fill(origin: string, ipinId: string, password: string): Promise<void> {
    await this.page.locator('#ipin-id').waitFor();
    const verificationId = await this.page.locator('input[name="verification"]').inputValue();
    await this.page.locator('#ipin-id').fill(ipinId);
    await this.page.locator('#ipin-password').fill(password);
    await this.page.locator('#ipin-captcha').fill(await captchaAnswer(origin, verificationId));
  }

  /** 인증: the result goes to the opener, which exchanges it. */
  async submit(): Promise<void> {
    await this.page.locator('button[name="action"][value="login"]').click();
  }
}
