// `membership-elements/membership-provider`: the provider class and its context, nothing registered.
export { MembershipProvider } from './context/membership-provider.ts';
export { membershipContext, type MembershipContextValue } from './context/context.ts';
