import type { LocalizedText, TermsDocument, TermsNotice } from '../src/api/index.ts';

// The consent documents of the demo sites, worded after the trade agency's signup manual: ① terms of
// use naming the sibling sites, ② collection and use (required items, optional items apart), ③ marketing
// (optional), ④ the notice that nothing goes to third parties beyond the consent. Plain text only.

const t = (ko: string, en: string): LocalizedText => ({ ko, en });

export interface SiblingSite {
  siteId: string;
  name: LocalizedText;
  url: string;
}

const version = '2026-01-01';

/** ① 이용약관: one account opens every sibling site, listed by name and address. */
export function termsOfUse(site: string, siblings: readonly SiblingSite[]): TermsDocument {
  const list = (lang: 'ko' | 'en') => siblings.map((s) => `- ${s.name[lang]}: ${s.url}`).join('\n');
  return {
    documentId: `${site}-terms`,
    version,
    title: t('이용약관', 'Terms of use'),
    category: 'terms',
    required: true,
    answer: 'agree',
    body: t(
      `제1장 총칙\n\n제1조 (목적)\n이 약관은 당 기관이 제공하는 통합회원 서비스의 이용조건 및 절차에 관한 사항을 규정함을 목적으로 합니다.\n\n제2조 (통합회원)\n당 기관은 통합회원으로 운영하고 있습니다. 통합회원으로 가입하시면 아래 사이트에 별도 가입 없이 하나의 계정으로 정보를 이용할 수 있습니다.\n${list('ko')}\n\n제3조 (회원의 의무)\n회원은 본인의 정보를 정확하게 유지하고, 계정을 타인에게 양도하거나 대여할 수 없습니다.`,
      `Chapter 1 General provisions\n\nArticle 1 (Purpose)\nThese terms set out the conditions and procedures for using the unified membership service the agency provides.\n\nArticle 2 (Unified membership)\nThe agency runs a unified membership. Once you sign up, one account lets you use the following sites without signing up again:\n${list('en')}\n\nArticle 3 (Member duties)\nMembers keep their information accurate and do not transfer or lend their account to anyone.`,
    ),
    effectiveFrom: version,
  };
}

/** What a site asks for at signup, as the privacy document lists it. */
export interface CollectedItems {
  /** Required items, one line each: the items, then what they are for. */
  required: LocalizedText[];
  /** Optional items (one line). */
  optional: LocalizedText;
}

/** ② 개인정보 수집·이용 동의 (개인정보 보호법 §15): purpose, items (required and optional apart), retention, refusal. */
export function privacy(site: string, items: CollectedItems): TermsDocument {
  const purpose = t('통합 회원관리, 서비스 제공, 민원 처리', 'Managing the unified membership, providing the services, handling complaints');
  const retention = t('회원 탈퇴 시까지 (단, 법률이 정하는 바에 따라 탈퇴 후에도 일정 기간 보유할 수 있습니다)', 'Until you leave (a law may require some items to be kept for a set period after that)');
  const refusal = t('동의를 거부할 권리가 있으나, 필수 항목에 동의하지 않으면 회원 가입이 제한됩니다. 선택 항목은 입력하지 않아도 가입할 수 있습니다.', 'You may refuse, but without the required items you cannot sign up. The optional items may be left blank.');
  const lines = (lang: 'ko' | 'en') => items.required.map((line) => `- ${line[lang]}`).join('\n');
  return {
    documentId: `${site}-privacy`,
    version,
    title: t('개인정보 수집·이용 동의', 'Consent to the collection and use of personal information'),
    category: 'privacy',
    required: true,
    answer: 'agree-disagree',
    body: t(
      `1. 개인정보의 수집·이용 목적\n${purpose.ko}\n\n2. 수집하는 개인정보의 항목\n필수 입력 항목\n${lines('ko')}\n\n선택 입력 항목\n- ${items.optional.ko}\n\n3. 개인정보의 보유 및 이용 기간\n${retention.ko}\n\n4. 동의를 거부할 권리\n${refusal.ko}`,
      `1. Why we collect and use personal information\n${purpose.en}\n\n2. What we collect\nRequired\n${lines('en')}\n\nOptional\n- ${items.optional.en}\n\n3. How long we keep it\n${retention.en}\n\n4. Your right to refuse\n${refusal.en}`,
    ),
    summary: {
      purpose,
      items: t(items.required.map((line) => line.ko.split(':')[0]).join(', '), items.required.map((line) => line.en.split(':')[0]).join(', ')),
      optionalItems: items.optional,
      retention,
      refusal,
    },
    effectiveFrom: version,
  };
}

