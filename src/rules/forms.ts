/** zod/mini schemas of the member forms, built from the policy; issue messages are error codes. */
import * as z from 'zod/mini';
import { isBlank } from './digits.ts';
import { checkEmail } from './email.ts';
import {
  addressField,
  field,
  interestItemsField,
  interestRegionsField,
  optionalField,
  plainString,
  report,
  requiredField,
  stringAt,
} from './form-fields.ts';
import { fieldMaxLengths } from './limits.ts';
import { checkLoginId } from './login-id.ts';
import { checkPasswordConfirmation, passwordErrors } from './password.ts';
import { checkEnglishName, checkKoreanName } from './person.ts';
import { checkPhone, faxPhoneKinds, type PhoneKind } from './phone.ts';
import type { MembershipPolicy } from './policy.ts';
import { checkText } from './text.ts';

type MemberType = 'individual' | 'corporate' | 'foreign';

export interface MemberFormOptions {
  /** Foreign members must give the English name; the Korean one becomes optional. */
  readonly memberType: MemberType;
}

/** The member details shared by signup and profile edit (the Korean name and ID are not editable). */
function memberDetailsShape(policy: MembershipPolicy, memberType: MemberType, mobileKinds: readonly PhoneKind[]) {
  const required = policy.required;
  return {
    nameEn: field(memberType === 'foreign' || required.nameEn, 'NAME_EN_REQUIRED', checkEnglishName),
    phone: field(required.phone, 'PHONE_REQUIRED', (value) => checkPhone(value)),
    mobile: field(required.mobile, 'PHONE_REQUIRED', (value) => checkPhone(value, { kinds: mobileKinds })),
    fax: optionalField((value) => checkPhone(value, { kinds: faxPhoneKinds })),
    email: requiredField('EMAIL_REQUIRED', checkEmail),
    address: addressField(required.address),
    department: optionalField((value) => checkText(value, { maxLength: fieldMaxLengths.department })),
    position: optionalField((value) => checkText(value, { maxLength: fieldMaxLengths.position })),
    interestItems: interestItemsField(policy.interests),
    interestRegions: interestRegionsField(policy.interests),
  };
}

interface PasswordPairOptions {
  readonly password: string;
  readonly confirmation: string;
  /** The login ID the password may not contain. */
  readonly loginId: (form: unknown) => string | undefined;
  /** Both blank means "no change" (profile edit). */
  readonly optional: boolean;
}

/** Password + confirmation need the login ID and each other, so they are judged at the form level. */
function passwordPair<Form>(policy: MembershipPolicy, keys: PasswordPairOptions) {
  return z.superRefine<Form>(
    (form, ctx) => {
      const password = stringAt(form, keys.password);
      const confirmation = stringAt(form, keys.confirmation);
      // A missing or non-string password was already reported by its field.
      if (password === undefined) return;
      if (keys.optional && password === '' && isBlank(confirmation ?? '')) return;
      const loginId = keys.loginId(form);
      report(ctx, form, passwordErrors(password, policy, loginId === undefined ? {} : { loginId }), [keys.password]);
      if (confirmation !== undefined) {
        report(ctx, form, checkPasswordConfirmation(password, confirmation), [keys.confirmation]);
      }
    },
    // Run even when another field has the wrong type, so the user sees every problem at once.
    { when: () => true },
  );
}

/** Member details at signup (step 4). Corporate members give the same details; their company goes through `companyFormSchema`. */
export function signupDetailsSchema(policy: MembershipPolicy, options: MemberFormOptions) {
  const foreign = options.memberType === 'foreign';
  return z
    .object(
      {
        loginId: requiredField('LOGIN_ID_REQUIRED', (value) => checkLoginId(value, policy)),
        password: plainString('PASSWORD_REQUIRED'),
        passwordConfirmation: plainString('PASSWORD_CONFIRMATION_REQUIRED'),
        nameKo: field(!foreign, 'NAME_KO_REQUIRED', checkKoreanName),
        ...memberDetailsShape(policy, options.memberType, ['mobile']),
      },
      { error: 'FIELD_TYPE_INVALID' },
    )
    .check(
      passwordPair(policy, {
        password: 'password',
        confirmation: 'passwordConfirmation',
        loginId: (form) => stringAt(form, 'loginId'),
        optional: false,
      }),
    );
}

export interface ProfileEditOptions {
  readonly memberType?: MemberType;
  /** The member's login ID, so a new password containing it is refused. */
  readonly loginId?: string;
}

/** Profile edit: the member details plus an optional new password (blank = unchanged); old 011–019 numbers stay. */
export function profileEditSchema(policy: MembershipPolicy, options: ProfileEditOptions = {}) {
  return z
    .object(
      {
        ...memberDetailsShape(policy, options.memberType ?? 'individual', ['mobile', 'mobile-legacy']),
        newPassword: z.optional(plainString('PASSWORD_REQUIRED')),
        newPasswordConfirmation: z.optional(plainString('PASSWORD_CONFIRMATION_REQUIRED')),
      },
      { error: 'FIELD_TYPE_INVALID' },
    )
    .check(
      passwordPair(policy, {
        password: 'newPassword',
        confirmation: 'newPasswordConfirmation',
        loginId: () => options.loginId,
        optional: true,
      }),
    );
}

/** Password reset (find account): the ID is only required, as it may predate today's ID rules. */
export function passwordResetFormSchema(policy: MembershipPolicy) {
  return z
    .object(
      {
        loginId: requiredField('LOGIN_ID_REQUIRED', (value) => (isBlank(value) ? 'LOGIN_ID_REQUIRED' : null)),
        newPassword: plainString('PASSWORD_REQUIRED'),
        newPasswordConfirmation: plainString('PASSWORD_CONFIRMATION_REQUIRED'),
      },
      { error: 'FIELD_TYPE_INVALID' },
    )
    .check(
      passwordPair(policy, {
        password: 'newPassword',
        confirmation: 'newPasswordConfirmation',
        loginId: (form) => stringAt(form, 'loginId'),
        optional: false,
      }),
    );
}

export type SignupDetails = z.infer<ReturnType<typeof signupDetailsSchema>>;
export type ProfileEdit = z.infer<ReturnType<typeof profileEditSchema>>;
export type PasswordReset = z.infer<ReturnType<typeof passwordResetFormSchema>>;
