// rules messages in Korean (the catalogue every other locale is typed against).
import { fieldMaxLengths } from '../../rules/limits.ts';
import { errors as ko } from './errors.ko.ts';

const max = fieldMaxLengths;

export const rules = {
  // login ID
  'rule.LOGIN_ID_REQUIRED': '아이디를 입력해 주세요.',
  'rule.LOGIN_ID_FIRST_CHAR': '아이디는 영문자로 시작해야 합니다.',
  'rule.LOGIN_ID_CHARS': '아이디는 영문자와 숫자로만 입력해 주세요.',
  'rule.LOGIN_ID_TOO_SHORT': '아이디는 {min}~{max}자로 입력해 주세요.',
  'rule.LOGIN_ID_TOO_LONG': '아이디는 {min}~{max}자로 입력해 주세요.',
  // password
  'rule.PASSWORD_REQUIRED': '비밀번호를 입력해 주세요.',
  'rule.PASSWORD_TOO_SHORT': '비밀번호는 {min}자 이상 입력해 주세요.',
  'rule.PASSWORD_TOO_LONG': '비밀번호는 {max}자 이하로 입력해 주세요.',
  'rule.PASSWORD_LETTER_MISSING': '비밀번호에 영문자를 1자 이상 넣어 주세요.',
  'rule.PASSWORD_DIGIT_MISSING': '비밀번호에 숫자를 1자 이상 넣어 주세요.',
  'rule.PASSWORD_SPECIAL_MISSING': '비밀번호에 특수문자(예: ! @ # $)를 1자 이상 넣어 주세요.',
  'rule.PASSWORD_KINDS': '영문자, 숫자, 특수문자를 섞거나 비밀번호를 더 길게 입력해 주세요.',
  'rule.PASSWORD_CHARS': '비밀번호는 영문자, 숫자, 특수문자로만 입력해 주세요. 한글 입력 상태인지 확인해 주세요.',
  'rule.PASSWORD_REPEAT': '같은 문자는 {max}번까지만 연속해서 쓸 수 있습니다.',
  'rule.PASSWORD_CONTAINS_LOGIN_ID': '비밀번호에 아이디를 넣을 수 없습니다.',
  'rule.PASSWORD_CONFIRMATION_REQUIRED': '비밀번호를 한 번 더 입력해 주세요.',
  'rule.PASSWORD_CONFIRMATION_MISMATCH': '비밀번호가 일치하지 않습니다. 다시 확인해 주세요.',
  // names
  'rule.NAME_KO_REQUIRED': '이름을 입력해 주세요.',
  'rule.NAME_KO_TOO_LONG': `이름은 ${max.nameKo}자 이내로 입력해 주세요.`,
  'rule.NAME_EN_REQUIRED': '영문 이름을 입력해 주세요.',
  'rule.NAME_EN_CHARS': "영문 이름은 영문자, 공백, 마침표(.), 하이픈(-), 아포스트로피(')로만 입력해 주세요.",
  'rule.NAME_EN_TOO_LONG': `영문 이름은 ${max.nameEn}자 이내로 입력해 주세요.`,
  // birth date and age
  'rule.BIRTH_DATE_REQUIRED': '생년월일을 입력해 주세요.',
  'rule.BIRTH_DATE_INVALID': '생년월일을 8자리 숫자로 정확히 입력해 주세요. (예: 19900101)',
  'rule.BIRTH_DATE_FUTURE': '생년월일이 오늘보다 뒤입니다. 다시 확인해 주세요.',
  'rule.UNDER_AGE': ko['error.UNDER_AGE'],
  // phone numbers
  'rule.PHONE_REQUIRED': '{field}을(를) 입력해 주세요.',
  'rule.PHONE_REQUIRED.plain': '전화번호를 입력해 주세요.',
  'rule.PHONE_INVALID': '{field}을(를) 지역번호(휴대전화는 010)부터 정확히 입력해 주세요.',
  'rule.PHONE_INVALID.plain': '전화번호를 지역번호(휴대전화는 010)부터 정확히 입력해 주세요.',
  'rule.PHONE_KIND_NOT_ALLOWED': '이 칸에는 쓸 수 없는 번호입니다. 휴대전화는 010 번호를, 팩스는 일반 전화번호를 입력해 주세요.',
  // email
  'rule.EMAIL_REQUIRED': '이메일 주소를 입력해 주세요.',
  'rule.EMAIL_INVALID': '이메일 주소를 아이디@도메인 형식으로 입력해 주세요.',
  'rule.EMAIL_LOCAL_INVALID': '@ 앞부분은 영문자, 숫자와 . _ % + - 기호로만 입력해 주세요.',
  'rule.EMAIL_DOMAIN_INVALID': '@ 뒤의 도메인을 목록에서 고르거나 정확히 입력해 주세요. (예: example.com)',
  'rule.EMAIL_TOO_LONG': `이메일 주소가 너무 깁니다. @ 앞은 ${max.emailLocal}자, 전체는 ${max.email}자까지 입력할 수 있습니다.`,
  // homepage
  'rule.HOMEPAGE_REQUIRED': '홈페이지 주소를 입력해 주세요.',
  'rule.HOMEPAGE_INVALID': '홈페이지 주소를 정확히 입력해 주세요. (예: www.example.co.kr)',
  // business and corporate registration numbers
  'rule.BRN_REQUIRED': '사업자등록번호를 입력해 주세요.',
  'rule.BRN_CHARS': '사업자등록번호는 숫자로만 입력해 주세요.',
  'rule.BRN_LENGTH': '사업자등록번호 10자리를 입력해 주세요.',
  'rule.BRN_CHECKSUM': '유효하지 않은 사업자등록번호입니다. 번호를 다시 확인해 주세요.',
  'rule.CRN_REQUIRED': '법인등록번호를 입력해 주세요.',
  'rule.CRN_CHARS': '법인등록번호는 숫자로만 입력해 주세요.',
  'rule.CRN_LENGTH': '법인등록번호 13자리를 입력해 주세요.',
  'rule.CRN_CHECKSUM': '유효하지 않은 법인등록번호입니다. 번호를 다시 확인해 주세요.',
  // company
  'rule.TRADE_NUMBER_REQUIRED': '무역업고유번호를 입력해 주세요.',
  'rule.TRADE_NUMBER_INVALID': `무역업고유번호는 영문자, 숫자, 하이픈(-)으로 ${max.tradeBusinessNumber}자 이내로 입력해 주세요.`,
  // address
  'rule.ADDRESS_REQUIRED': '주소를 입력해 주세요. 우편번호와 기본주소가 필요합니다.',
  'rule.ADDRESS_POSTCODE_REQUIRED': '우편번호를 입력해 주세요.',
  'rule.ADDRESS_POSTCODE_INVALID': '우편번호는 숫자 5자리로 입력해 주세요.',
  'rule.ADDRESS_BASE_REQUIRED': '기본주소를 입력해 주세요.',
  'rule.ADDRESS_BASE_TOO_LONG': `기본주소는 ${max.addressBase}자 이내로 입력해 주세요.`,
  'rule.ADDRESS_DETAIL_TOO_LONG': `상세주소는 ${max.addressDetail}자 이내로 입력해 주세요.`,
  'rule.ADDRESS_EXTRA_TOO_LONG': `참고항목은 ${max.addressExtra}자 이내여야 합니다. 주소를 다시 선택해 주세요.`,
  'rule.ADDRESS_JIBUN_TOO_LONG': `지번 주소는 ${max.addressJibun}자 이내여야 합니다. 주소를 다시 선택해 주세요.`,
  'rule.ADDRESS_ENGLISH_TOO_LONG': `영문 주소는 ${max.addressEnglish}자 이내여야 합니다. 주소를 다시 선택해 주세요.`,
  // interests
  'rule.INTEREST_ITEMS_TOO_MANY': '관심품목은 {max}개까지 등록할 수 있습니다.',
  'rule.INTEREST_ITEM_NAME_REQUIRED': '품목명을 한글이나 영문으로 입력해 주세요.',
  'rule.INTEREST_ITEM_CODE_INVALID': '품목코드는 숫자 4~10자리로 입력해 주세요.',
  'rule.INTEREST_REGIONS_TOO_MANY': '관심지역은 {max}개까지 선택할 수 있습니다.',
  'rule.INTEREST_REGION_INVALID': '목록에서 국가를 선택해 주세요.',
  'rule.INTEREST_REGION_DUPLICATE': '이미 추가한 국가입니다.',
  // plain text fields
  'rule.TEXT_REQUIRED': '이 항목을 입력해 주세요.',
  'rule.TEXT_TOO_LONG': '{max}자 이내로 입력해 주세요.',
  'rule.TEXT_NOT_ENGLISH': '영문자, 숫자, 기호로만 입력해 주세요.',
  // form structure (CHOICE_REQUIRED is a core word: common.ko.ts)
  'rule.CHOICE_INVALID': '목록에 있는 항목 중에서 선택해 주세요.',
  'rule.FIELD_TYPE_INVALID': '입력값을 처리할 수 없습니다. 다시 입력해 주세요.',
  // server field codes
  'rule.REQUIRED': '필수 항목입니다. 입력하거나 선택해 주세요.',
  'rule.INVALID': '입력값이 올바르지 않습니다. 다시 확인해 주세요.',
  'rule.NOT_ALLOWED': '이 회원 유형에서는 입력할 수 없는 항목입니다. 입력한 내용을 지워 주세요.',
  'rule.MEMBER_TYPE_NATIONALITY': '외국인 회원은 외국인으로 본인인증한 경우에만 가입할 수 있습니다. 회원 유형을 다시 선택해 주세요.',
  'rule.UNKNOWN_DOCUMENT': '확인할 수 없는 약관입니다. 페이지를 새로고침한 뒤 다시 동의해 주세요.',
  'rule.TERMS_REQUIRED': ko['error.TERMS_REQUIRED'],
  'rule.TERMS_OUTDATED': ko['error.TERMS_OUTDATED'],
  'rule.LOGIN_ID_TAKEN': ko['error.LOGIN_ID_TAKEN'],
  'rule.COMPANY_ALREADY_REGISTERED': ko['error.COMPANY_ALREADY_REGISTERED'],
  'rule.CERTIFICATE_NOT_FOUND': ko['error.CERTIFICATE_NOT_FOUND'],
  'rule.CERTIFICATE_INVALID_TYPE': ko['error.CERTIFICATE_INVALID_TYPE'],
  'rule.CERTIFICATE_TOO_LARGE': ko['error.CERTIFICATE_TOO_LARGE'],
  // The phone field's own words (keys widgets.phone.*), kept with the field rules: each screen with a phone
  // field loads this area, and identity-verify's mobile form needs no other widget words.
  'widgets.phone.label': '전화번호',
  'widgets.phone.mobileLabel': '휴대전화 번호',
  'widgets.phone.hint': '숫자만 입력하면 하이픈(-)이 자동으로 들어갑니다. 예: {example}',
};
