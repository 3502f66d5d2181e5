// The provider methods (i-PIN and the like), loaded on demand by <identity-verify> (its own chunk).
export { ProviderFlow } from './provider-flow.ts';
export { renderProviderStep } from './provider-step.ts';
