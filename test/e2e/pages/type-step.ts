import type { Locator } from 'playwright-core';
import { tabTo } from '../browser.ts';
import { required, t } from '../text.ts';
import type { SignupPage } from './signup-page.ts';

export type Kind = 'individual' | 'corporate';
export type Nationality = 'domestic' | 'foreign';

/** Step 1, 회원 유형 선택: 개인 / 기업 and 내국인 / 외국인 as radio groups. */
export class MemberTypeStep {
  readonly kindGroup: Locator;
  readonly nationalityGroup: Locator;
  readonly ageNotice: Locator;

  readonly signup: SignupPage;

  constructor(signup: SignupPage) {
    this.signup = signup;
    this.kindGroup = signup.wizard.getByRole('group', { name: required(t('signup.type.kind')) });
    this.nationalityGroup = signup.wizard.getByRole('group', { name: required(t('signup.type.nationality')) });
    this.ageNotice = signup.wizard.getByText(t('signup.type.age', { minAge: 14 }));
  }

  kind(kind: Kind): Locator {
    return this.kindGroup.getByRole('radio', { name: t(`signup.type.kind.${kind}`), exact: true });
  }

  nationality(nationality: Nationality): Locator {
    return this.nationalityGroup.getByRole('radio', { name: t(`signup.type.nationality.${nationality}`), exact: true });
  }

  /** Chooses with the mouse and goes on. `nationality` undefined: the site does not ask (one answer). */
  async choose(kind: Kind, nationality?: Nationality): Promise<void> {
    await this.kind(kind).check();
    if (nationality) await this.nationality(nationality).check();
    await this.signup.next();
  }

  /** The same with the keyboard alone: Tab to each radio group, Space to choose, Tab to "다음", Enter. */
  async chooseWithKeyboard(kind: Kind, nationality: Nationality): Promise<void> {
    const { page } = this.signup;
    await tabTo(page, this.kind('individual'));
    // Arrow keys move within a group and choose; Space chooses the focused radio.
    if (kind === 'corporate') await page.keyboard.press('ArrowDown');
    else await page.keyboard.press('Space');
    await tabTo(page, this.nationality('domestic'));
    if (nationality === 'foreign') await page.keyboard.press('ArrowDown');
    else await page.keyboard.press('Space');
    await tabTo(page, this.signup.nextButton());
    await page.keyboard.press('Enter');
  }
}
