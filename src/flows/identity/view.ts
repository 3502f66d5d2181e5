import type { MembershipClient } from '../../api/client.ts';
import type { MembershipError } from '../../api/errors.ts';
import type { Nationality, SiteConfig, VerificationMethod, VerificationPurpose } from '../../api/schemas.ts';
import type { IdentityFocus } from './events.ts';
import type { PartStatus } from './methods.ts';
import type { MobileModel } from './mobile-model.ts';

/** What the host knows: attributes, the site config as loaded so far, the state of the methods' code. */
export interface IdentitySettings {
  client: MembershipClient | undefined;
  siteConfig: { status: 'idle' | 'loading' } | { status: 'complete'; value: SiteConfig } | { status: 'error'; error: MembershipError };
  purpose: VerificationPurpose;
  /** `methods`: comma list narrowing the site's methods. */
  methods?: string | undefined;
  resetId?: string | undefined;
  /** The mobile form's first nationality. */
  nationality: Nationality;
  /** Language of the spoken security text. */
  locale: 'ko' | 'en';
  parts: { mobile?: PartStatus; provider?: PartStatus };
}

/** Steps the screen shows; the element adds the provider window's own stage to `provider`. */
export type IdentityStep =
  | 'idle'
  | 'loading'
  | 'config-error'
  | 'no-method'
  | 'choose'
  | 'part-loading'
  | 'part-error'
  | 'mobile-form'
  | 'mobile-code'
  | 'provider'
  | 'done';

export interface IdentityView {
  readonly step: IdentityStep;
  readonly methods: readonly VerificationMethod[];
  readonly method: VerificationMethod | undefined;
  readonly choice: string | undefined;
  /** "다음" was pressed with no method picked. */
  readonly choiceMissing: boolean;
  readonly verifiedName: string | undefined;
  readonly configError: MembershipError | undefined;
  /** The mobile verification, once its code has loaded (its state and intents). */
  readonly mobile: MobileModel | undefined;
  /** A provider method to suggest when the carrier refuses (a company phone). */
  readonly alternative: VerificationMethod | undefined;
  /** Where focus goes after this render, when `seq` is new. */
  readonly focus: { readonly target: IdentityFocus | 'none'; readonly seq: number };
}
