import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { companyFormSchema } from './company-form.ts';
import { ruleErrorCodes } from './error-codes.ts';
import { fieldErrors } from './form-fields.ts';
import { passwordResetFormSchema, profileEditSchema, signupDetailsSchema } from './forms.ts';
import { defaultPolicy, definePolicy, kotraPolicy } from './policy.ts';

const address = { postcode: '06792', base: '서울특별시 서초구 헌릉로 13', detail: '2층' };

const individual = {
  loginId: 'kotra2026',
  password: 'trade2026!',
  passwordConfirmation: 'trade2026!',
  nameKo: '홍길동',
  nameEn: 'Hong Gil-dong',
  phone: '02-3460-7114',
  mobile: '010-1234-5678',
  fax: '0505-123-4567',
  email: 'hong@naver.com',
  address,
  department: '해외마케팅팀',
  position: '과장',
  interestItems: [{ nameKo: '반도체', nameEn: 'Semiconductors', productCode: '854140' }],
  interestRegions: ['US', 'VN'],
};

const foreign = {
  loginId: 'smithj01',
  password: 'trade2026!',
  passwordConfirmation: 'trade2026!',
  nameEn: 'John Smith',
  phone: '+82 2 123 4567',
  email: 'john@gmail.com',
  address,
};

const company = {
  businessNumber: '124-81-00998',
  nameKo: '한국무역(주)',
  nameEn: 'Korea Trade Co., Ltd.',
  ceoNameKo: '김대표',
  ceoNameEn: 'Kim Daepyo',
  corporateNumber: '130111-0006246',
  tradeBusinessNumber: '12345678',
  businessType: '제조업',
  industry: '전자부품',
  companyType: 'corporation',
  innoBiz: true,
  venture: false,
  classification: 'sme',
  foreignInvested: false,
  mainProduct: 'semiconductor',
  tradeKind: 'both',
  phone: '1588-1234',
  fax: '02-3460-7932',
  email: 'info@example.co.kr',
  homepage: 'www.example.co.kr',
  address,
};

const errorsOf = (schema: { safeParse(value: unknown): { success: boolean } }, value: unknown) =>
  fieldErrors(schema.safeParse(value) as Parameters<typeof fieldErrors>[0]);

