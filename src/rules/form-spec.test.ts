import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { fieldErrors, formSchema } from './form-fields.ts';
import { checkForm, type FormSpec } from './form-spec.ts';
import { companyFormSpec, passwordResetSpec, profileEditSpec, signupDetailsSpec } from './form-specs.ts';
import { animalPolicy, defaultPolicy, definePolicy, kotraPolicy } from './policy.ts';

// The elements judge forms with `checkForm` (no zod); the public schemas are built from the same specs.
// Whatever the payload, both must report the same problems in the same order.
const specs: [string, FormSpec][] = [
  ['signup details, individual (kotra)', signupDetailsSpec(kotraPolicy, { memberType: 'individual' })],
  ['signup details, foreign (default)', signupDetailsSpec(defaultPolicy, { memberType: 'foreign' })],
  ['signup details, corporate (animal)', signupDetailsSpec(animalPolicy, { memberType: 'corporate' })],
  ['profile edit', profileEditSpec(kotraPolicy, { loginId: 'kotra2026' })],
  ['password reset', passwordResetSpec(defaultPolicy)],
  ['company form', companyFormSpec(kotraPolicy)],
  ['company form, yes/no required', companyFormSpec(definePolicy({ required: { companyYesNo: true } }))],
];

const plausible = fc.constantFrom('', ' ', 'kotra2026', 'trade2026!', 'Trade-2026!x', '홍길동', 'Hong Gil-dong', '02-3460-7114', '010-1234-5678', 'hong@naver.com', '124-81-00998', '06792', 'US', 'KR', 'trade', 'https://kotra.or.kr', 'a'.repeat(120));
const text = fc.oneof(plausible, fc.string({ unit: 'grapheme', maxLength: 30 }));
const value = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.constant([])) },
  { weight: 2, arbitrary: fc.record({ postcode: text, base: text, detail: text, extra: fc.option(text, { nil: undefined }) }, { requiredKeys: [] }) },
  { weight: 2, arbitrary: fc.array(fc.oneof(fc.record({ nameKo: text, nameEn: text, productCode: fc.option(text, { nil: undefined }) }, { requiredKeys: [] }), text), { maxLength: 12 }) },
);

function payloadFor(spec: FormSpec) {
  const keys = [...Object.keys(spec.fields), 'passwordConfirmation', 'role'];
  return fc.oneof({ weight: 9, arbitrary: fc.dictionary(fc.constantFrom(...keys), value) }, { weight: 1, arbitrary: fc.anything() });
}

describe('checkForm agrees with the zod schema of the same spec', () => {
  for (const [name, spec] of specs) {
    test(name, () => {
      const schema = formSchema(spec);
      fc.assert(
        fc.property(payloadFor(spec), (payload) => {
          assert.deepEqual(checkForm(spec, payload), fieldErrors(schema.safeParse(payload)));
        }),
        { numRuns: 1500 },
      );
    });
  }

  test('a valid form has no problems either way', () => {
    const spec = signupDetailsSpec(kotraPolicy, { memberType: 'individual' });
    const form = { loginId: 'kotra2026', password: 'trade2026!', passwordConfirmation: 'trade2026!', nameKo: '홍길동', phone: '02-3460-7114', email: 'hong@naver.com', address: { postcode: '06792', base: '서울특별시 서초구 헌릉로 13', detail: '2층' } };
    assert.deepEqual(checkForm(spec, form), []);
    assert.equal(formSchema(spec).safeParse(form).success, true);
    assert.deepEqual(checkForm(spec, { ...form, passwordConfirmation: 'other' }), [{ field: 'passwordConfirmation', code: 'PASSWORD_CONFIRMATION_MISMATCH' }]);
  });
});
