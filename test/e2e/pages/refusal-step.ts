import type { Locator } from 'playwright-core';
import { t } from '../text.ts';
import type { SignupPage } from './signup-page.ts';

/** The refusal screens: under the minimum age, or already a member (with the find-account link). */
export class RefusalStep {
  readonly signup: SignupPage;
  readonly message: Locator;
  readonly findAccountLink: Locator;
  /** The step indicator is not shown on a refusal: the flow has ended. */
  readonly stepIndicator: Locator;

  constructor(signup: SignupPage) {
    this.signup = signup;
    this.message = signup.wizard.locator('[data-part="refusal"]');
    this.findAccountLink = signup.wizard.getByRole('link', { name: t('signup.alreadyMember.findId'), exact: true });
    this.stepIndicator = signup.wizard.locator('mb-step-indicator');
  }

  static underAgeText(minAge = 14): string {
    return t('signup.underAge.body', { minAge });
  }

  static alreadyMemberText(): string {
    return t('signup.alreadyMember.body');
  }
}
