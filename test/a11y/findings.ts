// One finding of any check, and the comparison with the known-findings list.
import type { KnownFinding } from './known.ts';

export interface Finding {
  /** Which check found it: axe, keyboard, reflow-320, zoom-200, text-spacing, forced-colors, announce, time-limit. */
  check: string;
  /** Story id (or journey name). */
  story: string;
  locale: string;
  /** axe rule id, or the check's own rule name. */
  rule: string;
  impact: string;
  target: string;
  detail: string;
}

function matches(pattern: string, value: string): boolean {
  return pattern.endsWith('*') ? value.startsWith(pattern.slice(0, -1)) : pattern === value;
}

export function isKnown(finding: Finding, known: KnownFinding): boolean {
  return known.check === finding.check && known.rule === finding.rule && matches(known.story, finding.story)
    && (known.locale === undefined || known.locale === finding.locale);
}

export function triage(findings: Finding[], known: readonly KnownFinding[]) {
  const unexpected = findings.filter((finding) => !known.some((entry) => isKnown(finding, entry)));
  const expected = findings.filter((finding) => known.some((entry) => isKnown(finding, entry)));
  const unused = known.filter((entry) => !findings.some((finding) => isKnown(finding, entry)));
  return { unexpected, expected, unused };
}
