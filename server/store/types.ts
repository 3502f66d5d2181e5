import type {
  Address,
  CompanyDetails,
  CompanyRole,
  Gender,
  InterestItem,
  MemberType,
  Nationality,
  VerificationPurpose,
} from '../../src/api/index.ts';

// Everything the reference server keeps. Three homes: node:sqlite for the demo (store/sqlite.ts),
// PostgreSQL for several instances (store/postgres.ts) and memory for MSW in the browser
// (store/memory.ts); all pass the same store tests.
// Times are epoch milliseconds; ids are opaque strings made by the domain layer.

export interface MemberRecord {
  memberId: string;
  loginId: string;
  /** Lower-cased login ID: uniqueness is case-insensitive. */
  loginKey: string;
  passwordHash: string;
  memberType: MemberType;
  name: string;
  nameEn: string | null;
  birthDate: string;
  gender: Gender;
  nationality: Nationality;
  email: string;
  mobile: string | null;
  phone: string | null;
  fax: string | null;
  department: string | null;
  position: string | null;
  address: Address | null;
  interestItems: InterestItem[];
  interestRegions: string[];
  /** Duplicate-signup key of the verification (one account per person). Never leaves the server. */
  di: string;
  /** Connecting information (same person across sites). Never leaves the server. */
  ci: string;
  /** Verification method of the signup: the one a name-mismatch member may fall back to. */
  verifiedWith: string;
  joinedSiteId: string;
  joinedAt: number;
}

export interface ConsentRecord {
  memberId: string;
  siteId: string;
  documentId: string;
  version: string;
  agreed: boolean;
  answeredAt: number;
}

export interface CompanyRecord {
  companyId: string;
  /** Digits only. */
  businessNumber: string;
  details: CompanyDetails;
  certificateId: string | null;
  certificateStatus: 'none' | 'uploaded' | 'verified';
  registeredAt: number;
}

export interface CompanyLinkRecord {
  companyId: string;
  memberId: string;
  role: CompanyRole;
  linkedAt: number;
}

export interface SessionRecord {
  /** SHA-256 of the cookie value: a leaked database does not leak live sessions. */
  sessionHash: string;
  memberId: string;
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
  /** Last matching re-verification (profile edit window). */
  reverifiedAt: number | null;
}

/** A verified person as the identity provider reported it; CI/DI stay on the server. */
export interface VerifiedPerson {
  name: string;
  birthDate: string;
  gender: Gender;
  nationality: Nationality;
  mobile: string | null;
  carrier: string | null;
  ci: string;
  di: string;
}

export interface VerificationRecord {
  verificationId: string;
  siteId: string;
  method: string;
  purpose: VerificationPurpose;
  mode: 'otp' | 'popup' | 'redirect';
  createdAt: number;
  expiresAt: number;
  /** Session that started a re-verification; reset a reset-password verification proves. */
  sessionHash: string | null;
  resetId: string | null;
  captchaAnswer: string | null;
  /** Mobile flow: who asked for the code and the code's hash. */
  claimed: { name: string; birthDate: string; gender: Gender; nationality: Nationality; mobile: string; carrier: string } | null;
  codeHash: string | null;
  codeExpiresAt: number | null;
  codeAttempts: number;
  resends: number;
  lastSentAt: number | null;
  /** Set when the verification succeeded (code right, or provider result exchanged). */
  person: VerifiedPerson | null;
  /** Provider flow: the opaque result id the provider page hands back. */
  providerResultId: string | null;
  done: boolean;
}

export interface VerificationTokenRecord {
  /** SHA-256 of the token. */
  tokenHash: string;
  verificationId: string;
  siteId: string;
  purpose: VerificationPurpose;
  method: string;
  person: VerifiedPerson;
  issuedAt: number;
  expiresAt: number;
  usedAt: number | null;
}

export interface CertificateRecord {
  certificateId: string;
  fileName: string;
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  bytes: number;
  data: Uint8Array;
  createdAt: number;
}

