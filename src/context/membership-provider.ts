import { ContextProvider } from '@lit/context';
import { LitElement, type PropertyValues, type PropertyDeclarations } from 'lit';
import type { MembershipClient } from '../api/client.ts';
import { toLocale } from '../i18n/locale.ts';
import type { MembershipPolicy } from '../rules/policy.ts';
import { membershipContext } from './context.ts';
import { runtimeFor, type AddressSearchAdapter, type MembershipRuntime } from './runtime.ts';

/**
 * Shares one membership configuration with every element inside it: API base URL, site id,
 * language, field policy and adapters. Each element may still override any of them itself. It draws
 * nothing (`display: contents`), so the `--mb-*` tokens set on it reach every element inside.
 *
 * @tag membership-provider
 * @summary Configuration (API, site, language, policy, adapters) for the membership elements inside it.
 *
 * @property {MembershipPolicy | undefined} policy - Field rules for every element inside; default: the site's, from the API.
 * @property {AddressSearchAdapter | undefined} addressSearch - Address search for every element inside, e.g. `kakaoPostcodeAdapter({ mode: 'popup' })`; without one the address is typed by hand.
 *
 * @slot - The membership elements sharing this configuration.
 *
 * @cssprop --mb-font-family - Font of every text.
 * @cssprop --mb-font-size - Body text size.
 * @cssprop --mb-font-size-small - Hints, statuses, errors, labels in the review.
 * @cssprop --mb-font-size-title - Step and section headings.
 * @cssprop --mb-line-height - Line height of text.
 * @cssprop --mb-color-text - Text.
 * @cssprop --mb-color-text-subtle - Secondary text: hints, statuses, review labels.
 * @cssprop --mb-color-surface - Background of fields, cards and buttons.
 * @cssprop --mb-color-surface-subtle - Background of notices, terms text and secondary panels.
 * @cssprop --mb-color-border - Borders of fields and cards, separators.
 * @cssprop --mb-color-border-strong - Borders of controls that need more contrast (checkboxes, radios).
 * @cssprop --mb-color-primary - Primary buttons, links, checked choices, the current step.
 * @cssprop --mb-color-primary-hover - Primary buttons on hover.
 * @cssprop --mb-color-on-primary - Text on primary buttons.
 * @cssprop --mb-color-danger - Errors and invalid fields.
 * @cssprop --mb-color-danger-surface - Background of alerts.
 * @cssprop --mb-color-success - Success statuses (ID available, identity verified).
 * @cssprop --mb-color-success-surface - Background of success statuses.
 * @cssprop --mb-color-focus - Colour of the focus outline (and of the default halo around it).
 * @cssprop --mb-radius - Corner radius of fields, buttons and cards.
 * @cssprop --mb-radius-small - Corner radius of small controls and tags.
 * @cssprop --mb-space-1 - Spacing, smallest step (gaps inside a field).
 * @cssprop --mb-space-2 - Spacing, second step.
 * @cssprop --mb-space-3 - Spacing, third step.
 * @cssprop --mb-space-4 - Spacing, fourth step (between fields).
 * @cssprop --mb-space-6 - Spacing, sixth step (between sections).
 * @cssprop --mb-space-8 - Spacing, largest step.
 * @cssprop --mb-control-height - Minimum height of inputs and buttons.
 * @cssprop --mb-focus-ring - Halo around the focus outline (a box-shadow value, `none` for none; forced colors keep only the outline).
 * @cssprop --mb-max-width - Maximum width of the forms.
 *
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
  /** UI language of the elements inside (`ko`, `en`). It is also the `lang` of this subtree; unset, the page's `lang` applies. */
  declare lang: string;
  declare policy?: MembershipPolicy;
  declare addressSearch?: AddressSearchAdapter;
  /** A client of your own (custom fetch, timeouts); default: one per API base and site. */
  declare client?: MembershipClient;

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
