import type { MembershipError } from '../api/errors.ts';
import type { MessageParams } from '../i18n/index.ts';
import { fieldMaxLengths } from '../rules/limits.ts';
import type { MembershipPolicy } from '../rules/policy.ts';

// The numbers rule and error messages need (see the placeholder lists in src/i18n/messages/rules.ts
// and errors.ts), taken from the policy, the field or the error itself.

const textLimits: Record<string, number> = {
  department: fieldMaxLengths.department,
  position: fieldMaxLengths.position,
  nameEn: fieldMaxLengths.nameEn,
  'company.nameKo': fieldMaxLengths.companyNameKo,
  'company.nameEn': fieldMaxLengths.companyNameEn,
  'company.businessType': fieldMaxLengths.businessType,
  'company.industry': fieldMaxLengths.industry,
  'company.companyType': fieldMaxLengths.option,
  'company.classification': fieldMaxLengths.option,
  'company.mainProduct': fieldMaxLengths.option,
};

/** Placeholders for a field code: `field` is the form path (`loginId`, `company.nameKo`, `interestItems.0.nameKo`). */
export function fieldCodeParams(code: string, field: string | undefined, policy: MembershipPolicy): MessageParams {
  switch (code) {
    case 'LOGIN_ID_TOO_SHORT':
    case 'LOGIN_ID_TOO_LONG':
      return { min: policy.loginId.minLength, max: policy.loginId.maxLength };
    case 'PASSWORD_TOO_SHORT':
      return { min: policy.password.minLength };
    case 'PASSWORD_TOO_LONG':
      return { max: policy.password.maxLength };
    case 'PASSWORD_REPEAT':
      return policy.password.maxRepeat === undefined ? {} : { max: policy.password.maxRepeat };
    case 'UNDER_AGE':
      return { minAge: policy.minAge };
    case 'INTEREST_ITEMS_TOO_MANY':
      return { max: policy.interests.maxItems };
    case 'INTEREST_REGIONS_TOO_MANY':
      return { max: policy.interests.maxRegions };
    case 'TEXT_TOO_LONG': {
      const max = field === undefined ? undefined : field.startsWith('interestItems.') ? fieldMaxLengths.interestItemName : textLimits[field];
      return max === undefined ? {} : { max };
    }
    default:
      return {};
  }
}

/** Placeholders for an API error: seconds to wait, attempts left, the minimum age. */
export function errorParams(error: Pick<MembershipError, 'code' | 'retryAfterSeconds' | 'attemptsLeft'>, policy: MembershipPolicy | undefined): MessageParams {
  const params: MessageParams = {};
  if (error.retryAfterSeconds !== undefined) params.seconds = error.retryAfterSeconds;
  if (error.attemptsLeft !== undefined) params.attempts = error.attemptsLeft;
  if (policy) params.minAge = policy.minAge;
  return params;
}
