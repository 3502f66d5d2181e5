/**
 * What the user reads next to a field for every rule code of `membership-elements/rules`
 * (`ruleErrorCodes`, which includes `formErrorCodes`) and for the field codes the API puts in
 * `fields[].code` besides rule codes (`serverFieldCodes`). Keys are `rule.<CODE>`; `messageForCode`
 * tries them before `error.<CODE>`, so a code that is both (UNDER_AGE, LOGIN_ID_TAKEN, TERMS_*,
 * COMPANY_ALREADY_REGISTERED, CERTIFICATE_*) reuses the `error.*` text and reads the same everywhere.
 * `rule.CHOICE_REQUIRED` is a core word (common.ko.ts): the first step shows it.
 *
 * Placeholders the caller fills (fixed limits, such as a name's maximum length, are written into the text):
 * - `rule.LOGIN_ID_TOO_SHORT`, `rule.LOGIN_ID_TOO_LONG`  {min} {max}  policy.loginId.minLength / maxLength
 * - `rule.PASSWORD_TOO_SHORT`        {min}      policy.password.minLength
 * - `rule.PASSWORD_TOO_LONG`         {max}      policy.password.maxLength
 * - `rule.PASSWORD_REPEAT`           {max}      policy.password.maxRepeat
 * - `rule.UNDER_AGE`                 {minAge}   policy.minAge
 * - `rule.INTEREST_ITEMS_TOO_MANY`   {max}      policy.interests.maxItems
 * - `rule.INTEREST_REGIONS_TOO_MANY` {max}      policy.interests.maxRegions
 * - `rule.PHONE_REQUIRED`, `rule.PHONE_INVALID` {field} the field's label (its `.plain` form without it)
 * - `widgets.phone.hint`            {example}  a number of the field's kind (the phone field's words live in this area)
 * `ruleMessageParams` lists them for code (the i18n tests keep it in step with the texts).
 */
import type { common } from './common.ko.ts';
import type { rules } from './rules.ko.ts';
import type { RuleErrorCode } from '../../rules/error-codes.ts';

/** Field codes the API answers in `fields[].code` that are not rule codes (see server/http.ts and routes). */
export const serverFieldCodes = [
  // the request does not match the contract (missing / malformed value), or a required part is absent
  'REQUIRED',
  'INVALID',
  // a part that this request may not have (a company for a non-corporate signup)
  'NOT_ALLOWED',
  // signup: the foreign member type without a foreign-national verification
  'MEMBER_TYPE_NATIONALITY',
  // consents
  'UNKNOWN_DOCUMENT',
  'TERMS_REQUIRED',
  'TERMS_OUTDATED',
  // API codes also reported at a field
  'LOGIN_ID_TAKEN',
  'COMPANY_ALREADY_REGISTERED',
  'CERTIFICATE_NOT_FOUND',
  'CERTIFICATE_INVALID_TYPE',
  'CERTIFICATE_TOO_LARGE',
] as const;
export type ServerFieldCode = (typeof serverFieldCodes)[number];

export type RuleMessageKey = keyof typeof rules;

/** The placeholders of each key of this area that has any (the header comment says where each comes from). */
export const ruleMessageParams = {
  'rule.LOGIN_ID_TOO_SHORT': ['min', 'max'],
  'rule.LOGIN_ID_TOO_LONG': ['min', 'max'],
  'rule.PASSWORD_TOO_SHORT': ['min'],
  'rule.PASSWORD_TOO_LONG': ['max'],
  'rule.PASSWORD_REPEAT': ['max'],
  'rule.UNDER_AGE': ['minAge'],
  'rule.INTEREST_ITEMS_TOO_MANY': ['max'],
  'rule.INTEREST_REGIONS_TOO_MANY': ['max'],
  'rule.TEXT_TOO_LONG': ['max'],
  'rule.PHONE_REQUIRED': ['field'],
  'rule.PHONE_INVALID': ['field'],
  // The phone field's hint (its words live in this area: src/i18n/areas.ts).
  'widgets.phone.hint': ['example'],
} as const satisfies Partial<Record<RuleMessageKey, readonly string[]>>;

// Completeness: a rule code or server field code without a message is a compile error.
type Complete<T extends Record<`rule.${RuleErrorCode | ServerFieldCode}`, string>> = T;
export type RuleCatalogue = Complete<typeof rules & Pick<typeof common, 'rule.CHOICE_REQUIRED'>>;
