import { IdentityVerify } from '../identity-verify/identity-verify.ts';
import { MbAddressField } from '../shared/address-search/address-field.ts';
import { ConsentList } from '../shared/consent-list.ts';
import { EmailInput } from '../shared/email-input.ts';
import { MbInterestItems, MbInterestRegions } from '../shared/interest-rows.ts';
import { PasswordField } from '../shared/password-field.ts';
import { PhoneInput } from '../shared/phone-input.ts';
import { StepIndicator } from '../shared/step-indicator.ts';

/** The elements the wizard renders, registered with it by `defineElement` (identity-verify under its default tag). */
export const signupWizardDependencies = {
  'mb-step-indicator': StepIndicator,
  'mb-consent-list': ConsentList,
  'mb-password-field': PasswordField,
  'mb-phone-input': PhoneInput,
  'mb-email-input': EmailInput,
  'mb-address-field': MbAddressField,
  'mb-interest-items': MbInterestItems,
  'mb-interest-regions': MbInterestRegions,
  'identity-verify': IdentityVerify,
};
