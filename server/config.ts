import type { LocalizedText, SelectOption, SiteConfig, SiteContacts, TermsDocument, TermsNotice, VerificationMethod } from '../src/api/index.ts';
import { animalPolicy, kotraPolicy, type MembershipPolicy } from '../src/rules/policy.ts';
import { animalItems, marketing, noThirdPartyNotice, privacy, termsOfUse, tradeItems } from './terms.ts';
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
  /** Seconds a profile may be edited after a matching re-verification (docs/domain.md, Profile edit). */
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
  /** Shown under the documents (e.g. that nothing goes to third parties beyond the consents). */
  notices?: TermsNotice[];
  /** Offers this server's address search (`GET /addresses`) in the site config; a site proxying
   *  another search names it in `config.addressSearch` instead. */
  addressSearch?: boolean;
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

// The help desks of the agencies' own signup manuals.
const tradeContacts: SiteContacts = {
  phone: { name: t('고객안내센터', 'Customer centre'), number: '1600-7119', note: t('연결 후 1번', 'then press 1') },
  email: 'service@kotra.or.kr',
  fax: '02-3460-7932',
};
const animalContacts: SiteContacts = { phone: { name: t('콜센터', 'Call centre'), number: '1577-0954' } };

const certificateLimits = { maxBytes: 5 * 1024 * 1024, contentTypes: ['application/pdf', 'image/jpeg', 'image/png'] };

/** Certificate limits with the fax and e-mail alternative taken from the site's contacts. */
const certificate = (contacts: SiteContacts): SiteConfig['certificate'] => ({
  ...certificateLimits,
  ...(contacts.fax ? { fax: contacts.fax } : {}),
  ...(contacts.email ? { email: contacts.email } : {}),
});

const baseSite = { siblingSites, companyOptions };

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
      certificate: certificate(tradeContacts),
      contacts: tradeContacts,
    },
    terms: [termsOfUse('trade', siblingSites), privacy('trade', tradeItems), marketing('trade')],
    notices: [noThirdPartyNotice],
    // The details step's address: 주소 검색 with a result list (the sandbox address book in the demo).
    addressSearch: true,
  },
  animal: {
    config: {
      ...baseSite,
      siteId: 'animal',
      name: siblingSites[1]!.name,
      // Its manual: 국내인 (일반회원) or 외국인 (외국인 회원); no company signup.
      memberTypes: ['individual', 'foreign'],
      verificationMethodIds: ['mobile', 'ipin'],
      reverifyAtSignupSubmit: true,
      policy: animalPolicy,
      certificate: certificate(animalContacts),
      contacts: animalContacts,
    },
    terms: [termsOfUse('animal', siblingSites), privacy('animal', animalItems)],
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
