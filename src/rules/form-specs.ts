/**
 * The member forms as data (form-spec.ts), built from the policy: signup details, profile edit,
 * password reset and the company form. `checkForm(spec, form)` judges them without zod; forms.ts and
 * company-form.ts make the public zod/mini schemas from the same specs.
 */
import { checkBusinessNumber, checkCorporateNumber } from './business-number.ts';
import { checkTradeBusinessNumber, tradeKinds } from './company.ts';
import { isBlank } from './digits.ts';
import { checkEmail } from './email.ts';
import type { RuleErrorCode } from './error-codes.ts';
import { address, choice, interestItems, interestRegions, optionalText, plain, requiredText, stringAt, text, yesNo, type FormSpec } from './form-spec.ts';
import { checkHomepage } from './homepage.ts';
import type { RuleIssue } from './issue.ts';
import { fieldMaxLengths } from './limits.ts';
import { checkLoginId } from './login-id.ts';
import { checkPasswordConfirmation, passwordErrors } from './password.ts';
import { checkEnglishName, checkKoreanName } from './person.ts';
import { checkPhone, faxPhoneKinds, type PhoneKind } from './phone.ts';
import type { MembershipPolicy } from './policy.ts';
import { checkEnglishText, checkText } from './text.ts';

type MemberType = 'individual' | 'corporate' | 'foreign';

export interface MemberFormOptions {
  /** Foreign members must give the English name; the Korean one becomes optional. */
  readonly memberType: MemberType;
}

export interface ProfileEditOptions {
  readonly memberType?: MemberType;
  /** The member's login ID, so a new password containing it is refused. */
  readonly loginId?: string;
}

/** The member details shared by signup and profile edit (the Korean name and ID are not editable). */
function memberDetailsFields(policy: MembershipPolicy, memberType: MemberType, mobileKinds: readonly PhoneKind[]) {
  const required = policy.required;
  return {
    nameEn: text(memberType === 'foreign' || required.nameEn, 'NAME_EN_REQUIRED', checkEnglishName),
    phone: text(required.phone, 'PHONE_REQUIRED', (value) => checkPhone(value)),
    mobile: text(required.mobile, 'PHONE_REQUIRED', (value) => checkPhone(value, { kinds: mobileKinds })),
    fax: optionalText((value) => checkPhone(value, { kinds: faxPhoneKinds })),
    email: requiredText('EMAIL_REQUIRED', checkEmail),
    address: address(required.address),
    department: optionalText((value) => checkText(value, { maxLength: fieldMaxLengths.department })),
    position: optionalText((value) => checkText(value, { maxLength: fieldMaxLengths.position })),
    interestItems: interestItems(policy.interests),
    interestRegions: interestRegions(policy.interests),
  };
}

interface PasswordPairOptions {
  readonly password: string;
  readonly confirmation: string;
  /** The login ID the password may not contain. */
  readonly loginId: (form: unknown) => string | undefined;
  /** Both blank means "no change" (profile edit). */
  readonly optional: boolean;
}

/** Password + confirmation need the login ID and each other, so they are judged at the form level. */
function passwordPair(policy: MembershipPolicy, keys: PasswordPairOptions) {
  return (form: unknown): RuleIssue<RuleErrorCode>[] => {
    const password = stringAt(form, keys.password);
    const confirmation = stringAt(form, keys.confirmation);
    // A missing or non-string password was already reported by its field.
    if (password === undefined) return [];
    if (keys.optional && password === '' && isBlank(confirmation ?? '')) return [];
    const loginId = keys.loginId(form);
    const issues = passwordErrors(password, policy, loginId === undefined ? {} : { loginId }).map((code) => ({ path: [keys.password], code }));
    const mismatch = confirmation === undefined ? null : checkPasswordConfirmation(password, confirmation);
    return mismatch === null ? issues : [...issues, { path: [keys.confirmation], code: mismatch }];
  };
}

