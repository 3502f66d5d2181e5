import type { Sql } from 'postgres';
import type { Migration } from './migrations.ts';

// Schema of the PostgreSQL store, numbered like the SQLite one. `schema_migrations` records what ran;
// each migration runs in its own transaction under an advisory lock, so instances starting together
// migrate once (the others wait, then see the new version). Append; never edit a shipped migration.

export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE members (
        seq              BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
        member_id        TEXT PRIMARY KEY,
        login_id         TEXT NOT NULL,
        login_key        TEXT NOT NULL,
        password_hash    TEXT NOT NULL,
        member_type      TEXT NOT NULL,
        name             TEXT NOT NULL,
        name_en          TEXT,
        birth_date       TEXT NOT NULL,
        gender           TEXT NOT NULL,
        nationality      TEXT NOT NULL,
        email            TEXT NOT NULL,
        mobile           TEXT,
        phone            TEXT,
        fax              TEXT,
        department       TEXT,
        position         TEXT,
        address          JSONB,
        interest_items   JSONB NOT NULL,
        interest_regions JSONB NOT NULL,
        di               TEXT NOT NULL,
        ci               TEXT NOT NULL,
        verified_with    TEXT NOT NULL,
        joined_site_id   TEXT NOT NULL,
        joined_at        BIGINT NOT NULL
      );
      -- One account per login ID (case-folded by the server) and per person (DI).
      CREATE UNIQUE INDEX members_login_key ON members (login_key);
      CREATE UNIQUE INDEX members_di ON members (di);
      CREATE INDEX members_ci ON members (ci);

      CREATE TABLE consents (
        seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        member_id   TEXT NOT NULL REFERENCES members (member_id),
        site_id     TEXT NOT NULL,
        document_id TEXT NOT NULL,
        version     TEXT NOT NULL,
        agreed      BOOLEAN NOT NULL,
        answered_at BIGINT NOT NULL
      );
      CREATE INDEX consents_member ON consents (member_id);

      CREATE TABLE companies (
        company_id         TEXT PRIMARY KEY,
        business_number    TEXT NOT NULL UNIQUE,
        details            JSONB NOT NULL,
        certificate_id     TEXT,
        certificate_status TEXT NOT NULL CHECK (certificate_status IN ('none', 'uploaded', 'verified')),
        registered_at      BIGINT NOT NULL
      );

      -- member_id is the key: a member belongs to at most one company.
      CREATE TABLE company_links (
        seq        BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
        member_id  TEXT PRIMARY KEY REFERENCES members (member_id),
        company_id TEXT NOT NULL REFERENCES companies (company_id),
        role       TEXT NOT NULL CHECK (role IN ('master', 'regular', 'associate')),
        linked_at  BIGINT NOT NULL
      );
      CREATE INDEX company_links_company ON company_links (company_id);
      CREATE UNIQUE INDEX company_links_one_master ON company_links (company_id) WHERE role = 'master';

      CREATE TABLE sessions (
        session_hash  TEXT PRIMARY KEY,
        member_id     TEXT NOT NULL REFERENCES members (member_id),
        csrf_token    TEXT NOT NULL,
        created_at    BIGINT NOT NULL,
        expires_at    BIGINT NOT NULL,
        reverified_at BIGINT
      );
      CREATE INDEX sessions_member ON sessions (member_id);

      CREATE TABLE verifications (
        seq                BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
        verification_id    TEXT PRIMARY KEY,
        site_id            TEXT NOT NULL,
        method             TEXT NOT NULL,
        purpose            TEXT NOT NULL,
        mode               TEXT NOT NULL CHECK (mode IN ('otp', 'popup', 'redirect')),
        created_at         BIGINT NOT NULL,
        expires_at         BIGINT NOT NULL,
        session_hash       TEXT,
        reset_id           TEXT,
        captcha_answer     TEXT,
        claimed            JSONB,
        code_hash          TEXT,
        code_expires_at    BIGINT,
        code_attempts      INTEGER NOT NULL,
        resends            INTEGER NOT NULL,
        last_sent_at       BIGINT,
        person             JSONB,
        provider_result_id TEXT,
        done               BOOLEAN NOT NULL
      );
      CREATE INDEX verifications_result ON verifications (provider_result_id);

      CREATE TABLE verification_tokens (
        token_hash      TEXT PRIMARY KEY,
        verification_id TEXT NOT NULL,
        site_id         TEXT NOT NULL,
        purpose         TEXT NOT NULL,
        method          TEXT NOT NULL,
        person          JSONB NOT NULL,
        issued_at       BIGINT NOT NULL,
        expires_at      BIGINT NOT NULL,
        used_at         BIGINT
      );

      CREATE TABLE certificates (
        certificate_id TEXT PRIMARY KEY,
        file_name      TEXT NOT NULL,
        content_type   TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        bytes          INTEGER NOT NULL,
        data           BYTEA NOT NULL,
        created_at     BIGINT NOT NULL
      );

      CREATE TABLE password_resets (
        reset_id   TEXT PRIMARY KEY,
        site_id    TEXT NOT NULL,
        login_key  TEXT NOT NULL,
        mobile     TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        used_at    BIGINT
      );

      CREATE TABLE idempotency (
        scope        TEXT PRIMARY KEY,
        request_hash TEXT NOT NULL,
        status       INTEGER NOT NULL,
        body         TEXT NOT NULL,
        created_at   BIGINT NOT NULL
      );

      CREATE TABLE sandbox_messages (
        seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        message_id TEXT NOT NULL,
        mobile     TEXT NOT NULL,
        text       TEXT NOT NULL,
        sent_at    BIGINT NOT NULL
      );

      -- Shared by every instance: a limit counts the hits of all of them.
      CREATE TABLE rate_counters (
        bucket     TEXT PRIMARY KEY,
        count      INTEGER NOT NULL,
        started_at BIGINT NOT NULL,
        ends_at    BIGINT NOT NULL
      );
      CREATE INDEX rate_counters_ends ON rate_counters (ends_at);

      CREATE TABLE leases (
        name       TEXT PRIMARY KEY,
        holder     TEXT NOT NULL,
        expires_at BIGINT NOT NULL
      );
    `,
  },
];

/** Brings the database (its current schema) up to the last migration; returns the resulting version. */
export async function migratePostgres(sql: Sql, list: readonly Migration[] = postgresMigrations): Promise<number> {
  list.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`Migration ${index + 1} is numbered ${migration.version}`);
  });
  const latest = list.length;
  for (;;) {
    const done = await sql.begin(async (tx) => {
      // Per schema, so test schemas migrate side by side; the lock ends with the transaction.
      await tx`SELECT pg_advisory_xact_lock(hashtext('membership-migrations:' || current_schema()))`;
      await tx`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`;
      const [row] = await tx<{ version: number | null }[]>`SELECT max(version) AS version FROM schema_migrations`;
      const found = row?.version ?? 0;
      if (found > latest) throw new Error(`Database schema version ${found} is newer than this server knows (${latest})`);
      const next = list[found];
      if (!next) return true;
      await tx.unsafe(next.sql);
      await tx`INSERT INTO schema_migrations (version, name) VALUES (${next.version}, ${next.name})`;
      return false;
    });
    if (done) break;
  }
  const [row] = await sql<{ version: number | null }[]>`SELECT max(version) AS version FROM schema_migrations`;
  return row?.version ?? 0;
}
