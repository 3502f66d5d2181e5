import type {
  CertificateRecord,
  CompanyLinkRecord,
  CompanyRecord,
  ConsentRecord,
  IdempotencyRecord,
  MemberRecord,
  MembershipStore,
  PasswordResetRecord,
  RateCounters,
  RateWindow,
  SandboxMessage,
  SessionRecord,
  VerificationRecord,
  VerificationTokenRecord,
} from './types.ts';

// In-memory store: the server's home inside MSW (Storybook, browser tests). Each method runs without
// an `await` between its check and its write, so it is atomic on the single JS thread.

const copy = <T>(value: T): T => structuredClone(value);

/** Rate-limit windows in a Map: one process only (MSW, tests, and the MemoryStore below). */
export class MemoryRateCounters implements RateCounters {
  #windows = new Map<string, RateWindow & { endsAt: number }>();

  async hitRate(bucket: string, windowMs: number, now: number) {
    let window = this.#windows.get(bucket);
    if (!window || window.endsAt <= now) {
      window = { count: 0, startedAt: now, endsAt: now + windowMs };
      this.#windows.set(bucket, window);
      if (this.#windows.size > 50_000) for (const [key, value] of this.#windows) if (value.endsAt <= now) this.#windows.delete(key);
    }
    window.count += 1;
    return { count: window.count, startedAt: window.startedAt };
  }

  async peekRate(bucket: string, now: number) {
    const window = this.#windows.get(bucket);
    return window && window.endsAt > now ? { count: window.count, startedAt: window.startedAt } : null;
  }

  async clearRates() {
    this.#windows.clear();
  }
}

export class MemoryStore implements MembershipStore {
  #members = new Map<string, MemberRecord>();
  #consents: ConsentRecord[] = [];
  #companies = new Map<string, CompanyRecord>();
  #links = new Map<string, CompanyLinkRecord>();
  #sessions = new Map<string, SessionRecord>();
  #verifications = new Map<string, VerificationRecord>();
  #tokens = new Map<string, VerificationTokenRecord>();
  #certificates = new Map<string, CertificateRecord>();
  #resets = new Map<string, PasswordResetRecord>();
  #idempotency = new Map<string, IdempotencyRecord>();
  #messages: SandboxMessage[] = [];
  #rates = new MemoryRateCounters();
  #leases = new Map<string, { holder: string; expiresAt: number }>();

