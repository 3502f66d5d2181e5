// The mobile method's form, loaded on demand by <identity-verify> (its own chunk); the code step is code-part.ts.
import { PhoneInput } from '../shared/phone-input.ts';
import { mobileFormStyles } from './mobile-form.styles.ts';

export { MobileModel } from '../../flows/identity/mobile-model.ts';
export { renderMobileAlert, renderMobileForm, renderMobileWait } from './mobile-form.ts';

/** The elements the mobile form renders, registered when this part loads. */
export const dependencies = { 'mb-phone-input': PhoneInput };

/** The mobile form's stylesheet, adopted by the element when this part loads. */
export const styles = [mobileFormStyles];