describe('signupDetailsSchema', () => {
  const schema = signupDetailsSchema(kotraPolicy, { memberType: 'individual' });

  test('valid individual, corporate and foreign payloads pass', () => {
    assert.deepEqual(errorsOf(schema, individual), []);
    assert.deepEqual(errorsOf(signupDetailsSchema(kotraPolicy, { memberType: 'corporate' }), individual), []);
    assert.deepEqual(errorsOf(signupDetailsSchema(kotraPolicy, { memberType: 'foreign' }), foreign), []);
    const parsed = schema.safeParse(individual);
    assert.ok(parsed.success);
    assert.equal(parsed.data.loginId, 'kotra2026');
  });

  // [what changes, expected field, expected code]
  const cases: [Record<string, unknown>, string, string][] = [
    [{ loginId: '' }, 'loginId', 'LOGIN_ID_REQUIRED'],
    [{ loginId: '9kotra' }, 'loginId', 'LOGIN_ID_FIRST_CHAR'],
    [{ loginId: undefined }, 'loginId', 'LOGIN_ID_REQUIRED'],
    [{ loginId: 42 }, 'loginId', 'FIELD_TYPE_INVALID'],
    [{ password: 'trade2026', passwordConfirmation: 'trade2026' }, 'password', 'PASSWORD_SPECIAL_MISSING'],
    [{ password: 'xkotra2026!', passwordConfirmation: 'xkotra2026!' }, 'password', 'PASSWORD_CONTAINS_LOGIN_ID'],
    [{ passwordConfirmation: 'trade2026?' }, 'passwordConfirmation', 'PASSWORD_CONFIRMATION_MISMATCH'],
    [{ passwordConfirmation: '' }, 'passwordConfirmation', 'PASSWORD_CONFIRMATION_REQUIRED'],
    [{ passwordConfirmation: undefined }, 'passwordConfirmation', 'PASSWORD_CONFIRMATION_REQUIRED'],
    [{ nameKo: '' }, 'nameKo', 'NAME_KO_REQUIRED'],
    [{ nameEn: '홍길동' }, 'nameEn', 'NAME_EN_CHARS'],
    [{ phone: '' }, 'phone', 'PHONE_REQUIRED'],
    [{ phone: '02-123' }, 'phone', 'PHONE_INVALID'],
    [{ mobile: '02-123-4567' }, 'mobile', 'PHONE_KIND_NOT_ALLOWED'],
    [{ mobile: '011-123-4567' }, 'mobile', 'PHONE_KIND_NOT_ALLOWED'],
    [{ fax: '010-1234-5678' }, 'fax', 'PHONE_KIND_NOT_ALLOWED'],
    [{ email: 'hong@naver' }, 'email', 'EMAIL_DOMAIN_INVALID'],
    [{ email: undefined }, 'email', 'EMAIL_REQUIRED'],
    [{ address: undefined }, 'address', 'ADDRESS_REQUIRED'],
    [{ address: { ...address, postcode: '137-070' } }, 'address.postcode', 'ADDRESS_POSTCODE_INVALID'],
    [{ address: { ...address, base: '' } }, 'address.base', 'ADDRESS_BASE_REQUIRED'],
    [{ address: { ...address, detail: '가'.repeat(101) } }, 'address.detail', 'ADDRESS_DETAIL_TOO_LONG'],
    [{ department: '가'.repeat(51) }, 'department', 'TEXT_TOO_LONG'],
    [{ position: '나'.repeat(51) }, 'position', 'TEXT_TOO_LONG'],
    [{ interestItems: [{ nameKo: '', nameEn: '' }] }, 'interestItems.0.nameKo', 'INTEREST_ITEM_NAME_REQUIRED'],
    [{ interestItems: [{ nameKo: '반도체', nameEn: '반도체' }] }, 'interestItems.0.nameEn', 'TEXT_NOT_ENGLISH'],
    [{ interestItems: Array(11).fill({ nameKo: '김', nameEn: '' }) }, 'interestItems', 'INTEREST_ITEMS_TOO_MANY'],
    [{ interestRegions: ['US', 'us'] }, 'interestRegions.1', 'INTEREST_REGION_INVALID'],
    [{ interestRegions: ['US', 'US'] }, 'interestRegions.1', 'INTEREST_REGION_DUPLICATE'],
  ];
  for (const [change, field, code] of cases) {
    test(`${JSON.stringify(change).slice(0, 60)} → ${field} ${code}`, () => {
      assert.deepEqual(errorsOf(schema, { ...individual, ...change }), [{ field, code }]);
    });
  }

  test('optional fields may be blank or absent', () => {
    const { fax, department, position, interestItems, interestRegions, nameEn, mobile, ...required } = individual;
    assert.deepEqual(errorsOf(schema, required), []);
    assert.deepEqual(errorsOf(schema, { ...individual, fax: '', department: ' ', mobile: '', nameEn: '' }), []);
  });

  test('every problem is reported at once, cross-field ones included', () => {
    assert.deepEqual(errorsOf(schema, { ...individual, password: '', passwordConfirmation: '' }), [
      { field: 'password', code: 'PASSWORD_REQUIRED' },
      { field: 'passwordConfirmation', code: 'PASSWORD_CONFIRMATION_REQUIRED' },
    ]);
    const errors = errorsOf(schema, { ...individual, loginId: 7, passwordConfirmation: 'different' });
    assert.deepEqual(errors, [
      { field: 'loginId', code: 'FIELD_TYPE_INVALID' },
      { field: 'passwordConfirmation', code: 'PASSWORD_CONFIRMATION_MISMATCH' },
    ]);
  });

  test('foreign members need the English name, not the Korean one', () => {
    const schemaForeign = signupDetailsSchema(kotraPolicy, { memberType: 'foreign' });
    assert.deepEqual(errorsOf(schemaForeign, { ...foreign, nameEn: '' }), [{ field: 'nameEn', code: 'NAME_EN_REQUIRED' }]);
    assert.deepEqual(errorsOf(schemaForeign, { ...foreign, nameKo: '가'.repeat(51) }), [
      { field: 'nameKo', code: 'NAME_KO_TOO_LONG' },
    ]);
  });

  test('the policy decides required fields and password rules', () => {
    const schemaDefault = signupDetailsSchema(defaultPolicy, { memberType: 'individual' });
    const { phone, address: _address, ...rest } = individual;
    assert.deepEqual(errorsOf(schemaDefault, { ...rest, password: 'abcd1234', passwordConfirmation: 'abcd1234' }), []);
    assert.deepEqual(errorsOf(schemaDefault, { ...rest, mobile: '' }), [{ field: 'mobile', code: 'PHONE_REQUIRED' }]);
    assert.deepEqual(errorsOf(schemaDefault, { ...rest, address: { postcode: '', base: '', detail: '' } }), []);
    const strict = signupDetailsSchema(definePolicy({ required: { nameEn: true } }), { memberType: 'individual' });
    assert.deepEqual(errorsOf(strict, { ...individual, nameEn: '' }), [{ field: 'nameEn', code: 'NAME_EN_REQUIRED' }]);
  });

  test('a non-object payload', () => {
    assert.deepEqual(errorsOf(schema, null), [{ field: '', code: 'FIELD_TYPE_INVALID' }]);
  });
});

