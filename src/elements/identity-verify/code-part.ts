// The mobile method's second step (the code sent by SMS), loaded by <identity-verify> on demand: prefetched
// once the mobile form shows, so it is in by the time the code is sent (its own chunk).
import { OtpInput } from '../shared/otp-input.ts';

export { renderMobileCode } from './mobile-code.ts';

/** The element the code step renders, registered when this part loads. */
export const dependencies = { 'mb-otp-input': OtpInput };
