// `membership-elements/identity-verify`: the class and its events, nothing registered (pure).
export { IdentityVerify, type VerifyMode } from './elements/identity-verify/identity-verify.ts';
export { IdentityVerifiedEvent, IdentityVerifyErrorEvent, type IdentityVerifiedDetail, type IdentityVerifyErrorDetail } from './elements/identity-verify/events.ts';
