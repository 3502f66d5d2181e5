import { ContextConsumer } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { defaultLocale, toLocale, type Locale } from '../i18n/locale.ts';
import type { MembershipPolicy } from '../rules/policy.ts';
import { membershipContext, type MembershipContextValue } from './context.ts';
import { runtimeFor, type AddressSearchAdapter, type MembershipRuntime } from './runtime.ts';

/** Settings an element takes itself; each wins over the provider's. */
export interface MembershipHostSettings {
  apiBase?: string | undefined;
  site?: string | undefined;
  locale?: string | undefined;
  policy?: MembershipPolicy | undefined;
  addressSearch?: AddressSearchAdapter | undefined;
}

type SettingsHost = ReactiveControllerHost & HTMLElement & MembershipHostSettings;

/**
 * One job: where each setting comes from — the element's own attributes first, then the nearest
 * `<membership-provider>`, then the page's `lang`.
 */
export class SettingsController {
  #host: SettingsHost;
  #context: MembershipContextValue | undefined;

  constructor(host: SettingsHost) {
    this.#host = host;
    new ContextConsumer(host, {
      context: membershipContext,
      subscribe: true,
      callback: (value) => {
        this.#context = value;
        host.requestUpdate();
      },
    });
  }

  get runtime(): MembershipRuntime | undefined {
    const host = this.#host;
    if (host.apiBase || host.site) {
      const apiBase = host.apiBase ?? this.#context?.runtime?.apiBase;
      const siteId = host.site ?? this.#context?.runtime?.siteId;
      return apiBase && siteId ? runtimeFor(apiBase, siteId) : undefined;
    }
    return this.#context?.runtime;
  }

  get locale(): Locale {
    return (
      toLocale(this.#host.locale) ??
      this.#context?.locale ??
      toLocale(this.#host.closest('[lang]')?.getAttribute('lang')) ??
      defaultLocale
    );
  }

  /** The element's or the provider's policy (the site's from the API is the fallback, elsewhere). */
  get policy(): MembershipPolicy | undefined {
    return this.#host.policy ?? this.#context?.policy;
  }

  get addressSearch(): AddressSearchAdapter | undefined {
    return this.#host.addressSearch ?? this.#context?.addressSearch;
  }
}
