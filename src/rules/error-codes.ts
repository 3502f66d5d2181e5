/** Every error code the rules and form schemas can produce: the contract the i18n catalogue must cover. */
import { addressErrorCodes } from './address.ts';
import { birthDateErrorCodes } from './birth-date.ts';
import { businessNumberErrorCodes, corporateNumberErrorCodes } from './business-number.ts';
import { companyErrorCodes } from './company.ts';
import { emailErrorCodes } from './email.ts';
import { homepageErrorCodes } from './homepage.ts';
import { interestErrorCodes } from './interests.ts';
import { loginIdErrorCodes } from './login-id.ts';
import { passwordErrorCodes } from './password.ts';
import { nameErrorCodes } from './person.ts';
import { phoneErrorCodes } from './phone.ts';
import { textErrorCodes } from './text.ts';

/** Codes of form structure: radios/selects without a choice, and values of the wrong type (malformed payloads). */
export const formErrorCodes = ['CHOICE_REQUIRED', 'CHOICE_INVALID', 'FIELD_TYPE_INVALID'] as const;
export type FormError = (typeof formErrorCodes)[number];

export const ruleErrorCodes = [
  ...loginIdErrorCodes,
  ...passwordErrorCodes,
  ...nameErrorCodes,
  ...birthDateErrorCodes,
  ...phoneErrorCodes,
  ...emailErrorCodes,
  ...homepageErrorCodes,
  ...businessNumberErrorCodes,
  ...corporateNumberErrorCodes,
  ...companyErrorCodes,
  ...addressErrorCodes,
  ...interestErrorCodes,
  ...textErrorCodes,
  ...formErrorCodes,
] as const;
export type RuleErrorCode = (typeof ruleErrorCodes)[number];

const knownCodes: ReadonlySet<string> = new Set(ruleErrorCodes);

export function isRuleErrorCode(value: unknown): value is RuleErrorCode {
  return typeof value === 'string' && knownCodes.has(value);
}
