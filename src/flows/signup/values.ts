import type { CompanyDetails, CompanyLookup, MemberDetails, SignupRequest, ConsentAnswer, MemberType } from '../../api/index.ts';
import type { AddressInput } from '../../rules/address.ts';
import { isBlank } from '../../rules/digits.ts';
import type { InterestItemRow } from '../../rules/interests.ts';
import type { FormFieldError } from '../../rules/form-spec.ts';
import type { SignupChecks } from './checks.ts';
import { normalizeLoginId } from '../../rules/login-id.ts';
import type { MembershipPolicy } from '../../rules/policy.ts';

// What the user types, as the forms hold it (strings, blanks, no defaults), and how it becomes the
// contract's SignupRequest. Pure: no DOM, no network.

/** Optional member fields a site may show (the `fields` attribute); the policy's `required` adds to them. */
export const optionalDetailFields = ['nameEn', 'phone', 'mobile', 'fax', 'department', 'position', 'address', 'interests'] as const;
export type OptionalDetailField = (typeof optionalDetailFields)[number];

export interface DetailsValues {
  loginId: string;
  password: string;
  passwordConfirmation: string;
  nameEn: string;
  email: string;
  mobile: string;
  phone: string;
  fax: string;
  department: string;
  position: string;
  address: AddressInput | undefined;
  interestItems: InterestItemRow[];
  interestRegions: string[];
}

/** Details as the draft keeps them: never the password or its confirmation. */
export type StoredDetails = Omit<DetailsValues, 'password' | 'passwordConfirmation'>;

export function emptyDetails(): DetailsValues {
  return {
    loginId: '', password: '', passwordConfirmation: '', nameEn: '', email: '', mobile: '', phone: '', fax: '',
    department: '', position: '', address: undefined, interestItems: [], interestRegions: [],
  };
}

export function storedDetails(values: DetailsValues): StoredDetails {
  const { password: _password, passwordConfirmation: _confirmation, ...rest } = values;
  return rest;
}

/** The values the details schema judges: the shown fields, plus the Korean name from the verification. */
export function detailsSchemaInput(values: DetailsValues, shown: ReadonlySet<OptionalDetailField>, nameKo: string): Record<string, unknown> {
  const input: Record<string, unknown> = {
    loginId: values.loginId,
    password: values.password,
    passwordConfirmation: values.passwordConfirmation,
    nameKo,
    email: values.email,
  };
  for (const name of ['nameEn', 'phone', 'mobile', 'fax', 'department', 'position'] as const) if (shown.has(name)) input[name] = values[name];
  if (shown.has('address') && values.address) input.address = values.address;
  if (shown.has('interests')) {
    input.interestItems = values.interestItems;
    input.interestRegions = values.interestRegions;
  }
  return input;
}

/**
 * The rule problems of the details form: `signupDetailsSpec` with the verified Korean name. Before
 * any verification (a resumed draft) the name is not known yet, which is not the user's problem.
 */
export function detailsProblems(checks: SignupChecks, policy: MembershipPolicy, memberType: MemberType, values: DetailsValues, shown: ReadonlySet<OptionalDetailField>, nameKo: string | undefined): FormFieldError[] {
  const problems = checks.checkForm(checks.signupDetailsSpec(policy, { memberType }), detailsSchemaInput(values, shown, nameKo ?? ''));
  return nameKo === undefined ? problems.filter((problem) => problem.field !== 'nameKo') : problems;
}

const optional = (value: string) => (isBlank(value) ? undefined : value.trim());

function blankAddress(address: AddressInput | undefined): boolean {
  return !address || [address.postcode, address.base, address.detail].every((part) => isBlank(part ?? ''));
}

function addressOf(address: AddressInput): NonNullable<MemberDetails['address']> {
  return {
    postcode: address.postcode.trim(),
    base: address.base.trim(),
    detail: address.detail.trim(),
    ...(address.extra ? { extra: address.extra } : {}),
    ...(address.jibun ? { jibun: address.jibun } : {}),
    ...(address.english ? { english: address.english } : {}),
  };
}

/** The `details` of the SignupRequest: only shown fields, blanks left out. */
export function memberDetails(values: DetailsValues, shown: ReadonlySet<OptionalDetailField>): MemberDetails {
  const details: MemberDetails = { loginId: normalizeLoginId(values.loginId), password: values.password, email: values.email.trim() };
  for (const name of ['nameEn', 'phone', 'mobile', 'fax', 'department', 'position'] as const) {
    const value = shown.has(name) ? optional(values[name]) : undefined;
    if (value !== undefined) details[name] = value;
  }
  if (shown.has('address') && !blankAddress(values.address)) details.address = addressOf(values.address!);
  if (shown.has('interests')) {
    const items = values.interestItems.filter((item) => !isBlank(item.nameKo) || !isBlank(item.nameEn) || !isBlank(item.productCode ?? ''));
    if (items.length > 0) details.interestItems = items.map((item) => ({ nameKo: item.nameKo.trim(), nameEn: item.nameEn.trim(), productCode: (item.productCode ?? '').trim() }));
    if (values.interestRegions.length > 0) details.interestRegions = [...values.interestRegions];
  }
  return details;
}

