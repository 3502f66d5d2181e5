/** zod/mini schema of the company form (company link, corporate signup); issue messages are error codes. */
import * as z from 'zod/mini';
import { checkBusinessNumber, checkCorporateNumber } from './business-number.ts';
import { checkTradeBusinessNumber, tradeKinds } from './company.ts';
import { checkEmail } from './email.ts';
import { addressField, choiceField, optionalField, requiredField, yesNoField } from './form-fields.ts';
import { checkHomepage } from './homepage.ts';
import { fieldMaxLengths } from './limits.ts';
import { checkEnglishName, checkKoreanName } from './person.ts';
import { checkPhone, faxPhoneKinds } from './phone.ts';
import type { MembershipPolicy } from './policy.ts';
import { checkEnglishText, checkText } from './text.ts';

const text = (maxLength: number) => (value: string) => checkText(value, { maxLength });

/**
 * Company details (docs/domain.md, Company link). The 이노비즈 / 벤처기업 / 외투기업 answers are optional
 * unless the policy requires them (`required.companyYesNo`).
 */
export function companyFormSchema(policy?: MembershipPolicy) {
  const yesNo = () => (policy?.required.companyYesNo ? yesNoField() : z.optional(yesNoField()));
  return z.object(
    {
      businessNumber: requiredField('BRN_REQUIRED', checkBusinessNumber),
      nameKo: requiredField('TEXT_REQUIRED', text(fieldMaxLengths.companyNameKo)),
      nameEn: optionalField((value) => checkEnglishText(value, { maxLength: fieldMaxLengths.companyNameEn })),
      ceoNameKo: requiredField('NAME_KO_REQUIRED', checkKoreanName),
      ceoNameEn: optionalField(checkEnglishName),
      corporateNumber: optionalField(checkCorporateNumber),
      tradeBusinessNumber: optionalField(checkTradeBusinessNumber),
      businessType: optionalField(text(fieldMaxLengths.businessType)),
      industry: optionalField(text(fieldMaxLengths.industry)),
      companyType: optionalField(text(fieldMaxLengths.option)),
      innoBiz: yesNo(),
      venture: yesNo(),
      classification: optionalField(text(fieldMaxLengths.option)),
      foreignInvested: yesNo(),
      mainProduct: optionalField(text(fieldMaxLengths.option)),
      tradeKind: z.optional(choiceField(tradeKinds)),
      phone: requiredField('PHONE_REQUIRED', (value) => checkPhone(value)),
      fax: optionalField((value) => checkPhone(value, { kinds: faxPhoneKinds })),
      email: optionalField(checkEmail),
      homepage: optionalField(checkHomepage),
      address: addressField(true),
    },
    { error: 'FIELD_TYPE_INVALID' },
  );
}

export type CompanyForm = z.infer<ReturnType<typeof companyFormSchema>>;
