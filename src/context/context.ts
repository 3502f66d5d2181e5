import { createContext } from '@lit/context';
import type { MembershipPolicy } from '../rules/policy.ts';
import type { Locale } from '../i18n/locale.ts';
import type { AddressSearchAdapter, MembershipRuntime } from './runtime.ts';

/** What `<membership-provider>` shares with every element inside it. */
export interface MembershipContextValue {
  runtime: MembershipRuntime | undefined;
  locale: Locale | undefined;
  /** Overrides the site's policy from the API (e.g. stricter rules on one page). */
  policy: MembershipPolicy | undefined;
  addressSearch: AddressSearchAdapter | undefined;
}

export const membershipContext = createContext<MembershipContextValue>(Symbol.for('membership-elements/context'));