// ---------------------------------------------------------------- company part

export interface CompanyValues {
  businessNumber: string;
  nameKo: string;
  nameEn: string;
  ceoNameKo: string;
  ceoNameEn: string;
  corporateNumber: string;
  tradeBusinessNumber: string;
  businessType: string;
  industry: string;
  companyType: string;
  innoBiz: boolean | undefined;
  venture: boolean | undefined;
  classification: string;
  foreignInvested: boolean | undefined;
  mainProduct: string;
  tradeKind: string;
  phone: string;
  fax: string;
  email: string;
  homepage: string;
  address: AddressInput | undefined;
}

const companyTextFields = [
  'nameEn', 'ceoNameEn', 'corporateNumber', 'tradeBusinessNumber', 'businessType', 'industry', 'companyType',
  'classification', 'mainProduct', 'tradeKind', 'fax', 'email', 'homepage',
] as const;

export function emptyCompany(businessNumber = ''): CompanyValues {
  return {
    businessNumber, nameKo: '', nameEn: '', ceoNameKo: '', ceoNameEn: '', corporateNumber: '', tradeBusinessNumber: '',
    businessType: '', industry: '', companyType: '', innoBiz: undefined, venture: undefined, classification: '',
    foreignInvested: undefined, mainProduct: '', tradeKind: '', phone: '', fax: '', email: '', homepage: '', address: undefined,
  };
}

/** The company form filled from a registry prefill; what the registry does not know stays blank. */
export function prefilledCompany(businessNumber: string, prefill: Partial<CompanyDetails>): CompanyValues {
  const values = emptyCompany(prefill.businessNumber ?? businessNumber);
  for (const name of ['nameKo', 'ceoNameKo', 'phone', ...companyTextFields] as const) {
    const value = prefill[name];
    if (typeof value === 'string') values[name] = value;
  }
  for (const name of ['innoBiz', 'venture', 'foreignInvested'] as const) values[name] = prefill[name];
  if (prefill.address) values.address = { ...prefill.address };
  return values;
}

/** The values the company schema judges: blank optional choices left out. */
export function companySchemaInput(values: CompanyValues): Record<string, unknown> {
  const input: Record<string, unknown> = { ...values };
  if (values.tradeKind === '') delete input.tradeKind;
  for (const name of ['innoBiz', 'venture', 'foreignInvested', 'address'] as const) if (values[name] === undefined) delete input[name];
  return input;
}

export function companyDetails(values: CompanyValues): CompanyDetails {
  const details: CompanyDetails = {
    businessNumber: values.businessNumber.trim(),
    nameKo: values.nameKo.trim(),
    ceoNameKo: values.ceoNameKo.trim(),
    phone: values.phone.trim(),
    address: addressOf(values.address ?? { postcode: '', base: '', detail: '' }),
  };
  for (const name of companyTextFields) {
    const value = optional(values[name]);
    if (value !== undefined) details[name] = value;
  }
  for (const name of ['innoBiz', 'venture', 'foreignInvested'] as const) if (values[name] !== undefined) details[name] = values[name];
  return details;
}

/** The company part as the wizard keeps it: the looked-up number and answer, the form, the certificate. */
export interface CompanyPart {
  /** What the user typed in the BRN search box. */
  query: string;
  lookup: CompanyLookup | undefined;
  values: CompanyValues;
  /** The uploaded registration certificate; without one the user sends it by fax or email. */
  certificate: { certificateId: string; fileName: string } | undefined;
}

export function emptyCompanyPart(): CompanyPart {
  return { query: '', lookup: undefined, values: emptyCompany(), certificate: undefined };
}

/** The `company` of the SignupRequest: link to a registered company, or register the typed one. */
export function companyRequest(part: CompanyPart): SignupRequest['company'] {
  if (!part.lookup) return undefined;
  if (part.lookup.status === 'registered') return { mode: 'link', businessNumber: part.lookup.company.businessNumber };
  return {
    mode: 'register',
    company: companyDetails(part.values),
    ...(part.lookup.status === 'unknown' && part.certificate ? { certificateId: part.certificate.certificateId } : {}),
  };
}

export interface SignupRequestParts {
  memberType: MemberType;
  verificationToken: string;
  submitVerificationToken: string | undefined;
  consents: ConsentAnswer[];
  details: DetailsValues;
  shown: ReadonlySet<OptionalDetailField>;
  company: CompanyPart;
}

export function signupRequest(parts: SignupRequestParts): SignupRequest {
  const company = parts.memberType === 'corporate' ? companyRequest(parts.company) : undefined;
  return {
    memberType: parts.memberType,
    verificationToken: parts.verificationToken,
    ...(parts.submitVerificationToken ? { submitVerificationToken: parts.submitVerificationToken } : {}),
    consents: parts.consents,
    details: memberDetails(parts.details, parts.shown),
    ...(company ? { company } : {}),
  };
}
