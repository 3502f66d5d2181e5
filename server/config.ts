import type { LocalizedText, SelectOption, SiteConfig, TermsDocument, VerificationMethod } from '../src/api/index.ts';
import { defaultPolicy, kotraPolicy, type MembershipPolicy } from '../src/rules/policy.ts';
import type { IdentityProvider } from './identity.ts';

// The reference server's sites: two sibling sites sharing one unified membership, each with its own
// terms, member types and look. Real deployments load this from their own configuration.

export interface ServerConfig {
  /** Public origin of this server (used for provider page URLs). */
  origin: string;
  /** Origins allowed to call the API with credentials (sibling sites). Same-origin is always allowed. */
  allowedOrigins: string[];
  sites: Record<string, SiteSettings>;
  /** The sandbox identity provider (and its pages) is used when no other provider is given: never in production. */
  sandbox: boolean;
  /** Seconds a verification token stays valid after the code was confirmed. */
  verificationTokenTtl: number;
  /** Seconds a profile may be edited after a matching re-verification (DOMAIN.md §1.2). */
  reverificationWindow: number;
  sessionTtl: number;
  /**
   * How the session token travels: an HttpOnly cookie (always, on a real server) or, inside MSW only,
   * a header the mock keeps, since a mocked response in the browser cannot set a cookie.
   */
  sessionTransport?: 'cookie' | 'mock-header';
  /** Multiplies every per-client rate limit (load tests on loopback); 1 in normal use, never below. */
  rateLimitScale?: number;
  /** Proxies in front whose X-Forwarded-For / X-Forwarded-Proto are believed (0: use the socket). */
  trustProxyHops?: number;
  /** Server secret for HMACs of stored codes (the same on every instance). */
  secret?: string;
}

export interface SiteSettings {
  config: Omit<SiteConfig, 'verificationMethods' | 'policy'> & { verificationMethodIds: string[]; policy: MembershipPolicy };
  terms: TermsDocument[];
}

const t = (ko: string, en: string): LocalizedText => ({ ko, en });
const option = (value: string, ko: string, en: string): SelectOption => ({ value, label: t(ko, en) });

const siblingSites = [
  { siteId: 'trade', name: t('무역지원 포털 (예시)', 'Trade Support Portal (sample)'), url: 'https://trade.example.go.kr/' },
  { siteId: 'animal', name: t('동물보호관리 (예시)', 'Animal Protection (sample)'), url: 'https://animal.example.go.kr/' },
];

const companyOptions: SiteConfig['companyOptions'] = {
  companyType: [
    option('corporation', '법인사업자', 'Corporation'),
    option('sole', '개인사업자', 'Sole proprietorship'),
    option('public', '공공기관', 'Public institution'),
    option('other', '기타', 'Other'),
  ],
  classification: [
    option('large', '대기업', 'Large enterprise'),
    option('midsize', '중견기업', 'Mid-sized enterprise'),
    option('small', '중소기업', 'Small or medium enterprise'),
    option('startup', '창업기업', 'Start-up'),
  ],
  mainProduct: [
    option('machinery', '기계·장비', 'Machinery and equipment'),
    option('electronics', '전기·전자', 'Electrical and electronics'),
    option('chemicals', '화학·소재', 'Chemicals and materials'),
    option('food', '농수산·식품', 'Agriculture and food'),
    option('consumer', '생활·소비재', 'Consumer goods'),
    option('services', '서비스', 'Services'),
  ],
  tradeKind: [
    option('manufacturing', '제조', 'Manufacturing'),
    option('trade', '무역', 'Trade'),
    option('both', '제조·무역', 'Manufacturing and trade'),
  ],
};

const sharedTermsOfUse = (site: string): TermsDocument => ({
  documentId: `${site}-terms`,
  version: '2026-01-01',
  title: t('통합회원 이용약관', 'Unified membership terms of use'),
  category: 'terms',
  required: true,
  answer: 'agree',
  body: t(
    `제1조 (목적)\n이 약관은 통합회원 서비스의 이용 조건과 절차를 정합니다.\n\n제2조 (통합회원)\n하나의 통합회원 계정으로 다음 사이트를 이용할 수 있습니다: ${siblingSites.map((s) => s.name.ko).join(', ')}.\n\n제3조 (회원의 의무)\n회원은 본인의 정보를 정확하게 유지하고, 계정을 타인에게 양도하거나 대여할 수 없습니다.`,
    `Article 1 (Purpose)\nThese terms set out the conditions and procedures of the unified membership service.\n\nArticle 2 (Unified membership)\nOne unified membership account works on these sites: ${siblingSites.map((s) => s.name.en).join(', ')}.\n\nArticle 3 (Member duties)\nMembers keep their information accurate and do not transfer or lend their account.`,
  ),
  effectiveFrom: '2026-01-01',
});

