import { StepIndicator } from '../shared/step-indicator.ts';

/**
 * The elements the wizard's first screens render, registered with it by `defineElement`. The later
 * steps register theirs (the consent list, identity-verify, the address, phone, email and password fields) when their
 * code loads (see step-modules.ts).
 */
export const signupWizardDependencies = {
  'mb-step-indicator': StepIndicator,
};
