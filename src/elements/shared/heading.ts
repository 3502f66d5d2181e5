import type { TemplateResult } from 'lit';
import { html, literal, type StaticValue } from 'lit/static-html.js';

/** Heading levels an embedded element may use, so its headings fit the page's outline. */
export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

// Fixed tag names only: no markup is ever built from data.
const tags: Record<HeadingLevel, StaticValue> = { 2: literal`h2`, 3: literal`h3`, 4: literal`h4`, 5: literal`h5`, 6: literal`h6` };

/** `heading-level` attribute values 2–6; anything else is 2. */
export function toHeadingLevel(value: unknown): HeadingLevel {
  const level = Number(value);
  return level >= 2 && level <= 6 && Number.isInteger(level) ? (level as HeadingLevel) : 2;
}

/** A step's heading: focus target after a step change (`tabindex="-1"`). */
export function stepHeading(level: HeadingLevel, id: string, text: string): TemplateResult {
  const tag = tags[level];
  return html`<${tag} id=${id} tabindex="-1" data-step-heading>${text}</${tag}>`;
}
