// The mobile method, loaded on demand by <identity-verify> (its own chunk).
import { OtpInput } from '../shared/otp-input.ts';
import { PhoneInput } from '../shared/phone-input.ts';
import { mobileFormStyles } from './mobile-form.styles.ts';

export { MobileModel } from '../../flows/identity/mobile-model.ts';
export { renderMobileCode } from './mobile-code.ts';
export { renderMobileForm } from './mobile-form.ts';

/** The elements the mobile form renders, registered when this part loads. */
export const dependencies = { 'mb-otp-input': OtpInput, 'mb-phone-input': PhoneInput };

/** The mobile form's stylesheet, adopted by the element when this part loads. */
export const styles = [mobileFormStyles];
