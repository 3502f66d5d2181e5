import postgres, { type Sql, type TransactionSql } from 'postgres';
import type { CompanyDetails, CompanyRole } from '../../src/api/index.ts';
import { migratePostgres } from './postgres-migrations.ts';
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
} from './types.ts';

// PostgreSQL store: one database shared by any number of server instances. Transactions run at READ
// COMMITTED; every check-and-write rests on a unique index (login key, DI, business number, one MASTER
// per company, idempotency scope) with INSERT … ON CONFLICT, which waits for a competing insert to
// commit and then sees it, or on SELECT … FOR UPDATE of the rows it changes. Counters, leases and
// single-use marks are single statements. Columns are snake_case, records camelCase (client transform).

export interface PostgresStoreOptions {
  /** Schema to keep the tables in (created when missing); the connection's default otherwise. */
  schema?: string;
  /** Connections in this instance's pool. */
  max?: number;
}

type Row = Record<string, unknown>;

const memberColumns = [
  'memberId', 'loginId', 'loginKey', 'passwordHash', 'memberType', 'name', 'nameEn', 'birthDate', 'gender', 'nationality',
  'email', 'mobile', 'phone', 'fax', 'department', 'position', 'address', 'interestItems', 'interestRegions', 'di', 'ci',
  'verifiedWith', 'joinedSiteId', 'joinedAt',
] as const;
const consentColumns = ['memberId', 'siteId', 'documentId', 'version', 'agreed', 'answeredAt'] as const;
const companyColumns = ['companyId', 'businessNumber', 'details', 'certificateId', 'certificateStatus', 'registeredAt'] as const;
const linkColumns = ['companyId', 'memberId', 'role', 'linkedAt'] as const;
const sessionColumns = ['sessionHash', 'memberId', 'csrfToken', 'createdAt', 'expiresAt', 'reverifiedAt'] as const;
const verificationColumns = [
  'verificationId', 'siteId', 'method', 'purpose', 'mode', 'createdAt', 'expiresAt', 'sessionHash', 'resetId', 'captchaAnswer',
  'claimed', 'codeHash', 'codeExpiresAt', 'codeAttempts', 'resends', 'lastSentAt', 'person', 'providerResultId', 'done',
] as const;
const tokenColumns = ['tokenHash', 'verificationId', 'siteId', 'purpose', 'method', 'person', 'issuedAt', 'expiresAt', 'usedAt'] as const;
const certificateColumns = ['certificateId', 'fileName', 'contentType', 'bytes', 'data', 'createdAt'] as const;
const resetColumns = ['resetId', 'siteId', 'loginKey', 'mobile', 'createdAt', 'expiresAt', 'usedAt'] as const;
const idempotencyColumns = ['scope', 'requestHash', 'status', 'body', 'createdAt'] as const;
const messageColumns = ['messageId', 'mobile', 'text', 'sentAt'] as const;

/** The record's own fields only (a Partial's undefined ones dropped), in column order. */
function pick<T extends object>(record: T, columns: readonly string[]): Row {
  const row: Row = {};
  for (const column of columns) {
    const value = (record as Row)[column];
    if (value !== undefined) row[column] = value;
  }
  return row;
}

/** Thrown inside a transaction to roll it back and answer `result`. */
class Rollback<T> {
  readonly result: T;
  constructor(result: T) {
    this.result = result;
  }
}

export class PostgresStore implements MembershipStore {
  readonly #sql: Sql;
  #hits = 0;

  private constructor(sql: Sql) {
    this.#sql = sql;
  }

