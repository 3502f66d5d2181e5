import type { IdentityVerifiedDetail } from '../identity-verify/events.ts';
import { calendarDateOf, isOldEnough, parseBirthDate } from '../../rules/birth-date.ts';
import { isOffered } from './flow.ts';
import type { SignupWizard } from './signup-wizard.ts';

/**
 * A verification arrived from `<identity-verify>`: on the identity step it is the person signing up
 * (refused when under the policy's minimum age, checked with today in Seoul; the server checks again);
 * on the review it is the second verification of sites that ask again at submit.
 */
export function acceptVerification(wizard: SignupWizard, verification: IdentityVerifiedDetail): void {
  if (verification.purpose !== 'signup') return;
  if (wizard.step === 'review') {
    wizard.submitVerification = verification;
    wizard.requestUpdate();
    return;
  }
  if (wizard.step !== 'identity') return;
  wizard.verification = verification;
  wizard.person = { name: verification.person.name, nationality: verification.person.nationality };
  const policy = wizard.policyInForce;
  const birth = parseBirthDate(verification.person.birthDate);
  if (policy && (!birth || !isOldEnough(birth, policy.minAge, calendarDateOf(new Date())))) {
    wizard.reportError({ code: 'UNDER_AGE', retryable: false });
    void wizard.refuse('under-age');
    return;
  }
  const notice = adoptNationality(wizard, verification.person.nationality);
  wizard.detailsForm.revalidate();
  if (wizard.submission.resumeAfterVerification) {
    void wizard.goTo('review').then(() => wizard.submit());
    return;
  }
  void wizard.next(notice ? { notice } : {});
}

/** The verification says the nationality; the type step's answer follows it (with a notice). */
function adoptNationality(wizard: SignupWizard, nationality: 'domestic' | 'foreign'): string | undefined {
  const asked = wizard.typeForm.values.nationality;
  const { kind } = wizard.typeAnswers();
  if (!asked || !kind || asked === nationality || !isOffered(wizard.offeredTypes, kind, nationality)) return undefined;
  wizard.typeForm.set('nationality', nationality);
  return wizard.text('signup.identity.nationalityChanged', { nationality: wizard.text(`signup.type.nationality.${nationality}`) });
}