const privacy = (site: string): TermsDocument => ({
  documentId: `${site}-privacy`,
  version: '2026-01-01',
  title: t('개인정보 수집·이용 동의', 'Consent to the collection and use of personal information'),
  category: 'privacy',
  required: true,
  answer: 'agree-disagree',
  body: t(
    '회원 가입과 본인 확인, 서비스 제공을 위해 아래와 같이 개인정보를 수집·이용합니다.\n\n동의를 거부할 권리가 있으나, 거부하면 회원 가입이 제한됩니다.',
    'We collect and use the personal information below to register you, confirm your identity and provide the service.\n\nYou may refuse, but then you cannot sign up.',
  ),
  summary: {
    purpose: t('회원 식별, 본인 확인, 서비스 제공 및 고지', 'Identifying members, confirming identity, providing the service and notices'),
    items: t('아이디, 비밀번호, 이름, 생년월일, 성별, 휴대전화번호, 이메일, 주소', 'ID, password, name, birth date, gender, mobile, email, address'),
    retention: t('회원 탈퇴 시까지 (관계 법령에 따른 보존 기간은 예외)', 'Until you leave (except where law requires longer retention)'),
    refusal: t('동의를 거부할 수 있으며, 거부 시 회원 가입이 제한됩니다.', 'You may refuse; signup is then not possible.'),
  },
  effectiveFrom: '2026-01-01',
});

const marketing = (site: string): TermsDocument => ({
  documentId: `${site}-marketing`,
  version: '2026-01-01',
  title: t('마케팅 활용 동의', 'Consent to marketing use'),
  category: 'marketing',
  required: false,
  answer: 'agree-disagree',
  body: t(
    '사업 안내, 행사·세미나 소식을 이메일과 문자로 보내 드립니다.\n\n동의하지 않아도 회원 가입과 서비스 이용에는 제한이 없습니다.',
    'We send programme news and event and seminar announcements by email and text message.\n\nRefusing does not limit signup or the service.',
  ),
  summary: {
    purpose: t('사업·행사 안내', 'Programme and event announcements'),
    items: t('이름, 이메일, 휴대전화번호', 'Name, email, mobile'),
    retention: t('동의 철회 또는 회원 탈퇴 시까지', 'Until you withdraw consent or leave'),
    refusal: t('거부해도 가입과 이용에 제한이 없습니다.', 'Refusing limits nothing.'),
  },
  effectiveFrom: '2026-01-01',
});

const baseSite = {
  siblingSites,
  companyOptions,
  certificate: { maxBytes: 5 * 1024 * 1024, contentTypes: ['application/pdf', 'image/jpeg', 'image/png'], fax: '02-0000-0000', email: 'members@example.go.kr' },
};

export const defaultSites: Record<string, SiteSettings> = {
  trade: {
    config: {
      ...baseSite,
      siteId: 'trade',
      name: siblingSites[0]!.name,
      memberTypes: ['individual', 'corporate', 'foreign'],
      verificationMethodIds: ['mobile', 'ipin'],
      reverifyAtSignupSubmit: false,
      policy: kotraPolicy,
    },
    terms: [sharedTermsOfUse('trade'), privacy('trade'), marketing('trade')],
  },
  animal: {
    config: {
      ...baseSite,
      siteId: 'animal',
      name: siblingSites[1]!.name,
      memberTypes: ['individual', 'corporate'],
      verificationMethodIds: ['mobile', 'ipin'],
      reverifyAtSignupSubmit: true,
      policy: defaultPolicy,
    },
    terms: [sharedTermsOfUse('animal'), privacy('animal')],
  },
};

/** The site's methods that the identity provider offers: none without a provider. */
export function verificationMethods(identity: IdentityProvider | null | undefined, ids: string[]): VerificationMethod[] {
  if (!identity) return [];
  const pages = identity.pageMethods();
  const methods: VerificationMethod[] = [];
  for (const id of ids) {
    if (id === 'mobile') methods.push({ id: 'mobile', kind: 'otp', label: t('휴대폰 본인인증', 'Mobile phone') });
    const page = pages.find((method) => method.id === id);
    if (page) methods.push({ id: page.id, kind: 'provider', label: page.label, origin: page.origin, modes: page.modes });
  }
  return methods;
}

export function defaultConfig(origin: string, overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    origin,
    allowedOrigins: [],
    sites: defaultSites,
    sandbox: true,
    verificationTokenTtl: 30 * 60,
    reverificationWindow: 10 * 60,
    sessionTtl: 8 * 60 * 60,
    ...overrides,
  };
}