  /** Connects to `url` (postgres://…), creates the schema when asked, and migrates it. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const sql = postgres(url, {
      max: options.max ?? 10,
      onnotice: () => {},
      // Epoch milliseconds fit a double exactly: BIGINT columns come back as numbers.
      types: { bigint: { to: 20, from: [20], serialize: (value: number) => String(value), parse: (value: string) => Number(value) } },
      transform: { column: { from: postgres.toCamel, to: postgres.fromCamel }, undefined: null },
      ...(options.schema ? { connection: { search_path: options.schema } } : {}),
    });
    try {
      const schema = options.schema;
      if (schema) {
        // IF NOT EXISTS alone races (two creators both find none): serialise the creators.
        await sql.begin(async (tx) => {
          await tx`SELECT pg_advisory_xact_lock(hashtext(${`membership-schema:${schema}`}))`;
          await tx`CREATE SCHEMA IF NOT EXISTS ${tx(schema)}`;
        });
      }
      await migratePostgres(sql);
    } catch (error) {
      await sql.end({ timeout: 1 });
      throw error;
    }
    return new PostgresStore(sql);
  }

  // JSONB values go through sql.json (a bare array would be sent as a PostgreSQL array).
  #json(value: unknown) {
    return value === null || value === undefined ? null : this.#sql.json(value as postgres.JSONValue);
  }

  #memberRow(m: Partial<MemberRecord>): Row {
    const row = pick(m, memberColumns);
    for (const key of ['address', 'interestItems', 'interestRegions'] as const) if (key in row) row[key] = this.#json(row[key]);
    return row;
  }

  /** Rows as a plain array (the client's Result is an Array subclass). */
  async #all<T>(query: Promise<Row[]>): Promise<T[]> {
    return [...(await query)] as T[];
  }

  async #one<T>(query: Promise<Row[]>): Promise<T | null> {
    const [row] = await query;
    return (row as T | undefined) ?? null;
  }

  async #upsert(table: string, key: string, row: Row, columns: readonly string[]) {
    const rest = columns.filter((c) => c !== key && c in row);
    await this.#sql`INSERT INTO ${this.#sql(table)} ${this.#sql(row)} ON CONFLICT (${this.#sql(key)}) DO UPDATE SET ${this.#sql(row, rest)}`;
  }

  // members

  async createMember(member: MemberRecord, consents: ConsentRecord[]) {
    return this.#sql.begin(async (tx) => {
      // Waits for a competing insert of the same login key or DI to finish, then skips if it committed.
      const inserted = await tx`INSERT INTO members ${tx(this.#memberRow(member))} ON CONFLICT DO NOTHING RETURNING member_id`;
      if (inserted.length === 0) {
        const [taken] = await tx`SELECT 1 FROM members WHERE login_key = ${member.loginKey}`;
        return { ok: false as const, conflict: taken ? ('LOGIN_ID_TAKEN' as const) : ('ALREADY_MEMBER' as const) };
      }
      if (consents.length > 0) await tx`INSERT INTO consents ${tx(consents.map((c) => pick(c, consentColumns)))}`;
      return { ok: true as const };
    });
  }

  async getMember(memberId: string) {
    return this.#one<MemberRecord>(this.#sql`SELECT ${this.#sql(memberColumns)} FROM members WHERE member_id = ${memberId}`);
  }

  async findMemberByLoginKey(loginKey: string) {
    return this.#one<MemberRecord>(this.#sql`SELECT ${this.#sql(memberColumns)} FROM members WHERE login_key = ${loginKey}`);
  }

  async findMembersByDi(di: string) {
    return this.#all<MemberRecord>(this.#sql`SELECT ${this.#sql(memberColumns)} FROM members WHERE di = ${di} ORDER BY seq`);
  }

  async findMembersByCi(ci: string) {
    return this.#all<MemberRecord>(this.#sql`SELECT ${this.#sql(memberColumns)} FROM members WHERE ci = ${ci} ORDER BY seq`);
  }

  async updateMember(memberId: string, changes: Partial<Omit<MemberRecord, 'memberId' | 'loginId' | 'loginKey' | 'di' | 'ci'>>) {
    const { memberId: _id, loginId: _login, loginKey: _key, di: _di, ci: _ci, ...allowed } = changes as Partial<MemberRecord>;
    const row = this.#memberRow(allowed);
    if (Object.keys(row).length === 0) return this.getMember(memberId);
    return this.#one<MemberRecord>(
      this.#sql`UPDATE members SET ${this.#sql(row)} WHERE member_id = ${memberId} RETURNING ${this.#sql(memberColumns)}`,
    );
  }

  async isLoginKeyTaken(loginKey: string) {
    return (await this.#sql`SELECT 1 FROM members WHERE login_key = ${loginKey}`).length > 0;
  }

  async listConsents(memberId: string) {
    return this.#all<ConsentRecord>(this.#sql`SELECT ${this.#sql(consentColumns)} FROM consents WHERE member_id = ${memberId} ORDER BY seq`);
  }

  async addConsents(consents: ConsentRecord[]) {
    if (consents.length > 0) await this.#sql`INSERT INTO consents ${this.#sql(consents.map((c) => pick(c, consentColumns)))}`;
  }

  // companies

  async getCompany(companyId: string) {
    return this.#one<CompanyRecord>(this.#sql`SELECT ${this.#sql(companyColumns)} FROM companies WHERE company_id = ${companyId}`);
  }

  async findCompanyByBusinessNumber(businessNumber: string) {
    return this.#one<CompanyRecord>(this.#sql`SELECT ${this.#sql(companyColumns)} FROM companies WHERE business_number = ${businessNumber}`);
  }

  async linkCompany(memberId: string, candidate: CompanyRecord, at: number) {
    const alreadyLinked = { ok: false as const, reason: 'ALREADY_LINKED' as const };
    try {
      return await this.#sql.begin(async (tx) => {
        if ((await tx`SELECT 1 FROM company_links WHERE member_id = ${memberId}`).length > 0) return alreadyLinked;
        // The first linker's insert wins; the others wait for it to commit, skip, and read its company.
        const row = { ...pick(candidate, companyColumns), details: this.#json(candidate.details) };
        const [created] = await tx`INSERT INTO companies ${tx(row)} ON CONFLICT (business_number) DO NOTHING RETURNING ${tx(companyColumns)}`;
        const company = (created ?? (await tx`SELECT ${tx(companyColumns)} FROM companies WHERE business_number = ${candidate.businessNumber}`)[0]) as CompanyRecord;
        const link: CompanyLinkRecord = { companyId: company.companyId, memberId, role: created ? 'master' : 'associate', linkedAt: at };
        const [linked] = await tx`INSERT INTO company_links ${tx(pick(link, linkColumns))} ON CONFLICT (member_id) DO NOTHING RETURNING member_id`;
        // The same member linking twice at once: the other request won.
        if (!linked) throw new Rollback(alreadyLinked);
        return { ok: true as const, company, link, created: Boolean(created) };
      });
    } catch (error) {
      if (error instanceof Rollback) return error.result as typeof alreadyLinked;
      throw error;
    }
  }

  async updateCompany(companyId: string, details: CompanyDetails) {
    return this.#one<CompanyRecord>(
      this.#sql`UPDATE companies SET details = ${this.#json(details)} WHERE company_id = ${companyId} RETURNING ${this.#sql(companyColumns)}`,
    );
  }

  async getLink(memberId: string) {
    return this.#one<CompanyLinkRecord>(this.#sql`SELECT ${this.#sql(linkColumns)} FROM company_links WHERE member_id = ${memberId}`);
  }

  async listLinks(companyId: string) {
    return this.#all<CompanyLinkRecord>(this.#sql`SELECT ${this.#sql(linkColumns)} FROM company_links WHERE company_id = ${companyId} ORDER BY seq`);
  }

  async setRole(companyId: string, memberId: string, role: CompanyRole) {
    const result = await this.#sql`UPDATE company_links SET role = ${role} WHERE member_id = ${memberId} AND company_id = ${companyId}`;
    return result.count > 0;
  }

  async transferMaster(companyId: string, fromMemberId: string, toMemberId: string) {
    return this.#sql.begin(async (tx: TransactionSql) => {
      // Both rows locked in one order, so two transfers cannot deadlock or interleave.
      const rows = (await tx`SELECT ${tx(linkColumns)} FROM company_links WHERE member_id IN (${fromMemberId}, ${toMemberId}) ORDER BY member_id FOR UPDATE`) as unknown as CompanyLinkRecord[];
      const from = rows.find((r) => r.memberId === fromMemberId);
      const to = rows.find((r) => r.memberId === toMemberId);
      if (!from || !to || from === to || from.companyId !== companyId || to.companyId !== companyId) return false;
      if (from.role !== 'master' || to.role !== 'regular') return false;
      // Old MASTER first: the one-MASTER index is checked per statement.
      await tx`UPDATE company_links SET role = 'regular' WHERE member_id = ${fromMemberId}`;
      await tx`UPDATE company_links SET role = 'master' WHERE member_id = ${toMemberId}`;
      return true;
    });
  }

  async removeLink(companyId: string, memberId: string) {
    return (await this.#sql`DELETE FROM company_links WHERE member_id = ${memberId} AND company_id = ${companyId}`).count > 0;
  }

  // sessions

  async createSession(session: SessionRecord) {
    await this.#upsert('sessions', 'sessionHash', pick(session, sessionColumns), sessionColumns);
  }

  async getSession(sessionHash: string) {
    return this.#one<SessionRecord>(this.#sql`SELECT ${this.#sql(sessionColumns)} FROM sessions WHERE session_hash = ${sessionHash}`);
  }

  async updateSession(sessionHash: string, changes: Partial<Pick<SessionRecord, 'reverifiedAt' | 'expiresAt'>>) {
    const row = pick(changes, ['reverifiedAt', 'expiresAt']);
    if (Object.keys(row).length > 0) await this.#sql`UPDATE sessions SET ${this.#sql(row)} WHERE session_hash = ${sessionHash}`;
  }

  async deleteSession(sessionHash: string) {
    await this.#sql`DELETE FROM sessions WHERE session_hash = ${sessionHash}`;
  }

  // verifications

  async putVerification(record: VerificationRecord) {
    const row = { ...pick(record, verificationColumns), claimed: this.#json(record.claimed), person: this.#json(record.person) };
    await this.#upsert('verifications', 'verificationId', row, verificationColumns);
  }

  async getVerification(verificationId: string) {
    return this.#one<VerificationRecord>(this.#sql`SELECT ${this.#sql(verificationColumns)} FROM verifications WHERE verification_id = ${verificationId}`);
  }

  async findVerificationByResultId(resultId: string) {
    return this.#one<VerificationRecord>(
      this.#sql`SELECT ${this.#sql(verificationColumns)} FROM verifications WHERE provider_result_id = ${resultId} ORDER BY seq LIMIT 1`,
    );
  }

  async putVerificationToken(record: VerificationTokenRecord) {
    await this.#upsert('verification_tokens', 'tokenHash', { ...pick(record, tokenColumns), person: this.#json(record.person) }, tokenColumns);
  }

  async consumeVerificationToken(tokenHash: string, at: number) {
    // One statement: of two concurrent consumers only one finds used_at still NULL.
    return this.#one<VerificationTokenRecord>(
      this.#sql`UPDATE verification_tokens SET used_at = ${at} WHERE token_hash = ${tokenHash} AND used_at IS NULL RETURNING ${this.#sql(tokenColumns)}`,
    );
  }

  async getVerificationToken(tokenHash: string) {
    return this.#one<VerificationTokenRecord>(this.#sql`SELECT ${this.#sql(tokenColumns)} FROM verification_tokens WHERE token_hash = ${tokenHash}`);
  }

  async voidUnusedVerificationTokens(verificationId: string) {
    return this.#sql.begin(async (tx) => {
      // Row locks first: a consumer of one of these tokens waits for this answer, or this waits for it.
      const tokens = await tx`SELECT (used_at IS NOT NULL) AS used FROM verification_tokens WHERE verification_id = ${verificationId} FOR UPDATE`;
      if (tokens.some((token) => token.used === true)) return false;
      await tx`DELETE FROM verification_tokens WHERE verification_id = ${verificationId}`;
      return true;
    });
  }

  // certificates and resets

  async putCertificate(record: CertificateRecord) {
    const data = Buffer.from(record.data.buffer, record.data.byteOffset, record.data.byteLength);
    await this.#upsert('certificates', 'certificateId', { ...pick(record, certificateColumns), data }, certificateColumns);
  }

  async getCertificate(certificateId: string) {
    const row = await this.#one<CertificateRecord>(
      this.#sql`SELECT ${this.#sql(certificateColumns)} FROM certificates WHERE certificate_id = ${certificateId}`,
    );
    if (!row) return null;
    // A plain Uint8Array like the other stores (the client returns a Buffer).
    return { ...row, data: new Uint8Array(row.data) };
  }

  async deleteUnusedCertificates(before: number) {
    const result = await this.#sql`
      DELETE FROM certificates WHERE created_at < ${before}
        AND certificate_id NOT IN (SELECT certificate_id FROM companies WHERE certificate_id IS NOT NULL)`;
    return result.count;
  }

  async putPasswordReset(record: PasswordResetRecord) {
    await this.#upsert('password_resets', 'resetId', pick(record, resetColumns), resetColumns);
  }

  async getPasswordReset(resetId: string) {
    return this.#one<PasswordResetRecord>(this.#sql`SELECT ${this.#sql(resetColumns)} FROM password_resets WHERE reset_id = ${resetId}`);
  }

  async markPasswordResetUsed(resetId: string, at: number) {
    return (await this.#sql`UPDATE password_resets SET used_at = ${at} WHERE reset_id = ${resetId} AND used_at IS NULL`).count > 0;
  }

  // idempotency

  async claimIdempotency(record: IdempotencyRecord) {
    for (;;) {
      const [claimed] = await this.#sql`INSERT INTO idempotency ${this.#sql(pick(record, idempotencyColumns))} ON CONFLICT (scope) DO NOTHING RETURNING scope`;
      if (claimed) return null;
      const earlier = await this.#one<IdempotencyRecord>(this.#sql`SELECT ${this.#sql(idempotencyColumns)} FROM idempotency WHERE scope = ${record.scope}`);
      // Released between the two statements: claim again.
      if (earlier) return earlier;
    }
  }

  async completeIdempotency(scope: string, status: number, body: string) {
    await this.#sql`UPDATE idempotency SET status = ${status}, body = ${body} WHERE scope = ${scope}`;
  }

  async releaseIdempotency(scope: string) {
    await this.#sql`DELETE FROM idempotency WHERE scope = ${scope}`;
  }

  // sandbox SMS outbox

  async addSandboxMessage(message: SandboxMessage) {
    await this.#sql`INSERT INTO sandbox_messages ${this.#sql(pick(message, messageColumns))}`;
  }

  async listSandboxMessages(limit: number) {
    if (!Number.isInteger(limit) || limit <= 0) return [];
    return this.#all<SandboxMessage>(this.#sql`SELECT ${this.#sql(messageColumns)} FROM sandbox_messages ORDER BY seq DESC LIMIT ${limit}`);
  }

  // rate-limit counters and leases

  async hitRate(bucket: string, windowMs: number, now: number): Promise<RateWindow> {
    if (++this.#hits % 1000 === 0) await this.#sql`DELETE FROM rate_counters WHERE ends_at <= ${now}`;
    // One statement: concurrent hits from any instance serialise on the row; SET reads the old row.
    const [row] = await this.#sql`
      INSERT INTO rate_counters (bucket, count, started_at, ends_at) VALUES (${bucket}, 1, ${now}, ${now + windowMs})
      ON CONFLICT (bucket) DO UPDATE SET
        count = CASE WHEN rate_counters.ends_at <= ${now} THEN 1 ELSE rate_counters.count + 1 END,
        started_at = CASE WHEN rate_counters.ends_at <= ${now} THEN ${now}::bigint ELSE rate_counters.started_at END,
        ends_at = CASE WHEN rate_counters.ends_at <= ${now} THEN ${now + windowMs}::bigint ELSE rate_counters.ends_at END
      RETURNING count, started_at`;
    return row as RateWindow;
  }

  async peekRate(bucket: string, now: number) {
    return this.#one<RateWindow>(this.#sql`SELECT count, started_at FROM rate_counters WHERE bucket = ${bucket} AND ends_at > ${now}`);
  }

  async clearRates() {
    await this.#sql`DELETE FROM rate_counters`;
  }

  async acquireLease(name: string, holder: string, now: number, ttlMs: number) {
    const rows = await this.#sql`
      INSERT INTO leases (name, holder, expires_at) VALUES (${name}, ${holder}, ${now + ttlMs})
      ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at WHERE leases.expires_at <= ${now}
      RETURNING holder`;
    return rows.length > 0;
  }

  async releaseLease(name: string, holder: string) {
    await this.#sql`DELETE FROM leases WHERE name = ${name} AND holder = ${holder}`;
  }

  async close() {
    await this.#sql.end({ timeout: 5 });
  }
}
