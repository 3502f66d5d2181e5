import { clearDraft, draftStorageKey, loadDraft, saveDraft } from './draft.ts';
import { emptyDetails, storedDetails } from './signup-values.ts';
import type { SignupWizard } from './signup-wizard.ts';

// The wizard's side of the draft: what it restores on arrival and what it writes after each change
// (draft.ts decides how, and that no password or token is ever written).

/** The draft's storage key for this wizard, once its site is known. */
export function wizardDraftKey(wizard: SignupWizard): string | undefined {
  const site = wizard.client?.siteId;
  return site ? draftStorageKey(site, wizard.draftKey ?? wizard.id) : undefined;
}

/** Restores a saved draft into the wizard; returns the step to show. */
export function restoreDraft(wizard: SignupWizard): SignupWizard['step'] {
  const key = wizardDraftKey(wizard);
  const draft = key ? loadDraft(key) : undefined;
  if (!draft) return 'type';
  wizard.typeForm.reset({ kind: draft.kind ?? '', nationality: draft.nationality ?? '' });
  wizard.consent.restore(draft.consents);
  wizard.person = draft.person;
  wizard.detailsForm.reset({ ...emptyDetails(), ...draft.details });
  wizard.loginIdCheck.restore(draft.loginIdAvailable);
  wizard.company.restore(draft.company);
  wizard.returnToReview = draft.returnToReview;
  // Passwords are never stored: whoever comes back types theirs again.
  wizard.passwordAgain = true;
  return draft.step;
}

export function writeDraft(wizard: SignupWizard): void {
  const key = wizardDraftKey(wizard);
  const step = wizard.step;
  if (!key || step === 'done' || step === 'under-age' || step === 'already-member') return;
  const check = wizard.loginIdCheck.state;
  saveDraft(key, {
    step,
    kind: wizard.typeForm.values.kind || undefined,
    nationality: wizard.typeForm.values.nationality || undefined,
    consents: wizard.consent.answers,
    person: wizard.person,
    details: storedDetails(wizard.detailsForm.values),
    loginIdAvailable: check.status === 'available' ? check.loginId : undefined,
    company: wizard.company.part,
    returnToReview: wizard.returnToReview,
  });
}

export function removeDraft(wizard: SignupWizard): void {
  const key = wizardDraftKey(wizard);
  if (key) clearDraft(key);
}
