import { LitElement, type CSSResult, type PropertyDeclarations } from 'lit';
import { MembershipController } from '../../context/membership-controller.ts';
import type { AddressSearchAdapter } from '../../context/runtime.ts';
import type { MessageKey, MessageParams } from '../../i18n/catalogue.ts';
import type { MessageArea } from '../../i18n/areas.ts';
import { LocaleController } from '../../i18n/locale-controller.ts';
import type { MembershipPolicy } from '../../rules/policy.ts';
import { baseStyles } from './base-styles.ts';
import { StylesController } from './styles-controller.ts';
import { tokens } from './tokens.ts';

let instances = 0;

/**
 * Base of every membership element: renders into the light DOM (password managers, autofill and
 * labels need inputs in the document), and composes small controllers with one job each — settings
 * and site config ({@link MembershipController}), words ({@link LocaleController}), stylesheets
 * ({@link StylesController}) — plus the one event helper.
 */
export class MembershipElement extends LitElement {
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    site: {},
    locale: { attribute: 'lang' },
    policy: { attribute: false },
    addressSearch: { attribute: false },
  };

  /** Stylesheets adopted into the element's document or shadow root (not a shadow root of its own). */
  static sheets: CSSResult[] = [];
  /** The message areas (i18n/areas.ts) the element's own templates use: loaded before its first render. */
  static messages: readonly MessageArea[] = ['core'];

  /** Base URL of the membership API; wins over the provider's. */
  declare apiBase?: string;
  /** Site id of the calling site (unified membership); wins over the provider's. */
  declare site?: string;
  /** UI language (`ko` default, `en`); wins over the provider's and the page's. */
  declare locale?: string;
  /** Field rules for this element; default: the provider's, else the site's from the API. */
  declare policy?: MembershipPolicy;
  /** Address search adapter; default: the provider's, else the search the site config names. */
  declare addressSearch?: AddressSearchAdapter;

  /** Whether the first render waits for the site config; when not (the wizard), the request starts right after that render. */
  static waitsForSiteConfig = true;

  protected readonly membership = new MembershipController(this, { afterFirstRender: !(this.constructor as typeof MembershipElement).waitsForSiteConfig });
  protected readonly words = new LocaleController(this, () => this.membership.locale, () => this.messageAreas());
  /** Unique prefix for ids inside this instance (labels, descriptions). */
  protected readonly idPrefix = `mb${(instances += 1)}`;

  constructor() {
    super();
    new StylesController(this, () => [tokens, baseStyles, ...(this.constructor as typeof MembershipElement).sheets]);
  }

  /** The message areas shown now: the class's, plus (in the wizard) those of the steps loaded since. */
  protected messageAreas(): readonly MessageArea[] {
    return (this.constructor as typeof MembershipElement).messages;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('data-mb-root', '');
  }

  // The first render (and a render in a new language) waits for the catalogue, never shows keys.
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = this.words.pending();
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected t(key: MessageKey, params?: MessageParams): string {
    return this.words.t(key, params);
  }

  /** The user-facing message for an API error code or a field-rule code. */
  protected messageFor(code: string, params?: MessageParams): string {
    return this.words.messageFor(code, params);
  }

  /** Dispatches an event from this element; false when a listener cancelled it. */
  protected emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }
}

export { adoptSheets } from './styles-controller.ts';
