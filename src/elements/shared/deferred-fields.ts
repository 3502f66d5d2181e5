import { html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { MessageArea } from '../../i18n/areas.ts';
import { LazyPart } from './lazy-part.ts';
import { MembershipElement } from './membership-element.ts';

/**
 * @summary Fields of a form whose elements' code is a chunk of its own (`load`: a dynamic import that
 * registers them), loaded when the fields are shown: `content` renders once it is in. Until then a
 * loading line, with `aria-busy="true"` on this element; when the code cannot be fetched (offline, CDN
 * error) an alert with 다시 시도 — the values stay with the host's form, which `content` renders from.
 *
 * Parts (`data-part`): `status` (loading), `failure`, `alert`, `retry` (as the wizard's step failure).
 *
 * @internal The wizard's details step renders its interest lists in it.
 */
export class DeferredFields extends MembershipElement {
  // The failure's words are the API's NETWORK_ERROR (the `errors` area).
  static override messages: readonly MessageArea[] = ['core', 'errors'];
  static override properties: PropertyDeclarations = {
    load: { attribute: false },
    ready: { attribute: false },
    content: { attribute: false },
    retrying: { state: true },
  };

  /** Fetches and registers the fields' elements; rejects when their code cannot be fetched. */
  declare load: () => Promise<unknown>;
  /** True when the fields' code is in already (prefetched): they render at once, with no loading line. */
  declare ready: (() => boolean) | undefined;
  /** The fields, rendered once `load` resolved (again on every change of it). */
  declare content: () => TemplateResult;
  /** 다시 시도 pressed: the failure stays shown (and the button focused) until the load ends. */
  declare private retrying: boolean;

  // Resolves `true`: a LazyPart value of undefined means a failed load.
  readonly #part = new LazyPart(this, () => this.load().then(() => true));

  constructor() {
    super();
    this.retrying = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // lit-html sets the properties of an element it renders before putting it into the page.
    if (this.load !== undefined && this.ready?.() !== true) void this.#part.load();
  }

  /** The fields can render: their code loaded through this element, or was in before it asked. */
  get #in(): boolean {
    const { status } = this.#part.state;
    return status === 'ready' || (status !== 'error' && !this.retrying && this.ready?.() === true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { status } = this.#part.state;
    if ((status === 'idle' || status === 'loading') && !this.retrying && !this.#in) this.setAttribute('aria-busy', 'true');
    else this.removeAttribute('aria-busy');
  }

  #retry = async (): Promise<void> => {
    if (this.retrying) return;
    this.retrying = true;
    const loaded = (await this.#part.retry()) !== undefined;
    this.retrying = false;
    if (!loaded) return;
    // The retry button is gone: focus goes to the first control of the fields, once they have rendered.
    await this.updateComplete;
    const inner = [...this.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('*')].filter((element) => element.updateComplete);
    await Promise.all(inner.map((element) => element.updateComplete));
    this.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  };

  protected override render(): TemplateResult {
    const { status } = this.#part.state;
    if (this.#in) return this.content();
    if (status === 'error' || this.retrying) {
      return html`<div data-part="failure">
        <p data-part="alert" role="alert">${this.messageFor('NETWORK_ERROR')}</p>
        <button type="button" data-part="button retry" aria-disabled=${this.retrying ? 'true' : 'false'} @click=${this.#retry}>${this.t('common.retry')}</button>
      </div>`;
    }
    return html`<p data-part="status">${this.t('common.loading')}</p>`;
  }
}
