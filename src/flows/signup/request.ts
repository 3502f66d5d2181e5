// How the signup's values are judged and sent: the inputs of the details and company form specs, and
// the SignupRequest. Loaded with the rules on demand (checks.ts), not with the wizard's first step.
import type { CompanyDetails, ConsentAnswer, MemberDetails, MemberType, SignupRequest } from '../../api/index.ts';
import type { AddressInput } from '../../rules/address.ts';
import { isBlank } from '../../rules/digits.ts';
import { checkForm, type FormFieldError } from '../../rules/form-spec.ts';
import { signupDetailsSpec } from '../../rules/form-specs.ts';
import { normalizeLoginId } from '../../rules/login-id.ts';
import type { MembershipPolicy } from '../../rules/policy.ts';
import { companyTextFields, type CompanyPart, type CompanyValues, type DetailsValues, type OptionalDetailField } from './values.ts';

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
export function detailsProblems(policy: MembershipPolicy, memberType: MemberType, values: DetailsValues, shown: ReadonlySet<OptionalDetailField>, nameKo: string | undefined): FormFieldError[] {
  const problems = checkForm(signupDetailsSpec(policy, { memberType }), detailsSchemaInput(values, shown, nameKo ?? ''));
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
