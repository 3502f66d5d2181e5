// A Vue 3 host's view of the elements, as in README "Vue": compiled by test/node/frameworks.test.ts.
// In a template `<signup-wizard verify-mode="popup" @signup-complete="…">` is checked against these props.
import type { GlobalComponents } from 'vue';
import type {} from 'membership-elements/vue';

type Props<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

export const wizard: Props<'signup-wizard'> = {
  'api-base': '/api/v1/',
  site: 'trade',
  'verify-mode': 'popup',
  'onsignup-complete': (event) => console.log(event.detail.loginId, event.detail.companyRole),
};

export const verify: Props<'identity-verify'> = {
  purpose: 'find-id',
  'heading-level': 3,
  'onidentity-verified': (event) => console.log(event.detail.person.name),
};

// @ts-expect-error verify-mode is popup, redirect or auto
export const wrongMode: Props<'signup-wizard'> = { 'verify-mode': 'window' };
// @ts-expect-error purpose is one of the verification purposes
export const wrongPurpose: Props<'identity-verify'> = { purpose: 'login' };
