// The mobile method, loaded on demand by <identity-verify> (its own chunk).
export { MobileModel } from '../../flows/identity/mobile-model.ts';
export { renderMobileCode } from './mobile-code.ts';
export { renderMobileForm } from './mobile-form.ts';
