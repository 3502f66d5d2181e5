import type { Locator } from 'playwright-core';
import { required, t } from '../text.ts';
import { AddressField, EmailField, type Address } from './fields.ts';
import type { SignupPage } from './signup-page.ts';

export interface NewCompany {
  nameKo: string;
  nameEn?: string;
  ceoNameKo: string;
  ceoNameEn?: string;
  corporateNumber?: string;
  businessType?: string;
  industry?: string;
  /** Option labels as shown, e.g. "법인사업자". */
  companyType?: string;
  classification?: string;
  mainProduct?: string;
  tradeKind?: string;
  innoBiz: boolean;
  venture: boolean;
  foreignInvested: boolean;
  phone: string;
  email?: string;
  homepage?: string;
  address: Address;
}

/** Step 5 (corporate), 기업정보 입력: search the BRN, then link to a registered company or register a new one. */
export class CompanyStep {
  readonly signup: SignupPage;
  readonly form: Locator;
  readonly businessNumber: Locator;
  readonly searchButton: Locator;
  /** A registered company: its notice and summary (name, CEO, address). */
  readonly registered: Locator;
  readonly registeredSummary: Locator;
  /** Notices after a search (unknown company, registry prefill). */
  readonly notices: Locator;
  /** The company form shown for an unregistered company. */
  readonly companyForm: Locator;
  readonly certificate: Locator;
  readonly certificateAttached: Locator;

  constructor(signup: SignupPage) {
    this.signup = signup;
    this.form = signup.wizard.locator('form[data-part~="company-form"]');
    this.businessNumber = this.form.getByRole('textbox', { name: required(t('signup.company.businessNumber')), exact: true });
    this.searchButton = this.form.getByRole('button', { name: t('signup.company.search'), exact: true });
    this.registered = this.form.locator('[data-part="company-registered"]');
    this.registeredSummary = this.registered.locator('[data-part="company-summary"]');
    this.notices = this.form.locator(':scope > [data-part~="notice"]');
    this.companyForm = this.form.locator('div[data-part="company-form"]');
    this.certificate = this.form.getByLabel(t('signup.company.certificate'), { exact: true });
    this.certificateAttached = this.form.locator('[data-part="certificate-attached"]');
  }

  /** Types the BRN and presses 조회; resolves when the answer is shown (registered summary or the form). */
  async search(businessNumber: string): Promise<'registered' | 'form'> {
    await this.businessNumber.fill(businessNumber);
    await this.searchButton.click();
    await this.registered.or(this.companyForm).first().waitFor();
    return (await this.registered.count()) > 0 ? 'registered' : 'form';
  }

  text(label: string, isRequired = false): Locator {
    return this.companyForm.getByRole('textbox', { name: isRequired ? required(label) : label, exact: true });
  }

  select(label: string): Locator {
    return this.companyForm.getByRole('combobox', { name: label, exact: true });
  }

  yesNo(label: string, answer: boolean): Locator {
    // Optional unless the site's policy requires them (then the name carries the required mark in parentheses).
    return this.companyForm.getByRole('group', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(.+\\))?$`) })
      .getByRole('radio', { name: t(answer ? 'signup.company.yes' : 'signup.company.no'), exact: true });
  }

  address(): AddressField {
    return new AddressField(this.companyForm, t('signup.company.address'), true);
  }

  async fillNewCompany(company: NewCompany): Promise<void> {
    await this.text(t('signup.company.nameKo'), true).fill(company.nameKo);
    if (company.nameEn) await this.text(t('signup.company.nameEn')).fill(company.nameEn);
    await this.text(t('signup.company.ceoNameKo'), true).fill(company.ceoNameKo);
    if (company.ceoNameEn) await this.text(t('signup.company.ceoNameEn')).fill(company.ceoNameEn);
    if (company.corporateNumber) await this.text(t('signup.company.corporateNumber')).fill(company.corporateNumber);
    if (company.businessType) await this.text(t('signup.company.businessType')).fill(company.businessType);
    if (company.industry) await this.text(t('signup.company.industry')).fill(company.industry);
    if (company.companyType) await this.select(t('signup.company.companyType')).selectOption({ label: company.companyType });
    if (company.classification) await this.select(t('signup.company.classification')).selectOption({ label: company.classification });
    if (company.mainProduct) await this.select(t('signup.company.mainProduct')).selectOption({ label: company.mainProduct });
    if (company.tradeKind) await this.select(t('signup.company.tradeKind')).selectOption({ label: company.tradeKind });
    await this.yesNo(t('signup.company.innoBiz'), company.innoBiz).check();
    await this.yesNo(t('signup.company.venture'), company.venture).check();
    await this.yesNo(t('signup.company.foreignInvested'), company.foreignInvested).check();
    await this.text(t('signup.company.phone'), true).fill(company.phone);
    if (company.email) await new EmailField(this.companyForm, t('signup.company.email')).fill(company.email);
    if (company.homepage) await this.text(t('signup.company.homepage')).fill(company.homepage);
    await this.address().fill(company.address);
  }

  /** Chooses the certificate file and waits for "{fileName} 첨부됨". */
  async attachCertificate(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.certificate.setInputFiles(file);
    await this.certificateAttached.filter({ hasText: t('signup.company.certificate.attached', { fileName: file.name }) }).waitFor();
  }
}
