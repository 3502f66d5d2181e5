// axe-core in the browser: the first check of every element state (no violations allowed).
import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';

declare global {
  interface Window {
    axe: { run(context: Element | Document, options?: RunOptions): Promise<AxeResults> };
  }
}

/** Fails with a readable list when axe finds any violation inside `element`. */
export async function expectAccessible(element: Element, options: RunOptions = {}): Promise<void> {
  const results = await window.axe.run(element, { resultTypes: ['violations'], ...options });
  if (results.violations.length === 0) return;
  const lines = results.violations.map((v) => `- ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  throw new Error(`axe found ${results.violations.length} violation(s):\n${lines.join('\n')}`);
}
