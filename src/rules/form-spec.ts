/**
 * A member form described as data: which fields it has, which are required, which rule judges each,
 * and the checks across fields. `checkForm` judges a form from it with plain code, so the elements'
 * flows validate without loading zod; `formSchema` (form-fields.ts) turns the same description into
 * the public zod/mini schema. One description, two readers: properties.test.ts proves they agree.
 */
import { checkAddress, type AddressInput } from './address.ts';
import { isBlank } from './digits.ts';
import { isRuleErrorCode, type RuleErrorCode } from './error-codes.ts';
import { checkInterestItems, checkInterestRegions, type InterestItemRow } from './interests.ts';
import type { RuleIssue } from './issue.ts';
import type { InterestLimits } from './policy.ts';

type Rule = (value: string) => RuleErrorCode | readonly RuleErrorCode[] | null;

/** One field of a form; `T` is the value it gives when valid (the type of the schema's output). */
export type FieldSpec<T = unknown> = (
  | { readonly kind: 'text'; readonly required: boolean; readonly requiredCode: RuleErrorCode; readonly rule: Rule }
  | { readonly kind: 'plain'; readonly required: boolean; readonly requiredCode: RuleErrorCode }
  | { readonly kind: 'choice'; readonly required: boolean; readonly values: readonly [string, ...string[]] }
  | { readonly kind: 'yesNo'; readonly required: boolean }
  | { readonly kind: 'address'; readonly required: boolean }
  | { readonly kind: 'interestItems'; readonly limits: InterestLimits }
  | { readonly kind: 'interestRegions'; readonly limits: InterestLimits }
) & { readonly output?: T };

/** A string that must be there; `rule` reports blank values itself (its REQUIRED code). */
export const requiredText = (requiredCode: RuleErrorCode, rule: Rule): FieldSpec<string> => ({ kind: 'text', required: true, requiredCode, rule });
/** A string that may be absent or blank; anything typed must pass `rule`. */
export const optionalText = (rule: Rule): FieldSpec<string | undefined> => ({ kind: 'text', required: false, requiredCode: 'FIELD_TYPE_INVALID', rule });
/** Required or optional by the policy. */
export const text = (required: boolean, requiredCode: RuleErrorCode, rule: Rule): FieldSpec<string | undefined> => ({ kind: 'text', required, requiredCode, rule });
/** A plain string whose rules run at the form level (cross-field). */
export function plain(requiredCode: RuleErrorCode, required?: true): FieldSpec<string>;
export function plain(requiredCode: RuleErrorCode, required: boolean): FieldSpec<string | undefined>;
export function plain(requiredCode: RuleErrorCode, required = true): FieldSpec {
  return { kind: 'plain', required, requiredCode };
}
/** A select or radio group: one of `values`, no default. */
export function choice<const V extends readonly [string, ...string[]]>(values: V, required?: true): FieldSpec<V[number]>;
export function choice<const V extends readonly [string, ...string[]]>(values: V, required: boolean): FieldSpec<V[number] | undefined>;
export function choice(values: readonly [string, ...string[]], required = true): FieldSpec {
  return { kind: 'choice', required, values };
}
/** A yes/no radio pair: a boolean, no default. */
export function yesNo(required?: true): FieldSpec<boolean>;
export function yesNo(required: boolean): FieldSpec<boolean | undefined>;
export function yesNo(required = true): FieldSpec {
  return { kind: 'yesNo', required };
}
/** The address block; when not required it may be absent or entirely blank. */
export const address = (required: boolean): FieldSpec<AddressInput | undefined> => ({ kind: 'address', required });
/** Interest item rows (added/removed by the user); absent means none. */
export const interestItems = (limits: InterestLimits): FieldSpec<InterestItemRow[] | undefined> => ({ kind: 'interestItems', limits });
/** Interest regions as ISO 3166-1 alpha-2 codes; absent means none. */
export const interestRegions = (limits: InterestLimits): FieldSpec<string[] | undefined> => ({ kind: 'interestRegions', limits });

export interface FormSpec<Fields extends Record<string, FieldSpec> = Record<string, FieldSpec>> {
  readonly fields: Fields;
  /** Checks across fields (password against the ID and its confirmation); run even when a field failed. */
  readonly check?: (form: unknown) => readonly RuleIssue<RuleErrorCode>[];
}

/** The value of a valid form. */
export type FormOutput<Fields extends Record<string, FieldSpec>> = { [K in keyof Fields]: Fields[K] extends FieldSpec<infer T> ? T : never };

export interface FormFieldError {
  /** Dotted path: `loginId`, `address.postcode`, `interestItems.0.nameEn`. */
  readonly field: string;
  readonly code: RuleErrorCode;
}

