import type { CSSResult, ReactiveController, ReactiveControllerHost } from 'lit';

/** One job: adopt the host's stylesheets into the document or shadow root it is connected to. */
export class StylesController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #sheets: () => readonly CSSResult[];

  constructor(host: ReactiveControllerHost & HTMLElement, sheets: () => readonly CSSResult[]) {
    this.#host = host;
    this.#sheets = sheets;
    host.addController(this);
  }

  hostConnected(): void {
    adoptSheets(this.#host, this.#sheets());
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
