// The rules the signup flow needs from the identity step on (form checks, age, number formats), and its
// later moves (submit.ts: the person verified, the submit): loaded
// on demand (checks-loader.ts), so the wizard's first step does not carry them.
import { calendarDateOf, isOldEnough, parseBirthDate } from '../../rules/birth-date.ts';
import { checkBusinessNumber, formatBusinessNumber } from '../../rules/business-number.ts';
import { checkForm } from '../../rules/form-spec.ts';
import { companyFormSpec, signupDetailsSpec } from '../../rules/form-specs.ts';
import { formatPhoneNumber } from '../../rules/phone.ts';
import { companySchemaInput, detailsProblems } from './request.ts';
import { personVerified, submitSignup } from './submit.ts';

export const checks = { personVerified, submitSignup, detailsProblems, companySchemaInput, checkForm, companyFormSpec, signupDetailsSpec, parseBirthDate, isOldEnough, calendarDateOf, formatPhoneNumber, checkBusinessNumber, formatBusinessNumber };
export type SignupChecks = typeof checks;
