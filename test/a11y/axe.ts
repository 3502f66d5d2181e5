// axe-core inside the story's page: WCAG 2.0/2.1/2.2 A and AA plus best practices.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

/**
 * Rules about the whole host page, not the elements: a story canvas has no landmarks or page title
 * of its own, and the elements are placed inside the adopter's landmarks. Their absence in a story
 * says nothing about the elements (docs/accessibility.md).
 */
export const pageLevelRules = ['region', 'landmark-one-main', 'page-has-heading-one', 'document-title'];

export interface Violation {
  rule: string;
  impact: string;
  target: string;
  help: string;
}

export async function runAxe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const found = await page.evaluate(async ({ tags, off }) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      rules: Object.fromEntries(off.map((rule) => [rule, { enabled: false }])),
      resultTypes: ['violations'],
    });
    return results.violations.flatMap((violation) => violation.nodes.map((node) => ({
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      target: node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part))).join(' '),
      help: violation.help,
    })));
  }, { tags: axeTags, off: pageLevelRules });
  return found;
}
