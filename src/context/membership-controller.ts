import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SiteConfig } from '../api/schemas.ts';
import { MembershipError } from '../api/errors.ts';
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

export type SiteConfigState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'complete'; value: SiteConfig }
  | { status: 'error'; error: MembershipError };

/**
 * Resolves an element's membership settings — its own attributes first, then the nearest
 * `<membership-provider>`, then the page's `lang` — and loads the site config once per runtime.
 */
export class MembershipController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement & MembershipHostSettings;
  #context: MembershipContextValue | undefined;
  #siteConfig: SiteConfigState = { status: 'idle' };
  #loadedFor: MembershipRuntime | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement & MembershipHostSettings) {
    this.#host = host;
    host.addController(this);
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

  get siteConfig(): SiteConfigState {
    return this.#siteConfig;
  }

  /** The field rules in force: the element's, the provider's, else the site's from the API. */
  get policy(): MembershipPolicy | undefined {
    const fromSite = this.#siteConfig.status === 'complete' ? (this.#siteConfig.value.policy as MembershipPolicy) : undefined;
    return this.#host.policy ?? this.#context?.policy ?? fromSite;
  }

  get addressSearch(): AddressSearchAdapter | undefined {
    return this.#host.addressSearch ?? this.#context?.addressSearch;
  }

  hostUpdate(): void {
    const runtime = this.runtime;
    if (runtime && runtime !== this.#loadedFor) void this.loadSiteConfig();
  }

  /** Loads (or reloads after a failure) the site config. */
  async loadSiteConfig(): Promise<void> {
    const runtime = this.runtime;
    if (!runtime) return;
    this.#loadedFor = runtime;
    this.#siteConfig = { status: 'pending' };
    this.#host.requestUpdate();
    try {
      const value = await runtime.siteConfig();
      if (this.#loadedFor === runtime) this.#siteConfig = { status: 'complete', value };
    } catch (error) {
      if (this.#loadedFor === runtime) {
        this.#siteConfig = { status: 'error', error: error instanceof MembershipError ? error : new MembershipError({ code: 'NETWORK_ERROR', cause: error }) };
      }
    }
    this.#host.requestUpdate();
  }
}
