import { LitElement, type CSSResult, type PropertyDeclarations } from 'lit';
import { MembershipController } from '../../context/membership-controller.ts';
import type { AddressSearchAdapter } from '../../context/runtime.ts';
import { messageForCode, translate, type MessageKey, type MessageParams } from '../../i18n/index.ts';
import type { MembershipPolicy } from '../../rules/policy.ts';
import { baseStyles } from './base-styles.ts';
import { tokens } from './tokens.ts';

let instances = 0;

/**
 * Base of every membership element: renders into the light DOM (password managers, autofill and
 * labels need inputs in the document — DESIGN.md decision 1), adopts its stylesheets into its root
 * node, resolves settings through {@link MembershipController}, translates, and emits events.
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

  /** Base URL of the membership API; wins over the provider's. */
  declare apiBase?: string;
  /** Site id of the calling site (unified membership); wins over the provider's. */
  declare site?: string;
  /** UI language (`ko` default, `en`); wins over the provider's and the page's. */
  declare locale?: string;
  /** Field rules for this element; default: the provider's, else the site's from the API. */
  declare policy?: MembershipPolicy;
  /** Address search adapter; default: the provider's. */
  declare addressSearch?: AddressSearchAdapter;

  protected readonly membership = new MembershipController(this);
  /** Unique prefix for ids inside this instance (labels, descriptions). */
  protected readonly idPrefix = `mb${(instances += 1)}`;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('data-mb-root', '');
    adoptSheets(this, [tokens, baseStyles, ...(this.constructor as typeof MembershipElement).sheets]);
  }

  protected t(key: MessageKey, params?: MessageParams): string {
    return translate(this.membership.locale, key, params);
  }

  /** The user-facing message for an API error code or a field-rule code. */
  protected messageFor(code: string, params?: MessageParams): string {
    return messageForCode(this.membership.locale, code, params);
  }

  /** Dispatches an event from this element; false when a listener cancelled it. */
  protected emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }
}

/** Adopts sheets into the node's document or shadow root once (CSP-safe: no style elements). */
export function adoptSheets(node: Node, results: readonly CSSResult[]): void {
  const root = node.getRootNode() as Document | ShadowRoot;
  if (!('adoptedStyleSheets' in root)) return;
  const sheets = results.map((result) => result.styleSheet).filter((sheet): sheet is CSSStyleSheet => sheet !== undefined);
  const missing = sheets.filter((sheet) => !root.adoptedStyleSheets.includes(sheet));
  if (missing.length > 0) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...missing];
}