describe('companyFormSchema', () => {
  const schema = companyFormSchema(kotraPolicy);

  test('a valid company passes; optional fields may be absent', () => {
    assert.deepEqual(errorsOf(schema, company), []);
    const { nameEn, ceoNameEn, corporateNumber, tradeBusinessNumber, businessType, industry, companyType, classification, mainProduct, tradeKind, fax, email, homepage, ...required } = company;
    assert.deepEqual(errorsOf(schema, required), []);
    assert.deepEqual(errorsOf(schema, { ...company, corporateNumber: '', homepage: '', email: '' }), []);
  });

  const cases: [Record<string, unknown>, string, string][] = [
    [{ businessNumber: '124-81-00999' }, 'businessNumber', 'BRN_CHECKSUM'],
    [{ businessNumber: '' }, 'businessNumber', 'BRN_REQUIRED'],
    [{ businessNumber: undefined }, 'businessNumber', 'BRN_REQUIRED'],
    [{ nameKo: '' }, 'nameKo', 'TEXT_REQUIRED'],
    [{ nameEn: '한국무역' }, 'nameEn', 'TEXT_NOT_ENGLISH'],
    [{ ceoNameKo: '' }, 'ceoNameKo', 'NAME_KO_REQUIRED'],
    [{ ceoNameEn: 'Kim_1' }, 'ceoNameEn', 'NAME_EN_CHARS'],
    [{ corporateNumber: '130111-0006247' }, 'corporateNumber', 'CRN_CHECKSUM'],
    [{ tradeBusinessNumber: '12/34' }, 'tradeBusinessNumber', 'TRADE_NUMBER_INVALID'],
    [{ industry: '가'.repeat(101) }, 'industry', 'TEXT_TOO_LONG'],
    [{ venture: 'Y' }, 'venture', 'CHOICE_INVALID'],
    [{ tradeKind: 'export' }, 'tradeKind', 'CHOICE_INVALID'],
    [{ phone: '' }, 'phone', 'PHONE_REQUIRED'],
    [{ fax: '010-1234-5678' }, 'fax', 'PHONE_KIND_NOT_ALLOWED'],
    [{ email: 'info@' }, 'email', 'EMAIL_DOMAIN_INVALID'],
    [{ homepage: 'javascript:alert(1)' }, 'homepage', 'HOMEPAGE_INVALID'],
    [{ address: { ...address, postcode: '' } }, 'address.postcode', 'ADDRESS_POSTCODE_REQUIRED'],
  ];
  for (const [change, field, code] of cases) {
    test(`${JSON.stringify(change).slice(0, 60)} → ${field} ${code}`, () => {
      assert.deepEqual(errorsOf(schema, { ...company, ...change }), [{ field, code }]);
    });
  }
  test('the Y/N answers are optional unless the policy requires them', () => {
    const { innoBiz: _i, venture: _v, foreignInvested: _f, ...unanswered } = company;
    assert.deepEqual(errorsOf(schema, unanswered), []);
    const requiring = companyFormSchema({ ...kotraPolicy, required: { ...kotraPolicy.required, companyYesNo: true } });
    assert.deepEqual(errorsOf(requiring, { ...company, innoBiz: undefined }), [{ field: 'innoBiz', code: 'CHOICE_REQUIRED' }]);
  });
});