/** Member details at signup (step 4). Corporate members give the same details; their company goes through `companyFormSpec`. */
export function signupDetailsSpec(policy: MembershipPolicy, options: MemberFormOptions) {
  const foreign = options.memberType === 'foreign';
  return {
    fields: {
      loginId: requiredText('LOGIN_ID_REQUIRED', (value) => checkLoginId(value, policy)),
      password: plain('PASSWORD_REQUIRED'),
      passwordConfirmation: plain('PASSWORD_CONFIRMATION_REQUIRED'),
      nameKo: text(!foreign, 'NAME_KO_REQUIRED', checkKoreanName),
      ...memberDetailsFields(policy, options.memberType, ['mobile']),
    },
    check: passwordPair(policy, { password: 'password', confirmation: 'passwordConfirmation', loginId: (form) => stringAt(form, 'loginId'), optional: false }),
  } satisfies FormSpec;
}

/** Profile edit: the member details plus an optional new password (blank = unchanged); old 011–019 numbers stay. */
export function profileEditSpec(policy: MembershipPolicy, options: ProfileEditOptions = {}) {
  return {
    fields: {
      ...memberDetailsFields(policy, options.memberType ?? 'individual', ['mobile', 'mobile-legacy']),
      newPassword: plain('PASSWORD_REQUIRED', false),
      newPasswordConfirmation: plain('PASSWORD_CONFIRMATION_REQUIRED', false),
    },
    check: passwordPair(policy, { password: 'newPassword', confirmation: 'newPasswordConfirmation', loginId: () => options.loginId, optional: true }),
  } satisfies FormSpec;
}

/** Password reset (find account): the ID is only required, as it may predate today's ID rules. */
export function passwordResetSpec(policy: MembershipPolicy) {
  return {
    fields: {
      loginId: requiredText('LOGIN_ID_REQUIRED', (value) => (isBlank(value) ? 'LOGIN_ID_REQUIRED' : null)),
      newPassword: plain('PASSWORD_REQUIRED'),
      newPasswordConfirmation: plain('PASSWORD_CONFIRMATION_REQUIRED'),
    },
    check: passwordPair(policy, { password: 'newPassword', confirmation: 'newPasswordConfirmation', loginId: (form) => stringAt(form, 'loginId'), optional: false }),
  } satisfies FormSpec;
}

const limited = (maxLength: number) => (value: string) => checkText(value, { maxLength });

/**
 * Company details (docs/domain.md, Company link). The 이노비즈 / 벤처기업 / 외투기업 answers are optional
 * unless the policy requires them (`required.companyYesNo`).
 */
export function companyFormSpec(policy?: MembershipPolicy) {
  const yesNoAnswer = () => yesNo(policy?.required.companyYesNo ?? false);
  return {
    fields: {
      businessNumber: requiredText('BRN_REQUIRED', checkBusinessNumber),
      nameKo: requiredText('TEXT_REQUIRED', limited(fieldMaxLengths.companyNameKo)),
      nameEn: optionalText((value) => checkEnglishText(value, { maxLength: fieldMaxLengths.companyNameEn })),
      ceoNameKo: requiredText('NAME_KO_REQUIRED', checkKoreanName),
      ceoNameEn: optionalText(checkEnglishName),
      corporateNumber: optionalText(checkCorporateNumber),
      tradeBusinessNumber: optionalText(checkTradeBusinessNumber),
      businessType: optionalText(limited(fieldMaxLengths.businessType)),
      industry: optionalText(limited(fieldMaxLengths.industry)),
      companyType: optionalText(limited(fieldMaxLengths.option)),
      innoBiz: yesNoAnswer(),
      venture: yesNoAnswer(),
      classification: optionalText(limited(fieldMaxLengths.option)),
      foreignInvested: yesNoAnswer(),
      mainProduct: optionalText(limited(fieldMaxLengths.option)),
      tradeKind: choice(tradeKinds, false),
      phone: requiredText('PHONE_REQUIRED', (value) => checkPhone(value)),
      fax: optionalText((value) => checkPhone(value, { kinds: faxPhoneKinds })),
      email: optionalText(checkEmail),
      homepage: optionalText(checkHomepage),
      address: address(true),
    },
  } satisfies FormSpec;
}
