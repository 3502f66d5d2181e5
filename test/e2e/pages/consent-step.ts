import type { Locator } from 'playwright-core';
import { tabTo } from '../browser.ts';
import { t } from '../text.ts';
import type { SignupPage } from './signup-page.ts';

/** Step 2, 약관 동의 (mb-consent-list): "전체 동의하기", then each document's own choice. */
export class ConsentStep {
  readonly agreeAll: Locator;
  /** ① 이용약관: one checkbox "동의합니다". */
  readonly termsOfUse: Locator;
  /** ② 개인정보 수집·이용 (required) and ③ 마케팅 (optional): agree / do-not-agree radio groups. */
  readonly privacyGroup: Locator;
  readonly marketingGroup: Locator;
  readonly documents: Locator;
  readonly siblingSites: Locator;

  readonly signup: SignupPage;

  constructor(signup: SignupPage) {
    this.signup = signup;
    const list = signup.wizard.locator('mb-consent-list');
    this.agreeAll = list.getByRole('checkbox', { name: t('widgets.consent.agreeAll') });
    this.termsOfUse = list.getByRole('checkbox', { name: t('widgets.consent.agree') });
    this.privacyGroup = list.getByRole('group', { name: `${t('widgets.consent.required')} 개인정보 수집·이용 동의` });
    this.marketingGroup = list.getByRole('group', { name: `${t('widgets.consent.optional')} 개인정보 마케팅 활용 동의` });
    this.documents = list.locator('[data-part="document"]');
    this.siblingSites = list.locator('[data-part="sibling-sites"] li');
  }

  choice(group: Locator, agreed: boolean): Locator {
    // Each radio is named "<document title> <choice>", so match the choice at the end of the name.
    const choice = t(agreed ? 'widgets.consent.agreeChoice' : 'widgets.consent.disagreeChoice');
    return group.getByRole('radio', { name: new RegExp(` ${choice.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
  }

  async agreeToAllAndGoOn(): Promise<void> {
    await this.agreeAll.check();
    await this.signup.next();
  }

  /**
   * Keyboard only: Space on the terms checkbox, Space on "동의함" of the privacy item, the arrow key to
   * "동의하지 않음" of the optional marketing item, then Tab to "다음" and Enter.
   */
  async answerWithKeyboard(): Promise<void> {
    const { page } = this.signup;
    await tabTo(page, this.termsOfUse);
    await page.keyboard.press('Space');
    await tabTo(page, this.choice(this.privacyGroup, true));
    await page.keyboard.press('Space');
    await tabTo(page, this.choice(this.marketingGroup, true));
    await page.keyboard.press('ArrowRight');
    await tabTo(page, this.signup.nextButton());
    await page.keyboard.press('Enter');
  }
}
