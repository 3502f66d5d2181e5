// signup messages in English: exactly the Korean keys (a missing or extra key is a compile error).
import type { Translation } from '../bundle.ts';
import type { signup as korean } from './signup.ko.ts';

export const signup: Translation<typeof korean> = {
  'signup.announce': 'Step {current} of {total}: {title}',
  'signup.loading': 'Preparing the signup form…',
  'signup.notConfigured': 'The membership service cannot be reached. Please contact the site administrator.',
  'signup.noMemberTypes': 'This site does not take new members at the moment.',
  'signup.step.type': 'Member type',
  'signup.step.consent': 'Terms and consent',
  'signup.step.identity': 'Real-name check',
  'signup.step.details': 'Your details',
  'signup.step.company': 'Company details',
  'signup.step.review': 'Review',
  'signup.step.done': 'Done',
  'signup.step.under-age': 'You cannot sign up',
  'signup.step.already-member': 'You already have an account',

  'signup.type.kind': 'Member category',
  'signup.type.kind.individual': 'Individual member',
  'signup.type.kind.individual.hint': 'For people who do not belong to a company (no business registration number).',
  'signup.type.kind.corporate': 'Corporate member',
  'signup.type.kind.corporate.hint': 'For people who belong to a company: sign up and link to your company in one go. There is no separate company ID; you use your own.',
  'signup.type.nationality': 'Nationality',
  'signup.type.nationality.domestic': 'Korean national',
  'signup.type.nationality.foreign': 'Foreign national',
  'signup.type.nationality.foreign.hint': 'Foreign nationals must give their name in English.',
  'signup.type.age': 'You must be {minAge} or older to sign up.',
  'signup.type.notOffered': 'This site does not take this combination. Please choose another member type.',

  'signup.consent.intro': 'Please read the terms below and give your consent to sign up.',
  'signup.consent.nextHint': 'Agree to every required item to go on.',
  'signup.consent.loading': 'Loading the terms…',
  'signup.consent.notices': 'Notices',
  'signup.consent.optionalItems': 'Optional items',
  'signup.consent.recipient': 'Recipient',

  'signup.memberType.individual': 'Individual member',
  'signup.memberType.foreign': 'Foreign individual member',
  'signup.memberType.corporate': 'Corporate member',

  'signup.later.keep': 'Continue later: keep what I entered on this device',
  'signup.later.keepHint': 'Keeps what you entered in this browser for {hours} hours after your last change, so that you can continue later. Your password and identity verification are never kept. Do not choose this on a shared computer.',
  'signup.later.offerTitle': 'You have a saved signup',
  'signup.later.offerBody': 'You can continue with what you saved on {savedAt}. It is deleted automatically on {expiresAt}.',
  'signup.later.continue': 'Continue',
  'signup.later.discard': 'Delete it and start again',
  'signup.later.restored': 'Your saved entries are back. Identity verification and passwords are never kept: please verify and enter your password again.',
  'signup.later.discarded': 'Your saved entries were deleted. Please start from the beginning.',
  // Said by the flow itself (src/flows/signup), so they load with the first step.
  'signup.identity.again.notice': 'For your security, please verify your identity again. Everything you entered is kept.',
  'signup.review.reverifyFirst': 'Please verify your identity once more before signing up.',
  'signup.company.researchNeeded': 'Please search for the company again.',
  'signup.identity.nationalityChanged': 'Your nationality was set to "{nationality}" from the verification.',
};
