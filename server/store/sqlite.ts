import { DatabaseSync, type SQLInputValue, type SQLOutputValue, type StatementSync } from 'node:sqlite';
import type { CompanyDetails, CompanyRole, Gender, MemberType, Nationality, VerificationPurpose } from '../../src/api/index.ts';
import { migrate } from './migrations.ts';
import type {
  CertificateRecord,
  CompanyLinkRecord,
  CompanyRecord,
  ConsentRecord,
  IdempotencyRecord,
  MemberRecord,
  MembershipStore,
  PasswordResetRecord,
  RateWindow,
  SandboxMessage,
  SessionRecord,
  VerificationRecord,
  VerificationTokenRecord,
  VerifiedPerson,
} from './types.ts';

// node:sqlite store: the server's home in the demo, data survives restarts. Every check-and-write
// runs inside BEGIN IMMEDIATE, so it holds the write lock from its first read: two connections
// (or processes) on one file cannot both pass the same check. Reads return fresh objects shaped
// exactly like MemoryStore's.

type Row = Record<string, SQLOutputValue>;
type Params<Columns extends readonly string[]> = Record<Columns[number], SQLInputValue>;

const BUSY_TIMEOUT_MS = 5000;

// ---------------------------------------------------------------- columns ↔ records

const memberColumns = [
  'member_id', 'login_id', 'login_key', 'password_hash', 'member_type', 'name', 'name_en', 'birth_date', 'gender',
  'nationality', 'email', 'mobile', 'phone', 'fax', 'department', 'position', 'address', 'interest_items',
  'interest_regions', 'di', 'ci', 'verified_with', 'joined_site_id', 'joined_at',
] as const;
const consentColumns = ['member_id', 'site_id', 'document_id', 'version', 'agreed', 'answered_at'] as const;
const companyColumns = ['company_id', 'business_number', 'details', 'certificate_id', 'certificate_status', 'registered_at'] as const;
const linkColumns = ['member_id', 'company_id', 'role', 'linked_at'] as const;
const sessionColumns = ['session_hash', 'member_id', 'csrf_token', 'created_at', 'expires_at', 'reverified_at'] as const;
const verificationColumns = [
  'verification_id', 'site_id', 'method', 'purpose', 'mode', 'created_at', 'expires_at', 'session_hash', 'reset_id',
  'captcha_answer', 'claimed', 'code_hash', 'code_expires_at', 'code_attempts', 'resends', 'last_sent_at', 'person',
  'provider_result_id', 'done',
] as const;
const tokenColumns = [
  'token_hash', 'verification_id', 'site_id', 'purpose', 'method', 'person', 'issued_at', 'expires_at', 'used_at',
] as const;
const certificateColumns = ['certificate_id', 'file_name', 'content_type', 'bytes', 'data', 'created_at'] as const;
const resetColumns = ['reset_id', 'site_id', 'login_key', 'mobile', 'created_at', 'expires_at', 'used_at'] as const;
const idempotencyColumns = ['scope', 'request_hash', 'status', 'body', 'created_at'] as const;
const messageColumns = ['message_id', 'mobile', 'text', 'sent_at'] as const;

