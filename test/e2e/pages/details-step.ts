import type { Locator } from 'playwright-core';
import { required, t } from '../text.ts';
import { AddressField, EmailField, type Address } from './fields.ts';
import type { SignupPage } from './signup-page.ts';

export interface MemberDetails {
  loginId: string;
  password: string;
  email: string;
  nameEn?: string;
  mobile?: string;
  phone?: string;
  department?: string;
  position?: string;
  address?: Address;
}

/** Step 4, 회원정보 입력: ID with 중복확인, password + confirmation, names, contacts, address. */
export class DetailsStep {
  readonly signup: SignupPage;
  readonly form: Locator;
  readonly loginId: Locator;
  readonly checkLoginId: Locator;
  readonly loginIdStatus: Locator;
  readonly password: Locator;
  readonly passwordConfirmation: Locator;
  readonly passwordRules: Locator;
  readonly email: EmailField;

  constructor(signup: SignupPage) {
    this.signup = signup;
    this.form = signup.wizard.locator('form[data-part~="details-form"]');
    this.loginId = this.form.getByRole('textbox', { name: required(t('signup.details.loginId')), exact: true });
    this.checkLoginId = this.form.getByRole('button', { name: t('signup.details.loginId.check'), exact: true });
    this.loginIdStatus = this.form.locator('[data-part="login-id-status"]');
    this.password = this.form.getByRole('textbox', { name: required(t('widgets.password.label')), exact: true });
    this.passwordConfirmation = this.form.getByRole('textbox', { name: required(t('widgets.password.confirmationLabel')), exact: true });
    this.passwordRules = this.form.getByRole('list', { name: t('widgets.password.checklist') }).getByRole('listitem');
    this.email = new EmailField(this.form, required(t('signup.details.email')));
  }

  /** A labelled text field; `name` is the label as shown, required ones end in " (필수)". */
  field(label: string, isRequired: boolean): Locator {
    return this.form.getByRole('textbox', { name: isRequired ? required(label) : label, exact: true });
  }

  address(isRequired: boolean): AddressField {
    return new AddressField(this.form, t('signup.details.address'), isRequired);
  }

  nameEn(isRequired = false): Locator {
    return this.field(t('signup.details.nameEn'), isRequired);
  }

  /** The verified name, read-only: "이름(한글)", or "이름" for a foreign national. */
  verifiedName(foreignNational = false): Locator {
    return this.form.getByRole('textbox', { name: t(foreignNational ? 'signup.details.name' : 'signup.details.nameKo'), exact: true });
  }

  /** Types the ID and presses 중복확인; resolves with the status line's text once it has one. */
  async checkId(loginId: string): Promise<string> {
    await this.loginId.fill(loginId);
    await this.checkLoginId.click();
    await this.loginIdStatus.filter({ hasNotText: t('signup.details.loginId.checking') }).filter({ hasText: /\S/ }).waitFor();
    return (await this.loginIdStatus.textContent())?.trim() ?? '';
  }

  /**
   * Fills the form (the ID apart: see {@link checkId}). `requiredFields` says which optional-looking
   * fields the site requires, as their labels show it (trade: phone and address; animal: mobile and address;
   * foreigners: the English name).
   */
  async fill(details: MemberDetails, requiredFields: { phone?: boolean; mobile?: boolean; nameEn?: boolean; address?: boolean } = {}): Promise<void> {
    await this.password.fill(details.password);
    await this.passwordConfirmation.fill(details.password);
    if (details.nameEn !== undefined) await this.nameEn(requiredFields.nameEn).fill(details.nameEn);
    await this.email.fill(details.email);
    if (details.mobile !== undefined) await this.field(t('signup.details.mobile'), requiredFields.mobile === true).fill(details.mobile);
    if (details.phone !== undefined) await this.field(t('signup.details.phone'), requiredFields.phone === true).fill(details.phone);
    if (details.department !== undefined) await this.field(t('signup.details.department'), false).fill(details.department);
    if (details.position !== undefined) await this.field(t('signup.details.position'), false).fill(details.position);
    if (details.address) await this.address(requiredFields.address === true).fill(details.address);
  }
}
