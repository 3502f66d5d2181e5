// The `--mb-*` theme tokens as Storybook controls, applied to a wrapper with CSSOM
// (`element.style.setProperty`) — never a `style` attribute in a template: the elements run under a
// strict Content-Security-Policy that blocks style attributes (docs/toolchain.md, Strict CSP with Lit).
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { ArgTypes, Decorator } from '@storybook/web-components-vite';
import { tokenNames, tokens } from '../../src/elements/shared/tokens.ts';

export type TokenArgs = Record<string, string>;

/** The declarations of the first block in the token sheet whose selector contains `selector`. */
function declarations(selector: string): TokenArgs {
  const text = tokens.cssText;
  const start = text.indexOf('{', text.indexOf(selector));
  const end = text.indexOf('}', start);
  const values: TokenArgs = {};
  for (const match of text.slice(start + 1, end).matchAll(/(--mb-[\w-]+)\s*:\s*([^;]+);/g)) values[match[1]!] = match[2]!.trim();
  return values;
}

/** The default (light) value of every token, as the library ships it. */
export const lightTokens: TokenArgs = declarations(':where(:root)');
/** The library's dark values (used under `prefers-color-scheme: dark`), over the light ones. */
export const darkTokens: TokenArgs = { ...lightTokens, ...declarations(":where(:root:not([data-mb-theme='light']))") };

const isColor = (name: string) => name.startsWith('--mb-color-');

/** One control per token: a color picker for colours, a text box for the rest (sizes, fonts, shadows). */
export const tokenArgTypes: Partial<ArgTypes<TokenArgs>> = Object.fromEntries(
  tokenNames.map((name) => [
    name,
    {
      name,
      control: isColor(name) ? { type: 'color' } : { type: 'text' },
      description: `\`${name}\` — default \`${lightTokens[name] ?? ''}\`${darkTokens[name] !== lightTokens[name] ? `, dark \`${darkTokens[name]}\`` : ''}`,
      table: { category: isColor(name) ? 'Colours' : name.includes('space') ? 'Spacing' : 'Type, shape, size' },
    },
  ]),
);

/** Sets every token on the wrapper (CSSOM); an emptied control falls back to the library's value. */
function applyTokens(element: HTMLElement, args: TokenArgs, colorScheme: 'light' | 'dark'): void {
  for (const name of tokenNames) {
    const value = args[name]?.trim();
    if (value) element.style.setProperty(name, value);
    else element.style.removeProperty(name);
  }
  // The wrapper paints the surface the tokens describe, so a dark theme is seen on a dark page.
  element.style.setProperty('display', 'block');
  element.style.setProperty('padding', 'var(--mb-space-6)');
  element.style.setProperty('background-color', 'var(--mb-color-surface)');
  element.style.setProperty('color', 'var(--mb-color-text)');
  element.style.setProperty('color-scheme', colorScheme);
}

/** Applies the story's token args to a wrapper around it; `parameters.colorScheme: 'dark'` for dark themes. */
export const withTokens: Decorator<TokenArgs> = (story, { args, parameters }) => {
  const scheme = parameters['colorScheme'] === 'dark' ? 'dark' : 'light';
  return html`<div data-theme-scope ${ref((element) => element && applyTokens(element as HTMLElement, args, scheme))}>${story()}</div>`;
};
