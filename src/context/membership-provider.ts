import { ContextProvider } from '@lit/context';
import { LitElement, type PropertyValues, type PropertyDeclarations } from 'lit';
import type { MembershipClient } from '../api/client.ts';
import { toLocale } from '../i18n/locale.ts';
import type { MembershipPolicy } from '../rules/policy.ts';
import { membershipContext } from './context.ts';
import { runtimeFor, type AddressSearchAdapter, type MembershipRuntime } from './runtime.ts';

/**
 * Shares one membership configuration with every element inside it: API base URL, site id,
 * language, field policy and adapters. Each element may still override any of them itself.
 *
 * @summary Configuration for the membership elements inside it.
 * @example <membership-provider api-base="/api/v1/" site="trade" lang="ko"><signup-wizard></signup-wizard></membership-provider>
 */
export class MembershipProvider extends LitElement {
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    site: {},
    lang: { reflect: true },
    policy: { attribute: false },
    addressSearch: { attribute: false },
    client: { attribute: false },
  };

  /** Base URL of the membership API. */
  declare apiBase?: string;
  /** Id of this site in the unified membership. */
  declare site?: string;
  /** UI language of the elements inside (`ko`, `en`). It is also the `lang` of this subtree. */
  declare lang: string;
  declare policy?: MembershipPolicy;
  declare addressSearch?: AddressSearchAdapter;
  /** A client of your own (custom fetch, timeouts); default: one per API base and site. */
  declare client?: MembershipClient;

  constructor() {
    super();
    this.lang = '';
  }

  #provider = new ContextProvider(this, {
    context: membershipContext,
    initialValue: { runtime: undefined, locale: undefined, policy: undefined, addressSearch: undefined },
  });

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The provider only groups its children; it draws nothing of its own.
    this.style.setProperty('display', 'contents');
  }

  #runtime: MembershipRuntime | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') || changed.has('site') || changed.has('client')) {
      this.#runtime = this.apiBase && this.site ? runtimeFor(this.apiBase, this.site, this.client) : undefined;
    }
    this.#provider.setValue({
      runtime: this.#runtime,
      locale: toLocale(this.lang),
      policy: this.policy,
      addressSearch: this.addressSearch,
    });
  }
}
