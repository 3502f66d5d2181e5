import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MessageKey, MessageParams } from './catalogue.ts';
import { messageForCode } from './index.ts';
import type { MessageArea } from './areas.ts';
import { defaultLocale, type Locale } from './locale.ts';
import { isLocaleReady, loadLocale, onMessagesChange, translate, type MessagesChange } from './registry.ts';

/**
 * One job: the host's words. Loads the host's message areas in its locale before it renders, re-renders
 * when a catalogue part it shows arrives or a site overrides a message, and translates.
 */
export class LocaleController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #locale: () => Locale;
  #areas: () => readonly MessageArea[];
  #unsubscribe: (() => void) | undefined;
  #rendered: Locale | undefined;

  /** `areas`: the message areas the host shows now (areas.ts); they load before it renders. */
  constructor(host: ReactiveControllerHost & HTMLElement, locale: () => Locale, areas: () => readonly MessageArea[]) {
    this.#host = host;
    this.#locale = locale;
    this.#areas = areas;
    host.addController(this);
  }

  get locale(): Locale {
    return this.#locale();
  }

  hostConnected(): void {
    // An area it does not show, or another language, changes nothing it says: no render (a page with
    // several elements, or a wizard prefetching its steps' words, would otherwise redraw at each part).
    this.#unsubscribe = onMessagesChange((change) => {
      if (!change || this.#shows(change)) this.#host.requestUpdate();
    });
  }

  /** Whether the part that arrived holds words this host shows: its language's, or the Korean beneath it. */
  #shows({ locale, part }: MessagesChange): boolean {
    return (locale === this.#locale() || locale === defaultLocale) && (part === 'all' || this.#areas().includes(part));
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** A promise to wait on before rendering while the locale's catalogue loads; undefined when ready. */
  pending(): Promise<void> | undefined {
    const locale = this.#locale();
    const areas = this.#areas();
    if (isLocaleReady(locale, areas)) return undefined;
    // A catalogue that fails to load (offline) leaves Korean or the keys; the next update tries again.
    return loadLocale(locale, areas).catch((error: unknown) => console.error('membership-elements: messages not loaded', error));
  }

  hostUpdated(): void {
    const locale = this.#locale();
    // Areas a host adds after its first render (areas.ts afterFirstRenderMessages) start loading in the
    // next task, beside its other requests, rather than when it next renders.
    if (this.#rendered === undefined) setTimeout(() => void this.pending());
    if (this.#rendered !== undefined && this.#rendered !== locale) {
      // Inner elements take their language from this one: tell them it changed.
      for (const inner of this.#host.querySelectorAll<HTMLElement & ReactiveControllerHost>('[data-mb-root]')) inner.requestUpdate();
    }
    this.#rendered = locale;
  }

  t(key: MessageKey, params?: MessageParams): string {
    return translate(this.#locale(), key, params);
  }

  /** The user-facing message for an API error code or a field-rule code. */
  messageFor(code: string, params?: MessageParams): string {
    return messageForCode(this.#locale(), code, params);
  }
}
