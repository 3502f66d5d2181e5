/**
 * Password rules from the policy, as a live checklist and as error codes.
 * Allowed characters: printable ASCII except space (letters, digits, special). Hangul and other
 * non-ASCII are refused (`chars`): a Korean IME left on types them by accident, and the same password
 * must be typeable on any keyboard at login.
 */
import { codePointLength } from './digits.ts';
import { loginIdKey } from './login-id.ts';
import type { CharKind, PasswordPolicy } from './policy.ts';

export const passwordRuleIds = [
  'length',
  'letter',
  'digit',
  'special',
  'kinds',
  'chars',
  'repeat',
  'notLoginId',
] as const;
export type PasswordRuleId = (typeof passwordRuleIds)[number];

export const passwordErrorCodes = [
  'PASSWORD_REQUIRED',
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_LETTER_MISSING',
  'PASSWORD_DIGIT_MISSING',
  'PASSWORD_SPECIAL_MISSING',
  'PASSWORD_KINDS',
  'PASSWORD_CHARS',
  'PASSWORD_REPEAT',
  'PASSWORD_CONTAINS_LOGIN_ID',
  'PASSWORD_CONFIRMATION_REQUIRED',
  'PASSWORD_CONFIRMATION_MISMATCH',
] as const;
export type PasswordError = (typeof passwordErrorCodes)[number];

export interface PasswordChecklistItem {
  readonly id: PasswordRuleId;
  readonly passed: boolean;
}

export interface PasswordCheck {
  /** One item per rule the policy has, in `passwordRuleIds` order; all false while the password is empty. */
  readonly items: readonly PasswordChecklistItem[];
  /** Every item passed (the confirmation is reported apart). */
  readonly valid: boolean;
  /** null until a confirmation has been typed. */
  readonly confirmationMatches: boolean | null;
}

export interface PasswordContext {
  readonly loginId?: string;
  readonly confirmation?: string;
}

// IDs shorter than this are still being typed; matching them would flag most passwords.
const minLoginIdMatchLength = 4;

const kindPatterns: Record<CharKind, RegExp> = {
  letter: /[A-Za-z]/,
  digit: /[0-9]/,
  special: /[!-/:-@[-`{-~]/,
};

function kindsIn(password: string): CharKind[] {
  return (Object.keys(kindPatterns) as CharKind[]).filter((kind) => kindPatterns[kind].test(password));
}

function longestRun(password: string): number {
  let longest = 0;
  let run = 0;
  let previous = '';
  for (const char of password) {
    run = char === previous ? run + 1 : 1;
    previous = char;
    if (run > longest) longest = run;
  }
  return longest;
}

/** The rule ids this policy shows, in checklist order. */
export function passwordRules(policy: { readonly password: PasswordPolicy }): PasswordRuleId[] {
  const rules = policy.password;
  return passwordRuleIds.filter((id) => {
    if (id === 'letter' || id === 'digit' || id === 'special') return rules.requiredKinds.includes(id);
    if (id === 'kinds') return (rules.alternatives?.length ?? 0) > 0;
    if (id === 'repeat') return rules.maxRepeat !== undefined;
    if (id === 'notLoginId') return rules.forbidLoginId;
    return true;
  });
}

function rulePasses(id: PasswordRuleId, password: string, rules: PasswordPolicy, loginId: string): boolean {
  const length = codePointLength(password);
  switch (id) {
    case 'length':
      return length >= rules.minLength && length <= rules.maxLength;
    case 'letter':
    case 'digit':
    case 'special':
      return kindPatterns[id].test(password);
    case 'kinds': {
      const kinds = kindsIn(password).length;
      return (rules.alternatives ?? []).some((way) => length >= way.minLength && kinds >= way.minKinds);
    }
    case 'chars':
      return /^[!-~]*$/.test(password);
    case 'repeat':
      return longestRun(password) <= (rules.maxRepeat ?? Infinity);
    case 'notLoginId': {
      const key = loginIdKey(loginId);
      return key.length < minLoginIdMatchLength || !password.toLowerCase().includes(key);
    }
  }
}

/** Confirmation code for the confirmation field, or null (also null while no confirmation is given). */
export function checkPasswordConfirmation(
  password: string,
  confirmation: string | undefined,
): 'PASSWORD_CONFIRMATION_REQUIRED' | 'PASSWORD_CONFIRMATION_MISMATCH' | null {
  if (confirmation === undefined) return null;
  if (confirmation === '') return 'PASSWORD_CONFIRMATION_REQUIRED';
  return confirmation === password ? null : 'PASSWORD_CONFIRMATION_MISMATCH';
}

/** The live checklist for a password. */
export function checkPassword(
  password: string,
  policy: { readonly password: PasswordPolicy },
  context: PasswordContext = {},
): PasswordCheck {
  const loginId = context.loginId ?? '';
  const items = passwordRules(policy).map((id) => ({
    id,
    passed: password !== '' && rulePasses(id, password, policy.password, loginId),
  }));
  const confirmation = context.confirmation;
  return {
    items,
    valid: items.every((item) => item.passed),
    confirmationMatches: confirmation === undefined || confirmation === '' ? null : confirmation === password,
  };
}

function errorFor(id: PasswordRuleId, password: string, rules: PasswordPolicy): PasswordError {
  switch (id) {
    case 'length':
      return codePointLength(password) < rules.minLength ? 'PASSWORD_TOO_SHORT' : 'PASSWORD_TOO_LONG';
    case 'letter':
      return 'PASSWORD_LETTER_MISSING';
    case 'digit':
      return 'PASSWORD_DIGIT_MISSING';
    case 'special':
      return 'PASSWORD_SPECIAL_MISSING';
    case 'kinds':
      return 'PASSWORD_KINDS';
    case 'chars':
      return 'PASSWORD_CHARS';
    case 'repeat':
      return 'PASSWORD_REPEAT';
    case 'notLoginId':
      return 'PASSWORD_CONTAINS_LOGIN_ID';
  }
}

/** One code per failed checklist item (or PASSWORD_REQUIRED), then the confirmation's code if any. */
export function passwordErrors(
  password: string,
  policy: { readonly password: PasswordPolicy },
  context: PasswordContext = {},
): PasswordError[] {
  const errors: PasswordError[] =
    password === ''
      ? ['PASSWORD_REQUIRED']
      : checkPassword(password, policy, context)
          .items.filter((item) => !item.passed)
          .map((item) => errorFor(item.id, password, policy.password));
  const confirmationError = checkPasswordConfirmation(password, context.confirmation);
  if (confirmationError !== null) errors.push(confirmationError);
  return errors;
}