  async createMember(member: MemberRecord, consents: ConsentRecord[]) {
    const members = [...this.#members.values()];
    if (members.some((m) => m.loginKey === member.loginKey)) return { ok: false as const, conflict: 'LOGIN_ID_TAKEN' as const };
    if (members.some((m) => m.di === member.di)) return { ok: false as const, conflict: 'ALREADY_MEMBER' as const };
    this.#members.set(member.memberId, copy(member));
    this.#consents.push(...copy(consents));
    return { ok: true as const };
  }

  async getMember(memberId: string) {
    const member = this.#members.get(memberId);
    return member ? copy(member) : null;
  }

  async findMemberByLoginKey(loginKey: string) {
    const member = [...this.#members.values()].find((m) => m.loginKey === loginKey);
    return member ? copy(member) : null;
  }

  async findMembersByDi(di: string) {
    return copy([...this.#members.values()].filter((m) => m.di === di));
  }

  async findMembersByCi(ci: string) {
    return copy([...this.#members.values()].filter((m) => m.ci === ci));
  }

  async updateMember(memberId: string, changes: Partial<MemberRecord>) {
    const member = this.#members.get(memberId);
    if (!member) return null;
    const updated = { ...member, ...copy(changes), memberId, loginId: member.loginId, loginKey: member.loginKey, di: member.di, ci: member.ci };
    this.#members.set(memberId, updated);
    return copy(updated);
  }

  async isLoginKeyTaken(loginKey: string) {
    return [...this.#members.values()].some((m) => m.loginKey === loginKey);
  }

  async listConsents(memberId: string) {
    return copy(this.#consents.filter((c) => c.memberId === memberId));
  }

  async addConsents(consents: ConsentRecord[]) {
    this.#consents.push(...copy(consents));
  }

  async getCompany(companyId: string) {
    const company = this.#companies.get(companyId);
    return company ? copy(company) : null;
  }

  async findCompanyByBusinessNumber(businessNumber: string) {
    const company = [...this.#companies.values()].find((c) => c.businessNumber === businessNumber);
    return company ? copy(company) : null;
  }

  async linkCompany(memberId: string, candidate: CompanyRecord, at: number) {
    if (this.#links.has(memberId)) return { ok: false as const, reason: 'ALREADY_LINKED' as const };
    let company = [...this.#companies.values()].find((c) => c.businessNumber === candidate.businessNumber);
    const created = !company;
    if (!company) {
      company = copy(candidate);
      this.#companies.set(company.companyId, company);
    }
    const link: CompanyLinkRecord = { companyId: company.companyId, memberId, role: created ? 'master' : 'associate', linkedAt: at };
    this.#links.set(memberId, link);
    return { ok: true as const, company: copy(company), link: copy(link), created };
  }

  async updateCompany(companyId: string, details: CompanyRecord['details']) {
    const company = this.#companies.get(companyId);
    if (!company) return null;
    company.details = copy(details);
    return copy(company);
  }

  async getLink(memberId: string) {
    const link = this.#links.get(memberId);
    return link ? copy(link) : null;
  }

  async listLinks(companyId: string) {
    return copy([...this.#links.values()].filter((l) => l.companyId === companyId));
  }

  async setRole(companyId: string, memberId: string, role: CompanyLinkRecord['role']) {
    const link = this.#links.get(memberId);
    if (!link || link.companyId !== companyId) return false;
    link.role = role;
    return true;
  }

  async transferMaster(companyId: string, fromMemberId: string, toMemberId: string) {
    const from = this.#links.get(fromMemberId);
    const to = this.#links.get(toMemberId);
    if (!from || !to || from.companyId !== companyId || to.companyId !== companyId || from.role !== 'master' || to.role !== 'regular') return false;
    from.role = 'regular';
    to.role = 'master';
    return true;
  }

  async removeLink(companyId: string, memberId: string) {
    const link = this.#links.get(memberId);
    if (!link || link.companyId !== companyId) return false;
    this.#links.delete(memberId);
    return true;
  }

  async createSession(session: SessionRecord) {
    this.#sessions.set(session.sessionHash, copy(session));
  }

  async getSession(sessionHash: string) {
    const session = this.#sessions.get(sessionHash);
    return session ? copy(session) : null;
  }

  async updateSession(sessionHash: string, changes: Partial<Pick<SessionRecord, 'reverifiedAt' | 'expiresAt'>>) {
    const session = this.#sessions.get(sessionHash);
    if (session) Object.assign(session, changes);
  }

  async deleteSession(sessionHash: string) {
    this.#sessions.delete(sessionHash);
  }

  async putVerification(record: VerificationRecord) {
    this.#verifications.set(record.verificationId, copy(record));
  }

  async getVerification(verificationId: string) {
    const record = this.#verifications.get(verificationId);
    return record ? copy(record) : null;
  }

  async findVerificationByResultId(resultId: string) {
    const record = [...this.#verifications.values()].find((v) => v.providerResultId === resultId);
    return record ? copy(record) : null;
  }

  async putVerificationToken(record: VerificationTokenRecord) {
    this.#tokens.set(record.tokenHash, copy(record));
  }

  async consumeVerificationToken(tokenHash: string, at: number) {
    const token = this.#tokens.get(tokenHash);
    if (!token || token.usedAt !== null) return null;
    token.usedAt = at;
    return copy(token);
  }

  async getVerificationToken(tokenHash: string) {
    const token = this.#tokens.get(tokenHash);
    return token ? copy(token) : null;
  }

  async voidUnusedVerificationTokens(verificationId: string) {
    const tokens = [...this.#tokens.values()].filter((token) => token.verificationId === verificationId);
    if (tokens.some((token) => token.usedAt !== null)) return false;
    for (const token of tokens) this.#tokens.delete(token.tokenHash);
    return true;
  }

  async putCertificate(record: CertificateRecord) {
    this.#certificates.set(record.certificateId, copy(record));
  }

  async getCertificate(certificateId: string) {
    const record = this.#certificates.get(certificateId);
    return record ? copy(record) : null;
  }

  async deleteUnusedCertificates(before: number) {
    const used = new Set([...this.#companies.values()].map((company) => company.certificateId));
    let deleted = 0;
    for (const [id, record] of this.#certificates) {
      if (record.createdAt < before && !used.has(id)) deleted += Number(this.#certificates.delete(id));
    }
    return deleted;
  }

  async putPasswordReset(record: PasswordResetRecord) {
    this.#resets.set(record.resetId, copy(record));
  }

  async getPasswordReset(resetId: string) {
    const record = this.#resets.get(resetId);
    return record ? copy(record) : null;
  }

  async markPasswordResetUsed(resetId: string, at: number) {
    const record = this.#resets.get(resetId);
    if (!record || record.usedAt !== null) return false;
    record.usedAt = at;
    return true;
  }

  async claimIdempotency(record: IdempotencyRecord) {
    const earlier = this.#idempotency.get(record.scope);
    if (earlier) return copy(earlier);
    this.#idempotency.set(record.scope, copy(record));
    return null;
  }

  async completeIdempotency(scope: string, status: number, body: string) {
    const record = this.#idempotency.get(scope);
    if (record) Object.assign(record, { status, body });
  }

  async releaseIdempotency(scope: string) {
    this.#idempotency.delete(scope);
  }

  async addSandboxMessage(message: SandboxMessage) {
    this.#messages.push(copy(message));
  }

  async listSandboxMessages(limit: number) {
    return limit <= 0 ? [] : copy(this.#messages.slice(-limit).reverse());
  }

  hitRate(bucket: string, windowMs: number, now: number) {
    return this.#rates.hitRate(bucket, windowMs, now);
  }

  peekRate(bucket: string, now: number) {
    return this.#rates.peekRate(bucket, now);
  }

  clearRates() {
    return this.#rates.clearRates();
  }

  async acquireLease(name: string, holder: string, now: number, ttlMs: number) {
    const lease = this.#leases.get(name);
    if (lease && lease.expiresAt > now) return false;
    this.#leases.set(name, { holder, expiresAt: now + ttlMs });
    return true;
  }

  async releaseLease(name: string, holder: string) {
    if (this.#leases.get(name)?.holder === holder) this.#leases.delete(name);
  }

  close() {}
}
