/**
 * Interest items (관심품목: name KR/EN, optional product code) and interest regions (관심지역: countries).
 * Country names are the UI's job (`Intl.DisplayNames`); here a region is an ISO 3166-1 alpha-2 code.
 */
import { isBlank, parseDigits } from './digits.ts';
import type { RuleIssue } from './issue.ts';
import { fieldMaxLengths } from './limits.ts';
import type { InterestLimits } from './policy.ts';
import { checkEnglishText, checkText, type TextError } from './text.ts';

export interface InterestItemRow {
  readonly nameKo: string;
  readonly nameEn: string;
  /** KOTRA product code / HS code: 4–10 digits, dots and spaces allowed (`8541.40`). */
  readonly productCode?: string;
}

export const interestErrorCodes = [
  'INTEREST_ITEMS_TOO_MANY',
  'INTEREST_ITEM_NAME_REQUIRED',
  'INTEREST_ITEM_CODE_INVALID',
  'INTEREST_REGIONS_TOO_MANY',
  'INTEREST_REGION_INVALID',
  'INTEREST_REGION_DUPLICATE',
] as const;
export type InterestError = (typeof interestErrorCodes)[number];

/** Row problems also use TEXT_TOO_LONG / TEXT_NOT_ENGLISH from the shared text rules. */
export type InterestItemError = InterestError | TextError;

export function checkProductCode(value: string): 'INTEREST_ITEM_CODE_INVALID' | null {
  const length = parseDigits(value)?.length ?? 0;
  return length >= 4 && length <= 10 ? null : 'INTEREST_ITEM_CODE_INVALID';
}

function checkItem(item: InterestItemRow): RuleIssue<InterestItemError>[] {
  const issues: RuleIssue<InterestItemError>[] = [];
  const rule = { maxLength: fieldMaxLengths.interestItemName };
  // A row needs a name in at least one language; the other may stay empty.
  if (isBlank(item.nameKo) && isBlank(item.nameEn)) {
    issues.push({ path: ['nameKo'], code: 'INTEREST_ITEM_NAME_REQUIRED' });
  }
  const nameKoError = isBlank(item.nameKo) ? null : checkText(item.nameKo, rule);
  if (nameKoError !== null) issues.push({ path: ['nameKo'], code: nameKoError });
  const nameEnError = isBlank(item.nameEn) ? null : checkEnglishText(item.nameEn, rule);
  if (nameEnError !== null) issues.push({ path: ['nameEn'], code: nameEnError });
  const codeError = item.productCode === undefined || isBlank(item.productCode) ? null : checkProductCode(item.productCode);
  if (codeError !== null) issues.push({ path: ['productCode'], code: codeError });
  return issues;
}

/** Every problem of the rows: `[]` for the list (too many), `[index, field]` for a row. */
export function checkInterestItems(
  items: readonly InterestItemRow[],
  limits: Pick<InterestLimits, 'maxItems'>,
): RuleIssue<InterestItemError>[] {
  const issues: RuleIssue<InterestItemError>[] = [];
  if (items.length > limits.maxItems) issues.push({ path: [], code: 'INTEREST_ITEMS_TOO_MANY' });
  items.forEach((item, index) => {
    for (const issue of checkItem(item)) issues.push({ path: [index, ...issue.path], code: issue.code });
  });
  return issues;
}

/** Trimmed and upper-cased, for a code typed by hand. */
export function normalizeRegionCode(value: string): string {
  return value.trim().toUpperCase();
}

/** Every problem of the region list: `[]` for too many, `[index]` for a bad or repeated code. */
export function checkInterestRegions(
  regions: readonly string[],
  limits: Pick<InterestLimits, 'maxRegions'>,
): RuleIssue<InterestError>[] {
  const issues: RuleIssue<InterestError>[] = [];
  if (regions.length > limits.maxRegions) issues.push({ path: [], code: 'INTEREST_REGIONS_TOO_MANY' });
  const seen = new Set<string>();
  regions.forEach((region, index) => {
    if (!/^[A-Z]{2}$/.test(region)) issues.push({ path: [index], code: 'INTEREST_REGION_INVALID' });
    else if (seen.has(region)) issues.push({ path: [index], code: 'INTEREST_REGION_DUPLICATE' });
    seen.add(region);
  });
  return issues;
}
