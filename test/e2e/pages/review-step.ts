import type { Locator } from 'playwright-core';
import { IdentityStep } from './identity-step.ts';
import { t } from '../text.ts';
import type { SignupPage } from './signup-page.ts';

export type ReviewSection = 'memberType' | 'consents' | 'person' | 'details' | 'company';

/** Step 6, 입력 내용 확인: every answer by section (never the password), edit buttons, 가입하기. */
export class ReviewStep {
  readonly signup: SignupPage;
  readonly submitButton: Locator;
  /** Sites that verify again at submit: the section with its own `<identity-verify>`. */
  readonly reverifySection: Locator;
  readonly reverified: Locator;
  /** A submit that failed and keeps the user here, with its message. */
  readonly failure: Locator;

  constructor(signup: SignupPage) {
    this.signup = signup;
    this.submitButton = signup.nextButton(t('signup.review.submit'));
    this.reverifySection = signup.wizard.locator('[data-part~="review-reverify"]');
    this.reverified = this.reverifySection.locator('[data-part~="verified"]');
    this.failure = signup.wizard.locator('form[data-part~="review-form"] [data-part="failure"]');
  }

  /** A section by its `data-section` (the region names repeat: "본인인증" twice on sites that verify again). */
  section(name: ReviewSection): Locator {
    return this.signup.wizard.locator(`[data-part~="review-section"][data-section="${name}"]`);
  }

  /** The section's rows as label → value. */
  async rows(name: ReviewSection): Promise<Record<string, string>> {
    return this.section(name).locator('[data-part="review-row"]').evaluateAll((rows) =>
      Object.fromEntries(rows.map((row) => [row.querySelector('dt')?.textContent?.trim() ?? '', row.querySelector('dd')?.textContent?.trim() ?? ''])));
  }

  editButton(name: ReviewSection): Locator {
    return this.section(name).getByRole('button', { name: t('signup.review.edit', { section: t(`signup.review.${name}`) }) });
  }

  /** The second verification of sites that ask again at submit. */
  reverify(): IdentityStep {
    return new IdentityStep(this.signup.page, this.reverifySection.locator('identity-verify'));
  }

  async submit(): Promise<void> {
    await this.submitButton.click();
  }
}
