import type { DatabaseSync } from 'node:sqlite';

// Schema of the SQLite store. `PRAGMA user_version` is the schema version; migrations run in order,
// each in its own transaction, so a crash mid-way leaves the file at the last whole version.
// Append new migrations; never edit one that has shipped.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE members (
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
        address          TEXT CHECK (address IS NULL OR json_valid(address)),
        interest_items   TEXT NOT NULL CHECK (json_valid(interest_items)),
        interest_regions TEXT NOT NULL CHECK (json_valid(interest_regions)),
        di               TEXT NOT NULL,
        ci               TEXT NOT NULL,
        verified_with    TEXT NOT NULL,
        joined_site_id   TEXT NOT NULL,
        joined_at        INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX members_login_key ON members (login_key);
      CREATE UNIQUE INDEX members_di ON members (di);
      CREATE INDEX members_ci ON members (ci);

      -- Append-only answers; consent_id keeps the order they were given in.
      CREATE TABLE consents (
        consent_id  INTEGER PRIMARY KEY,
        member_id   TEXT NOT NULL REFERENCES members (member_id),
        site_id     TEXT NOT NULL,
        document_id TEXT NOT NULL,
        version     TEXT NOT NULL,
        agreed      INTEGER NOT NULL CHECK (agreed IN (0, 1)),
        answered_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX consents_member ON consents (member_id);

      CREATE TABLE companies (
        company_id         TEXT PRIMARY KEY,
        business_number    TEXT NOT NULL UNIQUE,
        details            TEXT NOT NULL CHECK (json_valid(details)),
        certificate_id     TEXT,
        certificate_status TEXT NOT NULL CHECK (certificate_status IN ('none', 'uploaded', 'verified')),
        registered_at      INTEGER NOT NULL
      ) STRICT;

      -- member_id is the key: a member belongs to at most one company.
      CREATE TABLE company_links (
        member_id  TEXT PRIMARY KEY REFERENCES members (member_id),
        company_id TEXT NOT NULL REFERENCES companies (company_id),
        role       TEXT NOT NULL CHECK (role IN ('master', 'regular', 'associate')),
        linked_at  INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX company_links_company ON company_links (company_id);

      CREATE TABLE sessions (
        session_hash  TEXT PRIMARY KEY,
        member_id     TEXT NOT NULL REFERENCES members (member_id),
        csrf_token    TEXT NOT NULL,
        created_at    INTEGER NOT NULL,
        expires_at    INTEGER NOT NULL,
        reverified_at INTEGER
      ) STRICT;
      CREATE INDEX sessions_member ON sessions (member_id);

      CREATE TABLE verifications (
        verification_id    TEXT PRIMARY KEY,
        site_id            TEXT NOT NULL,
        method             TEXT NOT NULL,
        purpose            TEXT NOT NULL,
        mode               TEXT NOT NULL CHECK (mode IN ('otp', 'popup', 'redirect')),
        created_at         INTEGER NOT NULL,
        expires_at         INTEGER NOT NULL,
        session_hash       TEXT,
        reset_id           TEXT,
        captcha_answer     TEXT,
        claimed            TEXT CHECK (claimed IS NULL OR json_valid(claimed)),
        code_hash          TEXT,
        code_expires_at    INTEGER,
        code_attempts      INTEGER NOT NULL,
        resends            INTEGER NOT NULL,
        last_sent_at       INTEGER,
        person             TEXT CHECK (person IS NULL OR json_valid(person)),
        provider_result_id TEXT,
        done               INTEGER NOT NULL CHECK (done IN (0, 1))
      ) STRICT;
      CREATE INDEX verifications_result ON verifications (provider_result_id);

      CREATE TABLE verification_tokens (
        token_hash      TEXT PRIMARY KEY,
        verification_id TEXT NOT NULL,
        site_id         TEXT NOT NULL,
        purpose         TEXT NOT NULL,
        method          TEXT NOT NULL,
        person          TEXT NOT NULL CHECK (json_valid(person)),
        issued_at       INTEGER NOT NULL,
        expires_at      INTEGER NOT NULL,
        used_at         INTEGER
      ) STRICT;

      CREATE TABLE certificates (
        certificate_id TEXT PRIMARY KEY,
        file_name      TEXT NOT NULL,
        content_type   TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        bytes          INTEGER NOT NULL,
        data           BLOB NOT NULL,
        created_at     INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE password_resets (
        reset_id   TEXT PRIMARY KEY,
        site_id    TEXT NOT NULL,
        login_key  TEXT NOT NULL,
        mobile     TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at    INTEGER
      ) STRICT;

      CREATE TABLE idempotency (
        scope        TEXT PRIMARY KEY,
        request_hash TEXT NOT NULL,
        status       INTEGER NOT NULL,
        body         TEXT NOT NULL,
        created_at   INTEGER NOT NULL
      ) STRICT;

      -- Append-only outbox; seq is the order of sending (newest = highest).
      CREATE TABLE sandbox_messages (
        seq        INTEGER PRIMARY KEY,
        message_id TEXT NOT NULL,
        mobile     TEXT NOT NULL,
        text       TEXT NOT NULL,
        sent_at    INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'one master per company, rate-limit counters, leases',
    sql: `
      -- The store's transactions already make one MASTER; the index makes it a rule of the data.
      CREATE UNIQUE INDEX company_links_one_master ON company_links (company_id) WHERE role = 'master';

      -- Fixed-window rate-limit counters; rows past ends_at are stale and swept now and then.
      CREATE TABLE rate_counters (
        bucket     TEXT PRIMARY KEY,
        count      INTEGER NOT NULL,
        started_at INTEGER NOT NULL,
        ends_at    INTEGER NOT NULL
      ) STRICT;

      -- Named locks that free themselves at expires_at if the holder died.
      CREATE TABLE leases (
        name       TEXT PRIMARY KEY,
        holder     TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
];

export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get();
  return Number(row?.['user_version'] ?? 0);
}

/** Brings the database up to the last migration; returns the resulting version. */
export function migrate(db: DatabaseSync, list: readonly Migration[] = migrations): number {
  list.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`Migration ${index + 1} is numbered ${migration.version}`);
  });
  const latest = list.length;
  const found = schemaVersion(db);
  if (found > latest) throw new Error(`Database schema version ${found} is newer than this server knows (${latest})`);
  for (const migration of list.slice(found)) {
    // IMMEDIATE takes the write lock first, so a second process opening the file waits, then re-reads.
    db.exec('BEGIN IMMEDIATE');
    try {
      if (schemaVersion(db) < migration.version) {
        db.exec(migration.sql);
        db.exec(`PRAGMA user_version = ${migration.version}`);
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }
  return schemaVersion(db);
}
