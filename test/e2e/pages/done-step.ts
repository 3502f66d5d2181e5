import type { Locator } from 'playwright-core';
import { t } from '../text.ts';
import type { SignupPage } from './signup-page.ts';

/** Step 7, 가입 완료: welcome with the ID, the company role, what is left to do, "계속하기". */
export class DoneStep {
  readonly signup: SignupPage;
  readonly welcome: Locator;
  readonly companyRole: Locator;
  readonly certificatePending: Locator;
  readonly continueLink: Locator;

  constructor(signup: SignupPage) {
    this.signup = signup;
    this.welcome = signup.wizard.locator('[data-part="welcome"]');
    this.companyRole = signup.wizard.locator('[data-part="company-role"]');
    this.certificatePending = signup.wizard.locator('[data-part~="certificate-pending"]');
    this.continueLink = signup.wizard.getByRole('link', { name: t('signup.done.continue'), exact: true });
  }
}

/** The site's own completion page (`completion-url`), where the wizard sends the user after signup. */
export class CompletionPage {
  readonly heading: Locator;

  constructor(signup: SignupPage) {
    this.heading = signup.page.getByRole('heading', { name: '회원가입을 마쳤습니다' });
  }
}