describe('profileEditSchema', () => {
  const { loginId, password, passwordConfirmation, nameKo, ...details } = individual;
  const schema = profileEditSchema(kotraPolicy, { loginId: 'kotra2026' });

  test('no new password means unchanged; old 011 numbers stay valid', () => {
    assert.deepEqual(errorsOf(schema, details), []);
    assert.deepEqual(errorsOf(schema, { ...details, newPassword: '', newPasswordConfirmation: '' }), []);
    assert.deepEqual(errorsOf(schema, { ...details, mobile: '011-123-4567' }), []);
  });

  test('a new password follows the policy, avoids the ID and must be confirmed', () => {
    assert.deepEqual(errorsOf(schema, { ...details, newPassword: 'new2026!pw', newPasswordConfirmation: 'new2026!pw' }), []);
    assert.deepEqual(errorsOf(schema, { ...details, newPassword: 'short1!', newPasswordConfirmation: 'short1!' }), [
      { field: 'newPassword', code: 'PASSWORD_TOO_SHORT' },
    ]);
    assert.deepEqual(errorsOf(schema, { ...details, newPassword: 'KOTRA2026!', newPasswordConfirmation: 'KOTRA2026!' }), [
      { field: 'newPassword', code: 'PASSWORD_CONTAINS_LOGIN_ID' },
    ]);
    assert.deepEqual(errorsOf(schema, { ...details, newPassword: 'new2026!pw', newPasswordConfirmation: '' }), [
      { field: 'newPasswordConfirmation', code: 'PASSWORD_CONFIRMATION_REQUIRED' },
    ]);
    assert.deepEqual(errorsOf(schema, { ...details, newPassword: '', newPasswordConfirmation: 'new2026!pw' }), [
      { field: 'newPassword', code: 'PASSWORD_REQUIRED' },
      { field: 'newPasswordConfirmation', code: 'PASSWORD_CONFIRMATION_MISMATCH' },
    ]);
  });

  test('the same field rules as signup', () => {
    assert.deepEqual(errorsOf(schema, { ...details, email: 'x' }), [{ field: 'email', code: 'EMAIL_INVALID' }]);
  });
});

describe('passwordResetFormSchema', () => {
  const schema = passwordResetFormSchema(kotraPolicy);
  test('valid; any existing ID format; password rules and confirmation', () => {
    assert.deepEqual(errorsOf(schema, { loginId: 'old_id', newPassword: 'trade2026!', newPasswordConfirmation: 'trade2026!' }), []);
    assert.deepEqual(errorsOf(schema, { loginId: '', newPassword: 'trade2026!', newPasswordConfirmation: 'trade2026!' }), [
      { field: 'loginId', code: 'LOGIN_ID_REQUIRED' },
    ]);
    assert.deepEqual(errorsOf(schema, { loginId: 'trade', newPassword: 'trade2026!', newPasswordConfirmation: 'x' }), [
      { field: 'newPassword', code: 'PASSWORD_CONTAINS_LOGIN_ID' },
      { field: 'newPasswordConfirmation', code: 'PASSWORD_CONFIRMATION_MISMATCH' },
    ]);
  });
});

describe('fieldErrors', () => {
  test('success gives no errors; unknown messages become FIELD_TYPE_INVALID; repeats are dropped', () => {
    assert.deepEqual(fieldErrors({ success: true }), []);
    assert.deepEqual(
      fieldErrors({
        success: false,
        error: {
          issues: [
            { path: ['a', 0, 'b'], message: 'EMAIL_REQUIRED' },
            { path: ['a', 0, 'b'], message: 'EMAIL_REQUIRED' },
            { path: [], message: 'Invalid input' },
          ],
        },
      }),
      [
        { field: 'a.0.b', code: 'EMAIL_REQUIRED' },
        { field: '', code: 'FIELD_TYPE_INVALID' },
      ],
    );
  });
});

describe('ruleErrorCodes', () => {
  test('unique SCREAMING_SNAKE codes', () => {
    assert.equal(new Set(ruleErrorCodes).size, ruleErrorCodes.length);
    for (const code of ruleErrorCodes) assert.match(code, /^[A-Z]+(?:_[A-Z]+)*$/);
  });
});
