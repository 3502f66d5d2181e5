// The mobile form's values and rules, with no rendering: the flow and the form both use them.
import type { MobileCodeRequest } from '../../api/contract.ts';
import type { Carrier, Gender, Nationality } from '../../api/schemas.ts';
import { checkBirthDate, formatBirthDate, type CalendarDate } from '../../rules/birth-date.ts';
import { checkKoreanName } from '../../rules/person.ts';
import { checkPhone, normalizePhoneNumber, type PhoneKind } from '../../rules/phone.ts';
import type { FieldProblem } from '../form-model.ts';

/** The provider's own terms the user must accept before the carrier is asked (docs/domain.md, "Identity verification"). */
export const providerTerms = ['privacy', 'uniqueId', 'carrier', 'service'] as const;
export type ProviderTerm = (typeof providerTerms)[number];

export const mobileKinds: readonly PhoneKind[] = ['mobile'];

export interface MobileFormValues {
  carrier: Carrier | '';
  name: string;
  /** As typed: `YYYYMMDD`, `YYYY-MM-DD`, … (sent as `YYYY-MM-DD`). */
  birthDate: string;
  /** No default (KRDS). */
  gender: Gender | '';
  nationality: Nationality | '';
  mobile: string;
  captchaAnswer: string;
  terms: readonly ProviderTerm[];
}

export function emptyMobileForm(nationality: MobileFormValues['nationality']): MobileFormValues {
  return { carrier: '', name: '', birthDate: '', gender: '', nationality, mobile: '', captchaAnswer: '', terms: [] };
}

/** Client rules of the form, as codes per field (the server checks again and wins). */
export function validateMobileForm(values: MobileFormValues, today: CalendarDate): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: keyof MobileFormValues, code: string | null) => {
    if (code) problems.push({ field, code });
  };
  add('carrier', values.carrier ? null : 'CHOICE_REQUIRED');
  add('name', checkKoreanName(values.name));
  // No age check here: verification proves who someone is; whether they may sign up is signup's rule.
  add('birthDate', checkBirthDate(values.birthDate, { today }));
  add('gender', values.gender ? null : 'CHOICE_REQUIRED');
  add('nationality', values.nationality ? null : 'CHOICE_REQUIRED');
  add('mobile', checkPhone(values.mobile, { kinds: mobileKinds }));
  add('captchaAnswer', values.captchaAnswer.trim() ? null : 'CAPTCHA_REQUIRED');
  add('terms', providerTerms.every((term) => values.terms.includes(term)) ? null : 'TERMS_REQUIRED');
  return problems;
}

/** The request body; call only when {@link validateMobileForm} found nothing. */
export function toMobileCodeRequest(values: MobileFormValues): MobileCodeRequest {
  return {
    carrier: values.carrier as Carrier,
    name: values.name.normalize('NFC').trim(),
    birthDate: formatBirthDate(values.birthDate.trim()),
    gender: values.gender as Gender,
    nationality: values.nationality as Nationality,
    mobile: normalizePhoneNumber(values.mobile),
    captchaAnswer: values.captchaAnswer.trim(),
    providerTermsAgreed: true,
  };
}
