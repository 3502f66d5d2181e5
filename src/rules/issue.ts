/** A problem inside a compound value (address, interest rows): where, relative to the value, and which code. */
export interface RuleIssue<Code extends string = string> {
  readonly path: readonly (string | number)[];
  readonly code: Code;
}
