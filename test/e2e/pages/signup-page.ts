import type { Locator, Page } from 'playwright-core';
import { t } from '../text.ts';

export type Site = 'trade' | 'animal';

/**
 * A demo site's signup page: the host page with its `<signup-wizard>` and the panel listing the events
 * the host received. Each wizard screen has its own page object; this one knows where the wizard is,
 * which step it shows, and its step buttons.
 */
export class SignupPage {
  readonly wizard: Locator;
  /** The wizard's step title (`h2`, focused on every step change). */
  readonly stepHeading: Locator;
  /** The step the indicator marks as current (`aria-current="step"`). */
  readonly currentIndicatorStep: Locator;
  /** The wizard's alert line (`role="alert"`), e.g. after a refused submit. */
  readonly alert: Locator;
  readonly notice: Locator;
  readonly hostEventsPanel: Locator;

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.wizard = page.locator('signup-wizard');
    this.stepHeading = this.wizard.locator('[data-part~="step-heading"]');
    this.currentIndicatorStep = this.wizard.locator('mb-step-indicator [aria-current="step"] [data-part="step-label"]');
    this.alert = this.wizard.locator(':scope > section > [data-part~="alert"]');
    this.notice = this.wizard.locator(':scope > section > [data-part~="notice"]');
    this.hostEventsPanel = page.getByRole('complementary', { name: '호스트 페이지가 받은 이벤트' }).getByRole('listitem');
  }

  async goto(site: Site): Promise<void> {
    await this.page.goto(`/${site}/`);
    await this.waitForStep('type');
  }

  /** Waits until the wizard shows `step` (its title in the heading). */
  async waitForStep(step: 'type' | 'consent' | 'identity' | 'details' | 'company' | 'review' | 'done' | 'under-age' | 'already-member', timeout?: number): Promise<void> {
    const options = timeout === undefined ? {} : { timeout };
    await this.stepHeading.filter({ hasText: new RegExp(`^\\s*${t(`signup.step.${step}`)}\\s*$`) }).waitFor(options);
    // Its code is in (a step loads on demand): the step shows, not the frame around a loading status.
    await this.wizard.locator(`[data-part="wizard"][data-step="${step}"]:not([aria-busy="true"])`).waitFor(options);
  }

  /** The step's primary button ("다음", or "가입하기" on the review). */
  nextButton(name = t('common.next')): Locator {
    return this.wizard.locator('[data-part~="actions"]').getByRole('button', { name, exact: true });
  }

  backButton(): Locator {
    return this.wizard.locator(':scope [data-part~="actions"]').getByRole('button', { name: t('common.previous'), exact: true });
  }

  async next(): Promise<void> {
    await this.nextButton().click();
  }

  /**
   * Makes the host page stay on the completion screen: what a host does by cancelling `signup-complete`
   * (otherwise the wizard goes to the site's `completion-url`).
   */
  async stayOnCompletionScreen(): Promise<void> {
    await this.page.evaluate(() => document.addEventListener('signup-complete', (event) => event.preventDefault()));
  }
}
