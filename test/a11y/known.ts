// Findings the suite reports but does not fail on, because their fix is scheduled and owned by
// another branch. Each entry names the check, the story (an id, or a prefix ending in `*`), the rule,
// why it happens and which issue item fixes it. Empty this list as the fixes land: an entry that no
// longer matches anything is printed as "stale" at the end of a run.
export interface KnownFinding {
  check: string;
  story: string;
  locale?: 'ko' | 'en';
  rule: string;
  why: string;
  fixedBy: string;
}

export const known: readonly KnownFinding[] = [];
