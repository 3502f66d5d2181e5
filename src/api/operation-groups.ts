// Which group module holds each operation: the client imports a group the first time one of its
// operations is called, so a page pays only for the shapes of the operations it uses.
import type { OperationId } from './contract.ts';
import type { Operation } from './operation.ts';

type Group = () => Promise<Record<string, Operation>>;
const site: Group = () => import('./operations/site.ts').then((module) => module.siteOperations);
const signup: Group = () => import('./operations/signup.ts').then((module) => module.signupOperations);
const verification: Group = () => import('./operations/verification.ts').then((module) => module.verificationOperations);
const session: Group = () => import('./operations/session.ts').then((module) => module.sessionOperations);
const profile: Group = () => import('./operations/profile.ts').then((module) => module.profileOperations);
const recovery: Group = () => import('./operations/recovery.ts').then((module) => module.recoveryOperations);
const address: Group = () => import('./operations/address.ts').then((module) => module.addressOperations);
const company: Group = () => import('./operations/company.ts').then((module) => module.companyOperations);

export const operationGroups: Record<OperationId, Group> = {
  getSiteConfig: site,
  listTerms: site,
  searchAddresses: address,
  checkLoginIdAvailability: signup,
  startVerification: verification,
  getCaptchaImage: verification,
  getCaptchaAudio: verification,
  requestMobileCode: verification,
  resendMobileCode: verification,
  extendMobileCode: verification,
  confirmMobileCode: verification,
  exchangeProviderResult: verification,
  checkSignupVerification: signup,
  createMember: signup,
  login: session,
  getSession: session,
  logout: session,
  reverify: profile,
  getProfile: profile,
  updateProfile: profile,
  findLoginIds: recovery,
  startPasswordReset: recovery,
  completePasswordReset: recovery,
  lookupCompany: company,
  uploadCertificate: company,
  getMyCompany: company,
  linkCompany: company,
  leaveCompany: company,
  updateCompany: company,
  listCompanyMembers: company,
  approveCompanyMember: company,
  rejectCompanyMember: company,
  removeCompanyMember: company,
  transferMaster: company,
};