const insertSql = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `:${c}`).join(', ')})`;
/** Insert or overwrite in place (keeps the rowid, so insertion order survives like a Map's). */
const upsertSql = (table: string, columns: readonly string[]) =>
  `${insertSql(table, columns)} ON CONFLICT (${columns[0]}) DO UPDATE SET ${columns.slice(1).map((c) => `${c} = excluded.${c}`).join(', ')}`;
const updateSql = (table: string, columns: readonly string[]) =>
  `UPDATE ${table} SET ${columns.slice(1).map((c) => `${c} = :${c}`).join(', ')} WHERE ${columns[0]} = :${columns[0]}`;

function read(row: Row, column: string): SQLOutputValue {
  if (!(column in row)) throw new Error(`SqliteStore: no column ${column}`);
  return row[column] ?? null;
}
function text(row: Row, column: string): string {
  const value = read(row, column);
  if (typeof value !== 'string') throw new TypeError(`SqliteStore: ${column} is not text`);
  return value;
}
const textOrNull = (row: Row, column: string) => (read(row, column) === null ? null : text(row, column));
function int(row: Row, column: string): number {
  const value = read(row, column);
  if (typeof value !== 'number') throw new TypeError(`SqliteStore: ${column} is not a number`);
  return value;
}
const intOrNull = (row: Row, column: string) => (read(row, column) === null ? null : int(row, column));
const flag = (row: Row, column: string) => int(row, column) === 1;
const json = <T>(row: Row, column: string): T => JSON.parse(text(row, column)) as T;
const jsonOrNull = <T>(row: Row, column: string): T | null => (read(row, column) === null ? null : json<T>(row, column));
const jsonParam = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

const memberParams = (m: MemberRecord): Params<typeof memberColumns> => ({
  member_id: m.memberId, login_id: m.loginId, login_key: m.loginKey, password_hash: m.passwordHash,
  member_type: m.memberType, name: m.name, name_en: m.nameEn ?? null, birth_date: m.birthDate, gender: m.gender,
  nationality: m.nationality, email: m.email, mobile: m.mobile ?? null, phone: m.phone ?? null, fax: m.fax ?? null,
  department: m.department ?? null, position: m.position ?? null, address: jsonParam(m.address),
  interest_items: JSON.stringify(m.interestItems), interest_regions: JSON.stringify(m.interestRegions),
  di: m.di, ci: m.ci, verified_with: m.verifiedWith, joined_site_id: m.joinedSiteId, joined_at: m.joinedAt,
});
const memberFromRow = (r: Row): MemberRecord => ({
  memberId: text(r, 'member_id'), loginId: text(r, 'login_id'), loginKey: text(r, 'login_key'),
  passwordHash: text(r, 'password_hash'), memberType: text(r, 'member_type') as MemberType, name: text(r, 'name'),
  nameEn: textOrNull(r, 'name_en'), birthDate: text(r, 'birth_date'), gender: text(r, 'gender') as Gender,
  nationality: text(r, 'nationality') as Nationality, email: text(r, 'email'), mobile: textOrNull(r, 'mobile'),
  phone: textOrNull(r, 'phone'), fax: textOrNull(r, 'fax'), department: textOrNull(r, 'department'),
  position: textOrNull(r, 'position'), address: jsonOrNull(r, 'address'), interestItems: json(r, 'interest_items'),
  interestRegions: json(r, 'interest_regions'), di: text(r, 'di'), ci: text(r, 'ci'),
  verifiedWith: text(r, 'verified_with'), joinedSiteId: text(r, 'joined_site_id'), joinedAt: int(r, 'joined_at'),
});

const consentParams = (c: ConsentRecord): Params<typeof consentColumns> => ({
  member_id: c.memberId, site_id: c.siteId, document_id: c.documentId, version: c.version,
  agreed: c.agreed ? 1 : 0, answered_at: c.answeredAt,
});
const consentFromRow = (r: Row): ConsentRecord => ({
  memberId: text(r, 'member_id'), siteId: text(r, 'site_id'), documentId: text(r, 'document_id'),
  version: text(r, 'version'), agreed: flag(r, 'agreed'), answeredAt: int(r, 'answered_at'),
});

const companyParams = (c: CompanyRecord): Params<typeof companyColumns> => ({
  company_id: c.companyId, business_number: c.businessNumber, details: JSON.stringify(c.details),
  certificate_id: c.certificateId ?? null, certificate_status: c.certificateStatus, registered_at: c.registeredAt,
});
const companyFromRow = (r: Row): CompanyRecord => ({
  companyId: text(r, 'company_id'), businessNumber: text(r, 'business_number'), details: json<CompanyDetails>(r, 'details'),
  certificateId: textOrNull(r, 'certificate_id'),
  certificateStatus: text(r, 'certificate_status') as CompanyRecord['certificateStatus'],
  registeredAt: int(r, 'registered_at'),
});

const linkParams = (l: CompanyLinkRecord): Params<typeof linkColumns> => ({
  member_id: l.memberId, company_id: l.companyId, role: l.role, linked_at: l.linkedAt,
});
const linkFromRow = (r: Row): CompanyLinkRecord => ({
  companyId: text(r, 'company_id'), memberId: text(r, 'member_id'), role: text(r, 'role') as CompanyRole,
  linkedAt: int(r, 'linked_at'),
});

const sessionParams = (s: SessionRecord): Params<typeof sessionColumns> => ({
  session_hash: s.sessionHash, member_id: s.memberId, csrf_token: s.csrfToken, created_at: s.createdAt,
  expires_at: s.expiresAt, reverified_at: s.reverifiedAt ?? null,
});
const sessionFromRow = (r: Row): SessionRecord => ({
  sessionHash: text(r, 'session_hash'), memberId: text(r, 'member_id'), csrfToken: text(r, 'csrf_token'),
  createdAt: int(r, 'created_at'), expiresAt: int(r, 'expires_at'), reverifiedAt: intOrNull(r, 'reverified_at'),
});

const verificationParams = (v: VerificationRecord): Params<typeof verificationColumns> => ({
  verification_id: v.verificationId, site_id: v.siteId, method: v.method, purpose: v.purpose, mode: v.mode,
  created_at: v.createdAt, expires_at: v.expiresAt, session_hash: v.sessionHash ?? null, reset_id: v.resetId ?? null,
  captcha_answer: v.captchaAnswer ?? null, claimed: jsonParam(v.claimed), code_hash: v.codeHash ?? null,
  code_expires_at: v.codeExpiresAt ?? null, code_attempts: v.codeAttempts, resends: v.resends,
  last_sent_at: v.lastSentAt ?? null, person: jsonParam(v.person), provider_result_id: v.providerResultId ?? null,
  done: v.done ? 1 : 0,
});
const verificationFromRow = (r: Row): VerificationRecord => ({
  verificationId: text(r, 'verification_id'), siteId: text(r, 'site_id'), method: text(r, 'method'),
  purpose: text(r, 'purpose') as VerificationPurpose, mode: text(r, 'mode') as VerificationRecord['mode'],
  createdAt: int(r, 'created_at'), expiresAt: int(r, 'expires_at'), sessionHash: textOrNull(r, 'session_hash'),
  resetId: textOrNull(r, 'reset_id'), captchaAnswer: textOrNull(r, 'captcha_answer'),
  claimed: jsonOrNull<VerificationRecord['claimed']>(r, 'claimed'), codeHash: textOrNull(r, 'code_hash'),
  codeExpiresAt: intOrNull(r, 'code_expires_at'), codeAttempts: int(r, 'code_attempts'), resends: int(r, 'resends'),
  lastSentAt: intOrNull(r, 'last_sent_at'), person: jsonOrNull<VerifiedPerson>(r, 'person'),
  providerResultId: textOrNull(r, 'provider_result_id'), done: flag(r, 'done'),
});

const tokenParams = (t: VerificationTokenRecord): Params<typeof tokenColumns> => ({
  token_hash: t.tokenHash, verification_id: t.verificationId, site_id: t.siteId, purpose: t.purpose, method: t.method,
  person: JSON.stringify(t.person), issued_at: t.issuedAt, expires_at: t.expiresAt, used_at: t.usedAt ?? null,
});
const tokenFromRow = (r: Row): VerificationTokenRecord => ({
  tokenHash: text(r, 'token_hash'), verificationId: text(r, 'verification_id'), siteId: text(r, 'site_id'),
  purpose: text(r, 'purpose') as VerificationPurpose, method: text(r, 'method'), person: json<VerifiedPerson>(r, 'person'),
  issuedAt: int(r, 'issued_at'), expiresAt: int(r, 'expires_at'), usedAt: intOrNull(r, 'used_at'),
});

const certificateParams = (c: CertificateRecord): Params<typeof certificateColumns> => ({
  certificate_id: c.certificateId, file_name: c.fileName, content_type: c.contentType, bytes: c.bytes, data: c.data,
  created_at: c.createdAt,
});
function certificateFromRow(r: Row): CertificateRecord {
  const data = read(r, 'data');
  if (!(data instanceof Uint8Array)) throw new TypeError('SqliteStore: data is not a blob');
  return {
    certificateId: text(r, 'certificate_id'), fileName: text(r, 'file_name'),
    contentType: text(r, 'content_type') as CertificateRecord['contentType'], bytes: int(r, 'bytes'), data,
    createdAt: int(r, 'created_at'),
  };
}

const resetParams = (p: PasswordResetRecord): Params<typeof resetColumns> => ({
  reset_id: p.resetId, site_id: p.siteId, login_key: p.loginKey, mobile: p.mobile, created_at: p.createdAt,
  expires_at: p.expiresAt, used_at: p.usedAt ?? null,
});
const resetFromRow = (r: Row): PasswordResetRecord => ({
  resetId: text(r, 'reset_id'), siteId: text(r, 'site_id'), loginKey: text(r, 'login_key'), mobile: text(r, 'mobile'),
  createdAt: int(r, 'created_at'), expiresAt: int(r, 'expires_at'), usedAt: intOrNull(r, 'used_at'),
});

const idempotencyParams = (i: IdempotencyRecord): Params<typeof idempotencyColumns> => ({
  scope: i.scope, request_hash: i.requestHash, status: i.status, body: i.body, created_at: i.createdAt,
});
const idempotencyFromRow = (r: Row): IdempotencyRecord => ({
  scope: text(r, 'scope'), requestHash: text(r, 'request_hash'), status: int(r, 'status'), body: text(r, 'body'),
  createdAt: int(r, 'created_at'),
});

const messageParams = (m: SandboxMessage): Params<typeof messageColumns> => ({
  message_id: m.messageId, mobile: m.mobile, text: m.text, sent_at: m.sentAt,
});
const messageFromRow = (r: Row): SandboxMessage => ({
  messageId: text(r, 'message_id'), mobile: text(r, 'mobile'), text: text(r, 'text'), sentAt: int(r, 'sent_at'),
});

/** Own properties whose value is not undefined: a Partial's absent fields leave the stored ones alone. */
const definedOnly = <T extends object>(changes: T): Partial<T> =>
  Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;

// ---------------------------------------------------------------- the store

export class SqliteStore implements MembershipStore {
  #db: DatabaseSync;
  #statements = new Map<string, StatementSync>();

  /** Opens (creating if needed) and migrates the database at `path`; ':memory:' for a throwaway one. */
  constructor(path: string) {
    this.#db = new DatabaseSync(path);
    try {
      // busy_timeout first: a second process opening the file waits for locks instead of failing.
      this.#db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
      this.#db.exec('PRAGMA journal_mode = WAL');
      this.#db.exec('PRAGMA synchronous = NORMAL');
      this.#db.exec('PRAGMA foreign_keys = ON');
      migrate(this.#db);
    } catch (error) {
      this.#db.close();
      throw error;
    }
  }

  #statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #get(sql: string, ...params: SQLInputValue[]): Row | null {
    return this.#statement(sql).get(...params) ?? null;
  }

  #all(sql: string, ...params: SQLInputValue[]): Row[] {
    return this.#statement(sql).all(...params);
  }

  #run(sql: string, params: Record<string, SQLInputValue> | SQLInputValue[]): number {
    const statement = this.#statement(sql);
    const result = Array.isArray(params) ? statement.run(...params) : statement.run(params);
    return Number(result.changes);
  }

  /** Runs `work` holding the write lock from the start; commits, or rolls back and rethrows. */
  #immediate<T>(work: () => T): T {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.#db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  #memberWhere(column: 'member_id' | 'login_key', value: string): MemberRecord | null {
    const row = this.#get(`SELECT * FROM members WHERE ${column} = ?`, value);
    return row ? memberFromRow(row) : null;
  }

  #linkOf(memberId: string): CompanyLinkRecord | null {
    const row = this.#get('SELECT * FROM company_links WHERE member_id = ?', memberId);
    return row ? linkFromRow(row) : null;
  }

  #companyWhere(column: 'company_id' | 'business_number', value: string): CompanyRecord | null {
    const row = this.#get(`SELECT * FROM companies WHERE ${column} = ?`, value);
    return row ? companyFromRow(row) : null;
  }

  // members

  async createMember(member: MemberRecord, consents: ConsentRecord[]) {
    return this.#immediate(() => {
      if (this.#get('SELECT 1 FROM members WHERE login_key = ?', member.loginKey)) {
        return { ok: false as const, conflict: 'LOGIN_ID_TAKEN' as const };
      }
      if (this.#get('SELECT 1 FROM members WHERE di = ?', member.di)) return { ok: false as const, conflict: 'ALREADY_MEMBER' as const };
      this.#run(insertSql('members', memberColumns), memberParams(member));
      for (const consent of consents) this.#run(insertSql('consents', consentColumns), consentParams(consent));
      return { ok: true as const };
    });
  }

  async getMember(memberId: string) {
    return this.#memberWhere('member_id', memberId);
  }

  async findMemberByLoginKey(loginKey: string) {
    return this.#memberWhere('login_key', loginKey);
  }

  async findMembersByDi(di: string) {
    return this.#all('SELECT * FROM members WHERE di = ? ORDER BY rowid', di).map(memberFromRow);
  }

  async findMembersByCi(ci: string) {
    return this.#all('SELECT * FROM members WHERE ci = ? ORDER BY rowid', ci).map(memberFromRow);
  }

  async updateMember(memberId: string, changes: Partial<Omit<MemberRecord, 'memberId' | 'loginId' | 'loginKey' | 'di' | 'ci'>>) {
    return this.#immediate(() => {
      const member = this.#memberWhere('member_id', memberId);
      if (!member) return null;
      const { loginId, loginKey, di, ci } = member;
      const updated: MemberRecord = { ...member, ...definedOnly(changes), memberId, loginId, loginKey, di, ci };
      this.#run(updateSql('members', memberColumns), memberParams(updated));
      return this.#memberWhere('member_id', memberId);
    });
  }

  async isLoginKeyTaken(loginKey: string) {
    return this.#get('SELECT 1 FROM members WHERE login_key = ?', loginKey) !== null;
  }

  async listConsents(memberId: string) {
    return this.#all('SELECT * FROM consents WHERE member_id = ? ORDER BY consent_id', memberId).map(consentFromRow);
  }

  async addConsents(consents: ConsentRecord[]) {
    this.#immediate(() => {
      for (const consent of consents) this.#run(insertSql('consents', consentColumns), consentParams(consent));
    });
  }

  // companies

  async getCompany(companyId: string) {
    return this.#companyWhere('company_id', companyId);
  }

  async findCompanyByBusinessNumber(businessNumber: string) {
    return this.#companyWhere('business_number', businessNumber);
  }

  async linkCompany(memberId: string, candidate: CompanyRecord, at: number) {
    return this.#immediate(() => {
      if (this.#linkOf(memberId)) return { ok: false as const, reason: 'ALREADY_LINKED' as const };
      let company = this.#companyWhere('business_number', candidate.businessNumber);
      const created = company === null;
      if (!company) {
        this.#run(insertSql('companies', companyColumns), companyParams(candidate));
        company = companyFromRow(this.#get('SELECT * FROM companies WHERE company_id = ?', candidate.companyId)!);
      }
      const link: CompanyLinkRecord = { companyId: company.companyId, memberId, role: created ? 'master' : 'associate', linkedAt: at };
      this.#run(insertSql('company_links', linkColumns), linkParams(link));
      return { ok: true as const, company, link, created };
    });
  }

  async updateCompany(companyId: string, details: CompanyDetails) {
    return this.#immediate(() => {
      if (this.#run('UPDATE companies SET details = ? WHERE company_id = ?', [JSON.stringify(details), companyId]) === 0) return null;
      return this.#companyWhere('company_id', companyId);
    });
  }

  async getLink(memberId: string) {
    return this.#linkOf(memberId);
  }

  async listLinks(companyId: string) {
    return this.#all('SELECT * FROM company_links WHERE company_id = ? ORDER BY rowid', companyId).map(linkFromRow);
  }

  async setRole(companyId: string, memberId: string, role: CompanyRole) {
    return this.#run('UPDATE company_links SET role = ? WHERE member_id = ? AND company_id = ?', [role, memberId, companyId]) > 0;
  }

  async transferMaster(companyId: string, fromMemberId: string, toMemberId: string) {
    return this.#immediate(() => {
      const from = this.#linkOf(fromMemberId);
      const to = this.#linkOf(toMemberId);
      if (!from || !to || from.companyId !== companyId || to.companyId !== companyId) return false;
      if (from.role !== 'master' || to.role !== 'regular') return false;
      this.#run('UPDATE company_links SET role = ? WHERE member_id = ?', ['regular', fromMemberId]);
      this.#run('UPDATE company_links SET role = ? WHERE member_id = ?', ['master', toMemberId]);
      return true;
    });
  }

  async removeLink(companyId: string, memberId: string) {
    return this.#run('DELETE FROM company_links WHERE member_id = ? AND company_id = ?', [memberId, companyId]) > 0;
  }

  // sessions

  async createSession(session: SessionRecord) {
    this.#run(upsertSql('sessions', sessionColumns), sessionParams(session));
  }

  async getSession(sessionHash: string) {
    const row = this.#get('SELECT * FROM sessions WHERE session_hash = ?', sessionHash);
    return row ? sessionFromRow(row) : null;
  }

  async updateSession(sessionHash: string, changes: Partial<Pick<SessionRecord, 'reverifiedAt' | 'expiresAt'>>) {
    this.#immediate(() => {
      const row = this.#get('SELECT * FROM sessions WHERE session_hash = ?', sessionHash);
      if (!row) return;
      const { reverifiedAt, expiresAt } = { ...sessionFromRow(row), ...definedOnly(changes) };
      this.#run('UPDATE sessions SET reverified_at = ?, expires_at = ? WHERE session_hash = ?', [reverifiedAt, expiresAt, sessionHash]);
    });
  }

  async deleteSession(sessionHash: string) {
    this.#run('DELETE FROM sessions WHERE session_hash = ?', [sessionHash]);
  }

  // verifications

  async putVerification(record: VerificationRecord) {
    this.#run(upsertSql('verifications', verificationColumns), verificationParams(record));
  }

  async getVerification(verificationId: string) {
    const row = this.#get('SELECT * FROM verifications WHERE verification_id = ?', verificationId);
    return row ? verificationFromRow(row) : null;
  }

  async findVerificationByResultId(resultId: string) {
    const row = this.#get('SELECT * FROM verifications WHERE provider_result_id = ? ORDER BY rowid LIMIT 1', resultId);
    return row ? verificationFromRow(row) : null;
  }

  async putVerificationToken(record: VerificationTokenRecord) {
    this.#run(upsertSql('verification_tokens', tokenColumns), tokenParams(record));
  }

  async consumeVerificationToken(tokenHash: string, at: number) {
    return this.#immediate(() => {
      const row = this.#get('UPDATE verification_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL RETURNING *', at, tokenHash);
      return row ? tokenFromRow(row) : null;
    });
  }

  async getVerificationToken(tokenHash: string) {
    const row = this.#get('SELECT * FROM verification_tokens WHERE token_hash = ?', tokenHash);
    return row ? tokenFromRow(row) : null;
  }

  async voidUnusedVerificationTokens(verificationId: string) {
    return this.#immediate(() => {
      if (this.#get('SELECT 1 FROM verification_tokens WHERE verification_id = ? AND used_at IS NOT NULL', verificationId)) return false;
      this.#run('DELETE FROM verification_tokens WHERE verification_id = ?', [verificationId]);
      return true;
    });
  }

  // certificates and resets

  async putCertificate(record: CertificateRecord) {
    this.#run(upsertSql('certificates', certificateColumns), certificateParams(record));
  }

  async getCertificate(certificateId: string) {
    const row = this.#get('SELECT * FROM certificates WHERE certificate_id = ?', certificateId);
    return row ? certificateFromRow(row) : null;
  }

  async deleteUnusedCertificates(before: number) {
    return this.#run(
      'DELETE FROM certificates WHERE created_at < ? AND certificate_id NOT IN (SELECT certificate_id FROM companies WHERE certificate_id IS NOT NULL)',
      [before],
    );
  }

  async putPasswordReset(record: PasswordResetRecord) {
    this.#run(upsertSql('password_resets', resetColumns), resetParams(record));
  }

  async getPasswordReset(resetId: string) {
    const row = this.#get('SELECT * FROM password_resets WHERE reset_id = ?', resetId);
    return row ? resetFromRow(row) : null;
  }

  async markPasswordResetUsed(resetId: string, at: number) {
    return this.#immediate(
      () => this.#run('UPDATE password_resets SET used_at = ? WHERE reset_id = ? AND used_at IS NULL', [at, resetId]) > 0,
    );
  }

  // idempotency

  async claimIdempotency(record: IdempotencyRecord) {
    return this.#immediate(() => {
      const earlier = this.#get('SELECT * FROM idempotency WHERE scope = ?', record.scope);
      if (earlier) return idempotencyFromRow(earlier);
      this.#run(insertSql('idempotency', idempotencyColumns), idempotencyParams(record));
      return null;
    });
  }

  async completeIdempotency(scope: string, status: number, body: string) {
    this.#run('UPDATE idempotency SET status = ?, body = ? WHERE scope = ?', [status, body, scope]);
  }

  async releaseIdempotency(scope: string) {
    this.#run('DELETE FROM idempotency WHERE scope = ?', [scope]);
  }

  // sandbox SMS outbox

  async addSandboxMessage(message: SandboxMessage) {
    this.#run(insertSql('sandbox_messages', messageColumns), messageParams(message));
  }

  async listSandboxMessages(limit: number) {
    if (!Number.isInteger(limit) || limit <= 0) return [];
    return this.#all('SELECT * FROM sandbox_messages ORDER BY seq DESC LIMIT ?', limit).map(messageFromRow);
  }

  // rate-limit counters and leases

  #hits = 0;

  async hitRate(bucket: string, windowMs: number, now: number) {
    // Every 1000th hit sweeps the stale windows, so the table stays the size of the active clients.
    if (++this.#hits % 1000 === 0) this.#run('DELETE FROM rate_counters WHERE ends_at <= ?', [now]);
    // One statement: the SET expressions read the row as it was, so the new-window test and the
    // count move together.
    const row = this.#statement(
      `INSERT INTO rate_counters (bucket, count, started_at, ends_at) VALUES (:bucket, 1, :now, :ends)
       ON CONFLICT (bucket) DO UPDATE SET
         count = CASE WHEN ends_at <= :now THEN 1 ELSE count + 1 END,
         started_at = CASE WHEN ends_at <= :now THEN :now ELSE started_at END,
         ends_at = CASE WHEN ends_at <= :now THEN :ends ELSE ends_at END
       RETURNING count, started_at`,
    ).get({ bucket, now, ends: now + windowMs })!;
    return { count: int(row, 'count'), startedAt: int(row, 'started_at') } satisfies RateWindow;
  }

  async peekRate(bucket: string, now: number) {
    const row = this.#get('SELECT count, started_at FROM rate_counters WHERE bucket = ? AND ends_at > ?', bucket, now);
    return row ? { count: int(row, 'count'), startedAt: int(row, 'started_at') } : null;
  }

  async clearRates() {
    this.#run('DELETE FROM rate_counters', []);
  }

  async acquireLease(name: string, holder: string, now: number, ttlMs: number) {
    const row = this.#get(
      `INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at WHERE leases.expires_at <= ?
       RETURNING holder`,
      name, holder, now + ttlMs, now,
    );
    return row !== null;
  }

  async releaseLease(name: string, holder: string) {
    this.#run('DELETE FROM leases WHERE name = ? AND holder = ?', [name, holder]);
  }

  close() {
    this.#statements.clear();
    if (this.#db.isOpen) this.#db.close();
  }
}
