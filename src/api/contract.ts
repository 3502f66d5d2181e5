// The whole contract: every operation with its request and response shapes, for the server, the
// OpenAPI document and the contract tests. The client loads each group (./operations/) on first use.
import { siteOperations } from './operations/site.ts';
import { signupOperations } from './operations/signup.ts';
import { verificationOperations } from './operations/verification.ts';
import { sessionOperations } from './operations/session.ts';
import { profileOperations } from './operations/profile.ts';
import { recoveryOperations } from './operations/recovery.ts';
import { companyOperations } from './operations/company.ts';
import { addressOperations } from './operations/address.ts';

export { consentAnswerSchema, type ConsentAnswer } from './operations/fields.ts';
export { termsListSchema } from './operations/site.ts';
export { loginIdAvailabilitySchema, signupRequestSchema, signupResultSchema, type SignupRequest, type SignupResult } from './operations/signup.ts';
export { startVerificationRequestSchema, verificationStartSchema, mobileCodeRequestSchema, mobileCodeStatusSchema, type VerificationStart, type MobileCodeRequest, type MobileCodeStatus } from './operations/verification.ts';
export { loginRequestSchema, sessionSchema, type Session } from './operations/session.ts';
export { reverificationSchema, profileChangesSchema, type ProfileChanges } from './operations/profile.ts';
export { foundAccountsSchema, passwordResetStartSchema, passwordResetSchema, passwordResetCompleteSchema, type FoundAccounts } from './operations/recovery.ts';
export { addressMatchSchema, addressPageSchema } from './operations/address.ts';
export { companyLookupSchema, certificateSchema, myCompanySchema, companyChangesSchema, type CompanyLookup, type Certificate, type CompanyChanges } from './operations/company.ts';

export const operations = {
  getSiteConfig: siteOperations.getSiteConfig,
  listTerms: siteOperations.listTerms,
  searchAddresses: addressOperations.searchAddresses,
  checkLoginIdAvailability: signupOperations.checkLoginIdAvailability,
  startVerification: verificationOperations.startVerification,
  getCaptchaImage: verificationOperations.getCaptchaImage,
  getCaptchaAudio: verificationOperations.getCaptchaAudio,
  requestMobileCode: verificationOperations.requestMobileCode,
  resendMobileCode: verificationOperations.resendMobileCode,
  extendMobileCode: verificationOperations.extendMobileCode,
  confirmMobileCode: verificationOperations.confirmMobileCode,
  exchangeProviderResult: verificationOperations.exchangeProviderResult,
  checkSignupVerification: signupOperations.checkSignupVerification,
  createMember: signupOperations.createMember,
  login: sessionOperations.login,
  getSession: sessionOperations.getSession,
  logout: sessionOperations.logout,
  reverify: profileOperations.reverify,
  getProfile: profileOperations.getProfile,
  updateProfile: profileOperations.updateProfile,
  findLoginIds: recoveryOperations.findLoginIds,
  startPasswordReset: recoveryOperations.startPasswordReset,
  completePasswordReset: recoveryOperations.completePasswordReset,
  lookupCompany: companyOperations.lookupCompany,
  uploadCertificate: companyOperations.uploadCertificate,
  getMyCompany: companyOperations.getMyCompany,
  linkCompany: companyOperations.linkCompany,
  leaveCompany: companyOperations.leaveCompany,
  updateCompany: companyOperations.updateCompany,
  listCompanyMembers: companyOperations.listCompanyMembers,
  approveCompanyMember: companyOperations.approveCompanyMember,
  rejectCompanyMember: companyOperations.rejectCompanyMember,
  removeCompanyMember: companyOperations.removeCompanyMember,
  transferMaster: companyOperations.transferMaster,
} as const;

export type Operations = typeof operations;
export type OperationId = keyof Operations;
