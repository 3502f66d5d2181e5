/** zod/mini schemas of the member forms, built from the policy; issue messages are error codes. */
import { formSchema } from './form-fields.ts';
import type { FormOutput } from './form-spec.ts';
import { passwordResetSpec, profileEditSpec, signupDetailsSpec, type MemberFormOptions, type ProfileEditOptions } from './form-specs.ts';
import type { MembershipPolicy } from './policy.ts';

export type { MemberFormOptions, ProfileEditOptions } from './form-specs.ts';

/** Member details at signup (step 4). Corporate members give the same details; their company goes through `companyFormSchema`. */
export function signupDetailsSchema(policy: MembershipPolicy, options: MemberFormOptions) {
  return formSchema(signupDetailsSpec(policy, options));
}

/** Profile edit: the member details plus an optional new password (blank = unchanged); old 011–019 numbers stay. */
export function profileEditSchema(policy: MembershipPolicy, options: ProfileEditOptions = {}) {
  return formSchema(profileEditSpec(policy, options));
}

/** Password reset (find account): the ID is only required, as it may predate today's ID rules. */
export function passwordResetFormSchema(policy: MembershipPolicy) {
  return formSchema(passwordResetSpec(policy));
}

export type SignupDetails = FormOutput<ReturnType<typeof signupDetailsSpec>['fields']>;
export type ProfileEdit = FormOutput<ReturnType<typeof profileEditSpec>['fields']>;
export type PasswordReset = FormOutput<ReturnType<typeof passwordResetSpec>['fields']>;
