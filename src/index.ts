// Package entry `membership-elements`: element classes and the rules/api re-exports.
// No side effects: importing this module registers no tags (see define.ts). Test fakes live in
// `membership-elements/testing`; one element alone: `membership-elements/<element>`.
export * from './rules/index.ts';
export * from './api/index.ts';
export { MembershipProvider } from './context/membership-provider.ts';
export { membershipContext, type MembershipContextValue } from './context/context.ts';
export { runtimeFor, type MembershipRuntime, type AddressSearchAdapter, type AddressSearchResult } from './context/runtime.ts';
export { MembershipElement } from './elements/shared/membership-element.ts';
export { defineElement } from './elements/shared/define-element.ts';
export { translate, messageForCode, toLocale, type Locale } from './i18n/index.ts';
export { IdentityVerify } from './elements/identity-verify/identity-verify.ts';
export { IdentityVerifiedEvent, IdentityVerifyErrorEvent, type IdentityVerifiedDetail, type IdentityVerifyErrorDetail } from './elements/identity-verify/events.ts';
export { SignupWizard } from './elements/signup-wizard/signup-wizard.ts';
export {
  SignupStepChangeEvent,
  SignupSubmitEvent,
  SignupCompleteEvent,
  SignupErrorEvent,
  type SignupStepChangeDetail,
  type SignupSubmitDetail,
  type SignupCompleteDetail,
  type SignupErrorDetail,
} from './elements/signup-wizard/events.ts';
export { OtpInput, OtpResendEvent } from './elements/shared/otp-input.ts';
export { MbAddressField } from './elements/shared/address-search/address-field.ts';
export { kakaoPostcodeAdapter, mapKakaoPostcode } from './elements/shared/address-search/kakao-postcode.ts';
export { siteApiAdapter } from './elements/shared/address-search/site-api.ts';
export { AddressSearchError, isQueryAdapter, type AddressQueryAdapter, type AddressQueryPage } from './elements/shared/address-search/adapter.ts';
