import { html, type TemplateResult } from 'lit';

/** Heading levels an embedded element may use, so its headings fit the page's outline. */
export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/** `heading-level` attribute values 2–6; anything else is 2. */
export function toHeadingLevel(value: unknown): HeadingLevel {
  const level = Number(value);
  return level >= 2 && level <= 6 && Number.isInteger(level) ? (level as HeadingLevel) : 2;
}

/**
 * A step's heading: focus target after a step change (`tabindex="-1"`). One template per level rather
 * than lit/static-html's tag literals: the same markup without that module in the element's first code.
 */
export function stepHeading(level: HeadingLevel, id: string, text: string): TemplateResult {
  switch (level) {
    case 3:
      return html`<h3 id=${id} tabindex="-1" data-step-heading>${text}</h3>`;
    case 4:
      return html`<h4 id=${id} tabindex="-1" data-step-heading>${text}</h4>`;
    case 5:
      return html`<h5 id=${id} tabindex="-1" data-step-heading>${text}</h5>`;
    case 6:
      return html`<h6 id=${id} tabindex="-1" data-step-heading>${text}</h6>`;
    default:
      return html`<h2 id=${id} tabindex="-1" data-step-heading>${text}</h2>`;
  }
}