export interface PasswordResetRecord {
  resetId: string;
  siteId: string;
  loginKey: string;
  /** Digits only. */
  mobile: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

export interface IdempotencyRecord {
  /** `${siteId}:${operationId}:${key}`. */
  scope: string;
  requestHash: string;
  status: number;
  body: string;
  createdAt: number;
}

/** Outbox of the sandbox SMS provider: what the demo user reads on the inbox page. */
export interface SandboxMessage {
  messageId: string;
  mobile: string;
  text: string;
  sentAt: number;
}

export type Conflict = 'LOGIN_ID_TAKEN' | 'ALREADY_MEMBER';

/** The open fixed window of one rate-limit bucket. */
export interface RateWindow {
  count: number;
  startedAt: number;
}

/**
 * Rate-limit counters (fixed windows), kept where every instance of the server sees them: a limit
 * holds across instances when they share the store.
 */
export interface RateCounters {
  /** Counts one hit in the bucket's window (a new window once the last is `windowMs` old) and returns it. Atomic. */
  hitRate(bucket: string, windowMs: number, now: number): Promise<RateWindow>;
  /** The bucket's open window, or null; counts nothing. */
  peekRate(bucket: string, now: number): Promise<RateWindow | null>;
  clearRates(): Promise<void>;
}

/**
 * Named leases: a lock that holds across processes sharing the store and frees itself after `ttlMs`
 * if its holder dies. For check-then-write sequences spanning several store calls (one verification's
 * code checks, seeding).
 */
export interface Leases {
  /** Takes lease `name` for `holder` unless another holder has it unexpired; true when taken. */
  acquireLease(name: string, holder: string, now: number, ttlMs: number): Promise<boolean>;
  /** Gives the lease back if `holder` still has it. */
  releaseLease(name: string, holder: string): Promise<void>;
}

/**
 * The state of the reference server. Every method is atomic: a check-and-write (unique login ID,
 * one account per DI, first linker is MASTER, idempotency slot) happens in one transaction.
 */
export interface MembershipStore extends RateCounters, Leases {
  // members
  /** Inserts the member and their consents, or reports the conflict (login ID first, then DI). */
  createMember(member: MemberRecord, consents: ConsentRecord[]): Promise<{ ok: true } | { ok: false; conflict: Conflict }>;
  getMember(memberId: string): Promise<MemberRecord | null>;
  findMemberByLoginKey(loginKey: string): Promise<MemberRecord | null>;
  findMembersByDi(di: string): Promise<MemberRecord[]>;
  findMembersByCi(ci: string): Promise<MemberRecord[]>;
  updateMember(memberId: string, changes: Partial<Omit<MemberRecord, 'memberId' | 'loginId' | 'loginKey' | 'di' | 'ci'>>): Promise<MemberRecord | null>;
  isLoginKeyTaken(loginKey: string): Promise<boolean>;
  listConsents(memberId: string): Promise<ConsentRecord[]>;
  addConsents(consents: ConsentRecord[]): Promise<void>;

  // companies
  getCompany(companyId: string): Promise<CompanyRecord | null>;
  findCompanyByBusinessNumber(businessNumber: string): Promise<CompanyRecord | null>;
  /**
   * Links a member to the company of `company.businessNumber`, registering the company when it is new:
   * the first linker becomes MASTER, later ones associate. Atomic.
   */
  linkCompany(memberId: string, company: CompanyRecord, at: number): Promise<
    | { ok: true; company: CompanyRecord; link: CompanyLinkRecord; created: boolean }
    | { ok: false; reason: 'ALREADY_LINKED' }
  >;
  updateCompany(companyId: string, details: CompanyDetails): Promise<CompanyRecord | null>;
  getLink(memberId: string): Promise<CompanyLinkRecord | null>;
  listLinks(companyId: string): Promise<CompanyLinkRecord[]>;
  setRole(companyId: string, memberId: string, role: CompanyRole): Promise<boolean>;
  /** Atomically makes `toMemberId` MASTER and the current MASTER regular. */
  transferMaster(companyId: string, fromMemberId: string, toMemberId: string): Promise<boolean>;
  removeLink(companyId: string, memberId: string): Promise<boolean>;

  // sessions
  createSession(session: SessionRecord): Promise<void>;
  getSession(sessionHash: string): Promise<SessionRecord | null>;
  updateSession(sessionHash: string, changes: Partial<Pick<SessionRecord, 'reverifiedAt' | 'expiresAt'>>): Promise<void>;
  deleteSession(sessionHash: string): Promise<void>;

  // verifications
  putVerification(record: VerificationRecord): Promise<void>;
  getVerification(verificationId: string): Promise<VerificationRecord | null>;
  findVerificationByResultId(resultId: string): Promise<VerificationRecord | null>;
  putVerificationToken(record: VerificationTokenRecord): Promise<void>;
  /** Marks the token used and returns it, or null when unknown or already used. Atomic. */
  consumeVerificationToken(tokenHash: string, at: number): Promise<VerificationTokenRecord | null>;
  getVerificationToken(tokenHash: string): Promise<VerificationTokenRecord | null>;
  /**
   * Before a verification's result is answered again (its first answer was lost): removes its tokens not
   * used yet and answers true, or, when one of them was used already, removes nothing and answers false. Atomic.
   */
  voidUnusedVerificationTokens(verificationId: string): Promise<boolean>;

  // certificates and resets
  putCertificate(record: CertificateRecord): Promise<void>;
  getCertificate(certificateId: string): Promise<CertificateRecord | null>;
  /** Deletes certificates uploaded before `before` that no company refers to; returns how many. */
  deleteUnusedCertificates(before: number): Promise<number>;
  putPasswordReset(record: PasswordResetRecord): Promise<void>;
  getPasswordReset(resetId: string): Promise<PasswordResetRecord | null>;
  markPasswordResetUsed(resetId: string, at: number): Promise<boolean>;

  // idempotency
  /** Claims the slot; returns the earlier record when the key was used before (or is in flight: status 0). */
  claimIdempotency(record: IdempotencyRecord): Promise<IdempotencyRecord | null>;
  completeIdempotency(scope: string, status: number, body: string): Promise<void>;
  releaseIdempotency(scope: string): Promise<void>;

  // sandbox SMS outbox
  addSandboxMessage(message: SandboxMessage): Promise<void>;
  listSandboxMessages(limit: number): Promise<SandboxMessage[]>;

  /** Closes the database; PostgreSQL's resolves once its connections are ended. */
  close(): void | Promise<void>;
}