/** ③ 개인정보 마케팅 활용 동의: optional; refusing limits nothing. */
export function marketing(site: string): TermsDocument {
  const purpose = t('사업 안내, 각종 뉴스레터 발송, 바이어 소개, 맞춤형 서비스 권유', 'Programme announcements, newsletters, introducing buyers, recommending services suited to you');
  const items = t('성명(한글), 전화번호, 이메일, 휴대전화', 'Name (in Korean), phone, email, mobile');
  const retention = t('회원 탈퇴 시까지 (단, 법률이 정하는 바에 따라 탈퇴 후에도 일정 기간 보유할 수 있습니다)', 'Until you leave (a law may require some items to be kept for a set period after that)');
  const refusal = t('동의하지 않아도 회원 가입과 서비스 이용에 제한이 없으며, 동의는 회원정보 수정에서 언제든 철회할 수 있습니다.', 'Refusing limits neither signup nor the services; you may withdraw this consent at any time in your profile.');
  return {
    documentId: `${site}-marketing`,
    version,
    title: t('개인정보 마케팅 활용 동의', 'Consent to the use of personal information for marketing'),
    category: 'marketing',
    required: false,
    answer: 'agree-disagree',
    body: t(
      `1. 개인정보의 수집·이용 목적\n${purpose.ko}\n\n2. 수집하는 개인정보의 항목\n${items.ko}\n\n3. 개인정보의 보유 및 이용 기간\n${retention.ko}\n\n4. 동의를 거부할 권리\n${refusal.ko}`,
      `1. Why we use personal information\n${purpose.en}\n\n2. What we use\n${items.en}\n\n3. How long we keep it\n${retention.en}\n\n4. Your right to refuse\n${refusal.en}`,
    ),
    summary: { purpose, items, retention, refusal },
    effectiveFrom: version,
  };
}

/** What a site gives to one third party (개인정보 보호법 §17 ②): who, why, what, how long. */
export interface ThirdPartyProvision {
  recipient: LocalizedText;
  purpose: LocalizedText;
  items: LocalizedText;
  retention: LocalizedText;
  required: boolean;
}

/** A 제3자 제공 동의 document: the four §17 facts and the right to refuse, in the body and the summary. */
export function thirdParty(documentId: string, provision: ThirdPartyProvision): TermsDocument {
  const refusal = provision.required
    ? t('동의를 거부할 권리가 있으나, 거부하면 회원 가입이 제한됩니다.', 'You may refuse, but then you cannot sign up.')
    : t('동의하지 않아도 회원 가입과 서비스 이용에 제한이 없습니다.', 'Refusing limits neither signup nor the services.');
  const { recipient, purpose, items, retention } = provision;
  return {
    documentId,
    version,
    title: t('개인정보 제3자 제공 동의', 'Consent to giving personal information to a third party'),
    category: 'third-party',
    required: provision.required,
    answer: 'agree-disagree',
    body: t(
      `1. 제공받는 자\n${recipient.ko}\n\n2. 제공받는 자의 이용 목적\n${purpose.ko}\n\n3. 제공하는 개인정보의 항목\n${items.ko}\n\n4. 제공받는 자의 보유 및 이용 기간\n${retention.ko}\n\n5. 동의를 거부할 권리\n${refusal.ko}`,
      `1. Recipient\n${recipient.en}\n\n2. The recipient's purpose\n${purpose.en}\n\n3. What is given\n${items.en}\n\n4. How long the recipient keeps it\n${retention.en}\n\n5. Your right to refuse\n${refusal.en}`,
    ),
    summary: { recipient, purpose, items, retention, refusal },
    effectiveFrom: version,
  };
}

/** ④ The notice under the consents: nothing goes to a third party beyond what was consented to. */
export const noThirdPartyNotice: TermsNotice = {
  noticeId: 'no-third-party',
  text: t(
    '※ 당 기관은 별도의 동의를 받거나 법률에 특별한 규정이 있는 경우를 제외하면 제3자에게 고객님의 개인정보를 제공하지 않으며, 상기 안내해 드린 개인정보 수집 동의 범위를 초과하여 고객님의 개인정보를 제공하지 않습니다.',
    '※ The agency gives your personal information to no third party unless you consent separately or a law specifically provides for it, and never beyond the scope of the consent described above.',
  ),
};

/** The trade site's items (its policy asks for phone and address; mobile is recommended). */
export const tradeItems: CollectedItems = {
  required: [
    t('아이디, 비밀번호: 홈페이지 이용을 위한 정보', 'ID, password: to use the site'),
    t('성명(한글), 생년월일, 성별, 중복가입확인정보(DI), 연계정보(CI): 이용자의 식별을 위한 정보 (휴대전화 또는 아이핀을 통해 본인인증)', 'Name (in Korean), birth date, gender, duplicate-signup key (DI), connecting information (CI): to identify you (verified by mobile phone or i-PIN)'),
    t('주소, 전화번호, 이메일: 사업 안내, 불만 처리 등 원활한 의사소통 경로 확보를 위한 정보', 'Address, phone, email: to reach you about programmes, complaints and the like'),
  ],
  optional: t('영문 성명, 휴대전화, 팩스, 부서, 직위, 관심 품목, 관심 국가', 'Name in English, mobile, fax, department, position, items and countries of interest'),
};

/** The animal-protection site's items (its policy asks for mobile and address, as its manual's member form). */
export const animalItems: CollectedItems = {
  required: [
    t('아이디, 비밀번호: 홈페이지 이용을 위한 정보', 'ID, password: to use the site'),
    t('성명, 생년월일, 성별, 중복가입확인정보(DI), 연계정보(CI): 이용자의 식별을 위한 정보 (휴대전화 또는 아이핀을 통해 본인인증)', 'Name, birth date, gender, duplicate-signup key (DI), connecting information (CI): to identify you (verified by mobile phone or i-PIN)'),
    t('영문 성명(외국인 회원): 이용자의 식별을 위한 정보', 'Name in English (foreign members): to identify you'),
    t('휴대전화, 주소, 이메일: 민원 처리, 비밀번호 찾기 등 연락을 위한 정보', 'Mobile, address, email: to reach you about requests and to find your password'),
  ],
  optional: t('전화번호, 영문 성명(내국인)', 'Phone, name in English (Korean nationals)'),
};
