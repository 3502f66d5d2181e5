import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { companyLookupSchema } from '../../api/operations/company.ts';
import { storedCompanyLookup } from './stored-lookup.ts';

// The draft's lookup is checked by hand (no zod in the wizard's first code); the API's schema is the
// oracle: what the schema accepts comes back the same, what it refuses is dropped.
const short = fc.string({ maxLength: 12 });
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const scalar = fc.oneof(short, fc.boolean(), fc.integer(), fc.constant(null), fc.constant([]));
const address = fc.oneof(
  fc.record({ postcode: short, base: short, detail: short, extra: maybe(short), jibun: maybe(short), english: maybe(short) }, { requiredKeys: ['postcode', 'base', 'detail'] }),
  fc.record({ postcode: scalar, base: scalar, detail: scalar }),
  scalar,
);
const company = fc.record(
  { companyId: fc.oneof(short, scalar), businessNumber: short, nameKo: fc.oneof(short, scalar), nameEn: maybe(short), ceoNameKo: short, address },
  { requiredKeys: ['companyId', 'businessNumber', 'nameKo', 'ceoNameKo'] },
);
const prefill = fc.record(
  { businessNumber: short, nameKo: fc.oneof(short, scalar), innoBiz: fc.oneof(fc.boolean(), scalar), venture: fc.boolean(), phone: short, tradeKind: short, address },
  { requiredKeys: [] },
);
const lookup = fc.oneof(
  fc.record({ status: fc.constant('registered'), company: fc.oneof(company, scalar) }),
  fc.record({ status: fc.constant('registry'), prefill: fc.oneof(prefill, scalar) }),
  fc.record({ status: fc.constant('unknown'), businessNumber: fc.oneof(short, scalar) }),
  fc.record({ status: fc.oneof(short, scalar) }),
  fc.jsonValue(),
).map((value) => JSON.parse(JSON.stringify(value ?? null)) as unknown); // drafts are JSON

test('a stored company lookup is kept exactly when the API schema accepts it', () => {
  fc.assert(
    fc.property(lookup, (value) => {
      const parsed = companyLookupSchema.safeParse(value);
      assert.deepEqual(storedCompanyLookup(value), parsed.success ? parsed.data : undefined);
    }),
    { numRuns: 10_000 },
  );
});
