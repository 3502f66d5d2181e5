/**
 * Building blocks that turn the rule functions into zod/mini fields: the rules stay the one place a
 * field is judged, and each issue's `message` is an error code at the field's `path`.
 */
import * as z from 'zod/mini';
import { checkAddress } from './address.ts';
import { isBlank } from './digits.ts';
import { isRuleErrorCode, type RuleErrorCode } from './error-codes.ts';
import { checkInterestItems, checkInterestRegions } from './interests.ts';
import type { RuleIssue } from './issue.ts';
import type { InterestLimits } from './policy.ts';

type Rule<Code extends string> = (value: string) => Code | readonly Code[] | null;

interface IssueSink {
  addIssue(issue: { code: 'custom'; message: string; input: unknown; path?: PropertyKey[] }): void;
}

export function report(ctx: IssueSink, input: unknown, codes: string | readonly string[] | null, path?: PropertyKey[]): void {
  if (codes === null) return;
  for (const message of typeof codes === 'string' ? [codes] : codes) {
    ctx.addIssue({ code: 'custom', message, input, ...(path === undefined ? {} : { path }) });
  }
}

export function reportIssues(ctx: IssueSink, input: unknown, issues: readonly RuleIssue[]): void {
  for (const issue of issues) report(ctx, input, issue.code, [...issue.path]);
}

/** Missing → the field's REQUIRED code; any other non-string is a malformed payload. */
export function typeError(requiredCode: RuleErrorCode) {
  return (issue: { readonly input?: unknown }): RuleErrorCode =>
    issue.input === undefined ? requiredCode : 'FIELD_TYPE_INVALID';
}

/** A string that must be there; `rule` reports blank values itself (its REQUIRED code). */
export function requiredField<Code extends RuleErrorCode>(requiredCode: Code, rule: Rule<Code>) {
  return z.string({ error: typeError(requiredCode) }).check(
    z.superRefine((value, ctx) => report(ctx, value, rule(value))),
  );
}

/** A string that may be absent or blank; anything typed must pass `rule`. */
export function optionalField<Code extends RuleErrorCode>(rule: Rule<Code>) {
  return z.optional(
    z.string({ error: 'FIELD_TYPE_INVALID' }).check(
      z.superRefine((value, ctx) => {
        if (!isBlank(value)) report(ctx, value, rule(value));
      }),
    ),
  );
}

export function field<Code extends RuleErrorCode>(required: boolean, requiredCode: Code, rule: Rule<Code>) {
  return required ? requiredField(requiredCode, rule) : optionalField(rule);
}

/** A plain string whose rules run at the form level (cross-field). */
export function plainString(requiredCode: RuleErrorCode) {
  return z.string({ error: typeError(requiredCode) });
}

const choiceError = (issue: { readonly input?: unknown }): RuleErrorCode =>
  issue.input === undefined ? 'CHOICE_REQUIRED' : 'CHOICE_INVALID';

/** A select or radio group: one of `values`, no default. */
export function choiceField<const Values extends readonly [string, ...string[]]>(values: Values) {
  return z.enum(values, { error: choiceError });
}

/** A yes/no radio pair: a boolean, no default. */
export function yesNoField() {
  return z.boolean({ error: choiceError });
}

/** The string at `key` of a possibly malformed form value (cross-field rules run even when a field failed). */
export function stringAt(form: unknown, key: string): string | undefined {
  const value = typeof form === 'object' && form !== null ? (form as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

export interface FormFieldError {
  /** Dotted path: `loginId`, `address.postcode`, `interestItems.0.nameEn`. */
  readonly field: string;
  readonly code: RuleErrorCode;
}

interface ParseResult {
  readonly success: boolean;
  readonly error?: { readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[] };
}

/** A schema's `safeParse` result as `{ field, code }` pairs, without repeats; [] on success. */
export function fieldErrors(result: ParseResult): FormFieldError[] {
  const seen = new Set<string>();
  const errors: FormFieldError[] = [];
  for (const issue of result.error?.issues ?? []) {
    const field = issue.path.map((key) => String(key)).join('.');
    const code = isRuleErrorCode(issue.message) ? issue.message : 'FIELD_TYPE_INVALID';
    if (seen.has(`${field}\n${code}`)) continue;
    seen.add(`${field}\n${code}`);
    errors.push({ field, code });
  }
  return errors;
}

const part = (requiredCode: RuleErrorCode) => z.string({ error: typeError(requiredCode) });

/** The address block; when not required it may be absent or entirely blank. */
export function addressField(required: boolean) {
  const address = z
    .object(
      {
        postcode: part('ADDRESS_POSTCODE_REQUIRED'),
        base: part('ADDRESS_BASE_REQUIRED'),
        detail: part('FIELD_TYPE_INVALID'),
        extra: z.optional(part('FIELD_TYPE_INVALID')),
        jibun: z.optional(part('FIELD_TYPE_INVALID')),
        english: z.optional(part('FIELD_TYPE_INVALID')),
      },
      { error: typeError('ADDRESS_REQUIRED') },
    )
    .check(z.superRefine((value, ctx) => reportIssues(ctx, value, checkAddress(value, { required }))));
  return required ? address : z.optional(address);
}

/** Interest item rows (added/removed by the user); absent means none. */
export function interestItemsField(limits: InterestLimits) {
  const row = z.object(
    {
      nameKo: part('FIELD_TYPE_INVALID'),
      nameEn: part('FIELD_TYPE_INVALID'),
      productCode: z.optional(part('FIELD_TYPE_INVALID')),
    },
    { error: 'FIELD_TYPE_INVALID' },
  );
  return z.optional(
    z
      .array(row, { error: 'FIELD_TYPE_INVALID' })
      .check(z.superRefine((rows, ctx) => reportIssues(ctx, rows, checkInterestItems(rows, limits)))),
  );
}

/** Interest regions as ISO 3166-1 alpha-2 codes; absent means none. */
export function interestRegionsField(limits: InterestLimits) {
  return z.optional(
    z
      .array(part('FIELD_TYPE_INVALID'), { error: 'FIELD_TYPE_INVALID' })
      .check(z.superRefine((regions, ctx) => reportIssues(ctx, regions, checkInterestRegions(regions, limits)))),
  );
}
