import type { Address, CompanyLookup } from '../../api/index.ts';

// A company lookup read back from a draft, checked by hand rather than with the API's zod schema, so the
// wizard's first code does not carry zod. The lookup came from a validated API answer; this only makes
// sure a damaged or edited draft cannot put a wrong shape on the company screen (then it is dropped).

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const optionalText = (value: unknown): boolean => value === undefined || isText(value);

function addressOf(value: unknown): Address | undefined {
  if (!isRecord(value) || !isText(value.postcode) || !isText(value.base) || !isText(value.detail)) return undefined;
  if (![value.extra, value.jibun, value.english].every(optionalText)) return undefined;
  const { postcode, base, detail, extra, jibun, english } = value as Json & Address;
  return { postcode, base, detail, ...(extra === undefined ? {} : { extra }), ...(jibun === undefined ? {} : { jibun }), ...(english === undefined ? {} : { english }) };
}

const yesNoKeys = new Set(['innoBiz', 'venture', 'foreignInvested']);
const detailKeys = ['businessNumber', 'nameKo', 'nameEn', 'ceoNameKo', 'ceoNameEn', 'corporateNumber', 'tradeBusinessNumber', 'businessType', 'industry', 'companyType', 'innoBiz', 'venture', 'classification', 'foreignInvested', 'mainProduct', 'tradeKind', 'phone', 'fax', 'email', 'homepage'];

/** The registry's prefill: known keys of the right type only. */
function prefillOf(value: Json): Extract<CompanyLookup, { status: 'registry' }>['prefill'] | undefined {
  const prefill: Json = {};
  for (const key of detailKeys) {
    const item = value[key];
    if (item === undefined) continue;
    if (yesNoKeys.has(key) ? typeof item !== 'boolean' : !isText(item)) return undefined;
    prefill[key] = item;
  }
  if (value.address !== undefined) {
    const address = addressOf(value.address);
    if (!address) return undefined;
    prefill.address = address;
  }
  return prefill;
}

/** The draft's company lookup, or undefined when it is missing or not of a lookup's shape. */
export function storedCompanyLookup(value: unknown): CompanyLookup | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.status) {
    case 'unknown':
      return isText(value.businessNumber) ? { status: 'unknown', businessNumber: value.businessNumber } : undefined;
    case 'registry': {
      const prefill = isRecord(value.prefill) ? prefillOf(value.prefill) : undefined;
      return prefill ? { status: 'registry', prefill } : undefined;
    }
    case 'registered': {
      const company = value.company;
      if (!isRecord(company)) return undefined;
      const { companyId, businessNumber, nameKo, nameEn, ceoNameKo } = company;
      const address = addressOf(company.address);
      if (!isText(companyId) || !isText(businessNumber) || !isText(nameKo) || !isText(ceoNameKo) || !optionalText(nameEn) || !address) return undefined;
      return { status: 'registered', company: { companyId, businessNumber, nameKo, ceoNameKo, address, ...(nameEn === undefined ? {} : { nameEn: nameEn as string }) } };
    }
    default:
      return undefined;
  }
}
