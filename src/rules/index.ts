// Public entry `membership-elements/rules`: pure field rules, the policy, the forms as data (judged by
// `checkForm`, no zod) and the zod/mini form schemas built from them.
export {
  charKinds,
  definePolicy,
  animalPolicy,
  defaultPolicy,
  kotraPolicy,
  type CharKind,
  type InterestLimits,
  type LoginIdPolicy,
  type MembershipPolicy,
  type PasswordPolicy,
  type PasswordStrength,
  type PolicyOverrides,
  type RequiredFields,
} from './policy.ts';
export { codePointLength, normalizeDigits, parseDigits, toAsciiDigits } from './digits.ts';
export { fieldMaxLengths } from './limits.ts';
export type { RuleIssue } from './issue.ts';
export {
  businessNumberErrorCodes,
  checkBusinessNumber,
  checkCorporateNumber,
  corporateNumberErrorCodes,
  formatBusinessNumber,
  formatCorporateNumber,
  isValidBusinessNumber,
  isValidCorporateNumber,
  type BusinessNumberError,
  type CorporateNumberError,
} from './business-number.ts';
export {
  checkPhone,
  faxPhoneKinds,
  formatPhoneNumber,
  normalizePhoneNumber,
  phoneErrorCodes,
  phoneKind,
  phoneKinds,
  type PhoneCheckOptions,
  type PhoneError,
  type PhoneKind,
} from './phone.ts';
export {
  checkLoginId,
  loginIdErrorCodes,
  loginIdKey,
  maskLoginId,
  normalizeLoginId,
  type LoginIdError,
} from './login-id.ts';
export {
  checkPassword,
  checkPasswordConfirmation,
  passwordErrorCodes,
  passwordErrors,
  passwordRuleIds,
  passwordRules,
  type PasswordCheck,
  type PasswordChecklistItem,
  type PasswordContext,
  type PasswordError,
  type PasswordRuleId,
} from './password.ts';
export {
  checkEnglishName,
  checkKoreanName,
  genderAnswers,
  isGenderAnswer,
  nameErrorCodes,
  type GenderAnswer,
  type NameError,
} from './person.ts';
export {
  ageOn,
  birthDateErrorCodes,
  calendarDateOf,
  checkBirthDate,
  compareDates,
  daysInMonth,
  formatBirthDate,
  isLeapYear,
  isOldEnough,
  parseBirthDate,
  type BirthDateCheckOptions,
  type BirthDateError,
  type CalendarDate,
} from './birth-date.ts';
export {
  checkEmail,
  emailErrorCodes,
  isValidDomainName,
  joinEmail,
  normalizeEmail,
  splitEmail,
  type EmailError,
  type EmailParts,
} from './email.ts';
export { checkHomepage, homepageErrorCodes, normalizeHomepage, type HomepageError } from './homepage.ts';
export {
  addressErrorCodes,
  checkAddress,
  checkPostcode,
  type AddressInput,
  type AddressCheckOptions,
  type AddressError,
} from './address.ts';
export {
  checkInterestItems,
  checkInterestRegions,
  checkProductCode,
  interestErrorCodes,
  normalizeRegionCode,
  type InterestError,
  type InterestItemError,
  type InterestItemRow,
} from './interests.ts';
export { checkTradeBusinessNumber, companyErrorCodes, tradeKinds, type CompanyError, type TradeKind } from './company.ts';
export { checkEnglishText, checkText, textErrorCodes, type TextError, type TextRule } from './text.ts';
export { formErrorCodes, isRuleErrorCode, ruleErrorCodes, type FormError, type RuleErrorCode } from './error-codes.ts';
export { fieldErrors, formSchema } from './form-fields.ts';
export { checkForm, type FieldSpec, type FormFieldError, type FormOutput, type FormSpec } from './form-spec.ts';
export { companyFormSpec, passwordResetSpec, profileEditSpec, signupDetailsSpec } from './form-specs.ts';
export {
  passwordResetFormSchema,
  profileEditSchema,
  signupDetailsSchema,
  type MemberFormOptions,
  type PasswordReset,
  type ProfileEdit,
  type ProfileEditOptions,
  type SignupDetails,
} from './forms.ts';
export { companyFormSchema, type CompanyForm } from './company-form.ts';
