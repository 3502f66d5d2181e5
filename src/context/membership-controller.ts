import type { ReactiveControllerHost } from 'lit';
import type { Locale } from '../i18n/locale.ts';
import type { MembershipPolicy } from '../rules/policy.ts';
import { siteConfigAddressSearch } from '../elements/shared/address-search/from-site-config.ts';
import type { AddressSearchAdapter, MembershipRuntime } from './runtime.ts';
import { SettingsController, type MembershipHostSettings } from './settings-controller.ts';
import { SiteConfigController, type SiteConfigOptions, type SiteConfigState } from './site-config-controller.ts';

export type { MembershipHostSettings } from './settings-controller.ts';
export type { SiteConfigState } from './site-config-controller.ts';

/**
 * An element's membership settings and its site's config, in one place for the element's code:
 * a {@link SettingsController} (where settings come from) and a {@link SiteConfigController}.
 */
export class MembershipController {
  readonly settings: SettingsController;
  readonly config: SiteConfigController;
  /** The site config's address search, kept while its URL stays (the field closes its panel on a new adapter). */
  #siteSearch: { url: string; adapter: AddressSearchAdapter } | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement & MembershipHostSettings, options: SiteConfigOptions = {}) {
    this.settings = new SettingsController(host);
    this.config = new SiteConfigController(host, () => this.settings.runtime, options);
  }

  get runtime(): MembershipRuntime | undefined {
    return this.settings.runtime;
  }

  get locale(): Locale {
    return this.settings.locale;
  }

  get siteConfig(): SiteConfigState {
    return this.config.state;
  }

  /** The field rules in force: the element's, the provider's, else the site's from the API. */
  get policy(): MembershipPolicy | undefined {
    const config = this.config.state;
    return this.settings.policy ?? (config.status === 'complete' ? (config.value.policy as MembershipPolicy) : undefined);
  }

  /** The element's or the provider's adapter, else the search the site's config names (site-API contract). */
  get addressSearch(): AddressSearchAdapter | undefined {
    const own = this.settings.addressSearch;
    const config = this.config.state;
    const runtime = this.runtime;
    if (own || config.status !== 'complete' || !config.value.addressSearch || !runtime) return own;
    const url = new URL(config.value.addressSearch.endpoint, new URL(runtime.apiBase, globalThis.location?.href)).href;
    if (this.#siteSearch?.url !== url) this.#siteSearch = { url, adapter: siteConfigAddressSearch(new URL(url)) };
    return this.#siteSearch.adapter;
  }

  /** Loads (or reloads after a failure) the site config; `fresh` asks again even while a request is out. */
  loadSiteConfig(fresh = false): Promise<void> {
    return this.config.load(fresh);
  }
}
