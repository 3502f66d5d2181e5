/**
 * The zod/mini reader of a form spec (form-spec.ts): each field kind becomes the zod field that gives
 * the same problems as `checkForm`, and each issue's `message` is an error code at the field's `path`.
 * Only the public schemas (forms.ts, company-form.ts) load this; the elements judge with `checkForm`.
 */
import * as z from 'zod/mini';
import { checkAddress } from './address.ts';
import { isBlank } from './digits.ts';
import type { RuleErrorCode } from './error-codes.ts';
import { fieldErrorsOf, type FieldSpec, type FormFieldError, type FormOutput, type FormSpec } from './form-spec.ts';
import { checkInterestItems, checkInterestRegions } from './interests.ts';
import type { RuleIssue } from './issue.ts';
import type { InterestLimits } from './policy.ts';

export type { FormFieldError } from './form-spec.ts';

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

interface ParseResult {
  readonly success: boolean;
  readonly error?: { readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[] };
}

/** A schema's `safeParse` result as `{ field, code }` pairs, without repeats; [] on success. */
export function fieldErrors(result: ParseResult): FormFieldError[] {
  return fieldErrorsOf((result.error?.issues ?? []).map((issue) => ({ path: issue.path, code: issue.message })));
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

function fieldSchema(spec: FieldSpec) {
  switch (spec.kind) {
    case 'text':
      return spec.required ? requiredField(spec.requiredCode, spec.rule) : optionalField(spec.rule);
    case 'plain':
      return spec.required ? plainString(spec.requiredCode) : z.optional(plainString(spec.requiredCode));
    case 'choice':
      return spec.required ? choiceField(spec.values) : z.optional(choiceField(spec.values));
    case 'yesNo':
      return spec.required ? yesNoField() : z.optional(yesNoField());
    case 'address':
      return addressField(spec.required);
    case 'interestItems':
      return interestItemsField(spec.limits);
    case 'interestRegions':
      return interestRegionsField(spec.limits);
  }
}

/** The zod/mini schema of a form spec: the same problems as `checkForm(spec, form)`, and a typed output. */
export function formSchema<Fields extends Record<string, FieldSpec>>(spec: FormSpec<Fields>): z.ZodMiniType<FormOutput<Fields>> {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const [key, field] of Object.entries(spec.fields)) shape[key] = fieldSchema(field);
  const object = z.object(shape, { error: 'FIELD_TYPE_INVALID' });
  const check = spec.check;
  // Run even when another field has the wrong type, so the user sees every problem at once.
  const schema = check ? object.check(z.superRefine((form, ctx) => reportIssues(ctx, form, check(form)), { when: () => true })) : object;
  return schema as unknown as z.ZodMiniType<FormOutput<Fields>>;
}
