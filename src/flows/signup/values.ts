import type { CompanyDetails, CompanyLookup } from '../../api/index.ts';
import type { AddressInput } from '../../rules/address.ts';
import type { InterestItemRow } from '../../rules/interests.ts';

// What the user types, as the forms hold it (strings, blanks, no defaults), and what the draft keeps.
// How it is judged and becomes the contract's SignupRequest: request.ts (loaded with the rules). Pure.

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

export const companyTextFields = [
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
