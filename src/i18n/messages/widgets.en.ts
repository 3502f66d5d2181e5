// widgets messages in English: exactly the Korean keys (a missing or extra key is a compile error).
import type { Translation } from '../bundle.ts';
import type { widgets as korean } from './widgets.ko.ts';

export const widgets: Translation<typeof korean> = {

  'widgets.consent.siblingSites': 'Signing up for the unified membership lets you use all of these sites with one ID.',
  'widgets.consent.agreeAll': 'Agree to all',
  'widgets.consent.agreeAllHint': 'Agrees to every required and optional item. You can sign up without agreeing to the optional items.',
  'widgets.consent.required': '[Required]',
  'widgets.consent.optional': '[Optional]',
  'widgets.consent.marketing': 'Advertising messages',
  'widgets.consent.agree': 'I agree',
  'widgets.consent.agreeChoice': 'Agree',
  'widgets.consent.disagreeChoice': 'Do not agree',
  'widgets.consent.summaryCaption': '{title}: how your personal information is handled',
  'widgets.consent.purpose': 'Purpose',
  'widgets.consent.items': 'Items collected',
  'widgets.consent.retention': 'Retention period',
  'widgets.consent.refusal': 'Your right to refuse, and what happens if you do',

  'widgets.password.label': 'Password',
  'widgets.password.confirmationLabel': 'Confirm password',
  'widgets.password.show': 'Show password',
  'widgets.password.checklist': 'Password requirements',
  'widgets.password.met': 'met',
  'widgets.password.unmet': 'not met',
  'widgets.password.progress': '{met} of {total} password requirements met',
  'widgets.password.rule.length': '{min} to {max} characters',
  'widgets.password.rule.letter': 'Contains a letter',
  'widgets.password.rule.digit': 'Contains a digit',
  'widgets.password.rule.special': 'Contains a special character',
  'widgets.password.rule.kinds': 'Letters, digits and special characters: {ways}',
  'widgets.password.rule.kindsWay': '{kinds} or more kinds with {length} or more characters',
  'widgets.password.rule.or': 'or',
  'widgets.password.rule.chars': 'Only letters, digits and special characters (no spaces or Korean)',
  'widgets.password.rule.repeat': 'No character more than {max} times in a row',
  'widgets.password.rule.notLoginId': 'Does not contain your ID',
  'widgets.password.matches': 'The passwords match.',
  'widgets.password.mismatch': 'The passwords do not match.',

  'widgets.email.label': 'Email',
  'widgets.email.local': 'Email name (before the @)',
  'widgets.email.domain': 'Email domain (after the @)',
  'widgets.email.choose': 'Choose a domain',
  'widgets.email.typeDomain': 'Type it in',
  'widgets.email.typedDomain': 'Email domain, typed',
};