/** The string at `key` of a possibly malformed form value (cross-field rules run even when a field failed). */
export function stringAt(form: unknown, key: string): string | undefined {
  const value = isRecord(form) ? form[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const codesOf = (codes: RuleErrorCode | readonly RuleErrorCode[] | null): readonly RuleErrorCode[] => (codes === null ? [] : typeof codes === 'string' ? [codes] : codes);

type Issue = RuleIssue<RuleErrorCode>;
const at = (path: readonly (string | number)[], code: RuleErrorCode): Issue => ({ path, code });

/** A string part: missing gives `missing` (when required), another type FIELD_TYPE_INVALID. */
function stringPart(value: unknown, path: readonly (string | number)[], missing: RuleErrorCode | undefined): Issue[] {
  if (value === undefined) return missing ? [at(path, missing)] : [];
  return typeof value === 'string' ? [] : [at(path, 'FIELD_TYPE_INVALID')];
}

const within = (prefix: readonly (string | number)[], issues: readonly Issue[]): Issue[] => issues.map((issue) => at([...prefix, ...issue.path], issue.code));

/** The problems of one field (its own rule runs only on a value of the right shape, as zod's checks do). */
function checkField(spec: FieldSpec, value: unknown, path: readonly (string | number)[]): Issue[] {
  switch (spec.kind) {
    case 'text':
    case 'plain': {
      const shape = stringPart(value, path, spec.required ? spec.requiredCode : undefined);
      if (shape.length > 0 || typeof value !== 'string' || spec.kind === 'plain') return shape;
      if (!spec.required && isBlank(value)) return [];
      return codesOf(spec.rule(value)).map((code) => at(path, code));
    }
    case 'choice':
      if (value === undefined) return spec.required ? [at(path, 'CHOICE_REQUIRED')] : [];
      return spec.values.includes(value as string) ? [] : [at(path, 'CHOICE_INVALID')];
    case 'yesNo':
      if (value === undefined) return spec.required ? [at(path, 'CHOICE_REQUIRED')] : [];
      return typeof value === 'boolean' ? [] : [at(path, 'CHOICE_INVALID')];
    case 'address': {
      if (value === undefined) return spec.required ? [at(path, 'ADDRESS_REQUIRED')] : [];
      if (!isRecord(value)) return [at(path, 'FIELD_TYPE_INVALID')];
      const shape = [
        ...stringPart(value.postcode, [...path, 'postcode'], 'ADDRESS_POSTCODE_REQUIRED'),
        ...stringPart(value.base, [...path, 'base'], 'ADDRESS_BASE_REQUIRED'),
        ...stringPart(value.detail, [...path, 'detail'], 'FIELD_TYPE_INVALID'),
        ...(['extra', 'jibun', 'english'] as const).flatMap((key) => stringPart(value[key], [...path, key], undefined)),
      ];
      return shape.length > 0 ? shape : within(path, checkAddress(value as unknown as AddressInput, { required: spec.required }));
    }
    case 'interestItems': {
      if (value === undefined) return [];
      if (!Array.isArray(value)) return [at(path, 'FIELD_TYPE_INVALID')];
      const shape = value.flatMap((row: unknown, index): Issue[] => {
        if (!isRecord(row)) return [at([...path, index], 'FIELD_TYPE_INVALID')];
        return [
          ...stringPart(row.nameKo, [...path, index, 'nameKo'], 'FIELD_TYPE_INVALID'),
          ...stringPart(row.nameEn, [...path, index, 'nameEn'], 'FIELD_TYPE_INVALID'),
          ...stringPart(row.productCode, [...path, index, 'productCode'], undefined),
        ];
      });
      return shape.length > 0 ? shape : within(path, checkInterestItems(value as InterestItemRow[], spec.limits));
    }
    case 'interestRegions': {
      if (value === undefined) return [];
      if (!Array.isArray(value)) return [at(path, 'FIELD_TYPE_INVALID')];
      const shape = value.flatMap((region: unknown, index) => stringPart(region, [...path, index], 'FIELD_TYPE_INVALID'));
      return shape.length > 0 ? shape : within(path, checkInterestRegions(value as string[], spec.limits));
    }
  }
}

/** Issues as `{ field, code }` pairs, without repeats, unknown codes as FIELD_TYPE_INVALID. */
export function fieldErrorsOf(issues: Iterable<{ readonly path: readonly PropertyKey[]; readonly code: string }>): FormFieldError[] {
  const seen = new Set<string>();
  const errors: FormFieldError[] = [];
  for (const issue of issues) {
    const field = issue.path.map((key) => String(key)).join('.');
    const code = isRuleErrorCode(issue.code) ? issue.code : 'FIELD_TYPE_INVALID';
    if (seen.has(`${field}\n${code}`)) continue;
    seen.add(`${field}\n${code}`);
    errors.push({ field, code });
  }
  return errors;
}

/** Every problem of a form, in field order, then the checks across fields; [] when it is valid. */
export function checkForm(spec: FormSpec, form: unknown): FormFieldError[] {
  const issues: Issue[] = [];
  if (!isRecord(form)) issues.push(at([], 'FIELD_TYPE_INVALID'));
  else for (const [key, field] of Object.entries(spec.fields)) issues.push(...checkField(field, form[key], [key]));
  if (spec.check) issues.push(...spec.check(form));
  return fieldErrorsOf(issues);
}
