// The mobile method, loaded on demand by <identity-verify> (its own chunk).
export { MobileFlow } from './mobile-flow.ts';
export { renderMobileCode } from './mobile-code.ts';
export { renderMobileForm } from './mobile-form.ts';
