import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { withLease } from './lease.ts';
import { openStore } from './open.ts';
import { PostgresStore } from './postgres.ts';
import { migratePostgres, postgresMigrations } from './postgres-migrations.ts';
import { findPostgresBin, startPostgres, type TestPostgres } from './postgres-testing.ts';
import { company, consent, member, range, T0 } from './store-fixtures.ts';
import { SqliteStore } from './sqlite.ts';
import { storeSuite } from './store-suite.ts';

// The shared store suite against a real PostgreSQL started here (Debian's binaries; the test fails
// with install instructions when they are missing), one schema per test. Then what only a server
// database shows: migrations run once when instances start together, and separate connection pools
// (as two server instances have) racing on one login ID and one business number.

let pg: TestPostgres;
let schemas = 0;
const nextSchema = () => `store_test_${++schemas}`;

before(async () => {
  pg = await startPostgres();
});
after(() => pg?.stop());

storeSuite('PostgresStore', () => PostgresStore.open(pg.url, { schema: nextSchema() }));

describe('the test PostgreSQL', () => {
  it('fails with install instructions when the binaries are missing', async () => {
    const saved = process.env['PG_BIN'];
    process.env['PG_BIN'] = '/nonexistent/postgresql/bin';
    try {
      assert.equal(findPostgresBin(), null);
      await assert.rejects(startPostgres(), /apt-get install postgresql.*PG_BIN/s);
    } finally {
      if (saved === undefined) delete process.env['PG_BIN'];
      else process.env['PG_BIN'] = saved;
    }
  });
});

describe('openStore', () => {
  it('opens PostgreSQL for a postgres:// DATABASE_URL (no password in the log line), SQLite without one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'membership-open-'));
    try {
      const withPassword = pg.url.replace('postgres@', 'postgres:hunter2secret@');
      const opened = await openStore({ databaseUrl: withPassword, dataDir });
      assert.ok(opened.store instanceof PostgresStore);
      assert.doesNotMatch(opened.location, /hunter2secret/);
      await opened.store.close();
      await assert.rejects(openStore({ databaseUrl: 'mysql://localhost/db', dataDir }), /postgres:\/\//);
      const sqlite = await openStore({ databaseUrl: '', dataDir });
      assert.ok(sqlite.store instanceof SqliteStore);
      assert.equal(sqlite.location, join(dataDir, 'membership.sqlite'));
      sqlite.store.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('PostgresStore on a server', () => {
  it('migrates once when several instances open a new database together, and reopens untouched', async () => {
    const schema = nextSchema();
    const stores = await Promise.all(range(4).map(() => PostgresStore.open(pg.url, { schema, max: 2 })));
    await Promise.all(stores.map((s) => s.close()));
    const sql = postgres(pg.url, { connection: { search_path: schema }, onnotice: () => {} });
    try {
      const applied = await sql`SELECT version FROM schema_migrations ORDER BY version`;
      assert.deepEqual(applied.map((r) => r['version']), postgresMigrations.map((m) => m.version));
      const tables = await sql`SELECT table_name FROM information_schema.tables WHERE table_schema = ${schema} ORDER BY table_name`;
      assert.deepEqual(tables.map((r) => r['table_name']), [
        'certificates', 'companies', 'company_links', 'consents', 'idempotency', 'leases', 'members', 'password_resets',
        'rate_counters', 'sandbox_messages', 'schema_migrations', 'sessions', 'verification_tokens', 'verifications',
      ]);
      assert.equal(await migratePostgres(sql), postgresMigrations.length);
    } finally {
      await sql.end();
    }
  });

  it('rolls a failing migration back whole and refuses a schema newer than it knows', async () => {
    const schema = nextSchema();
    const sql = postgres(pg.url, { connection: { search_path: schema }, onnotice: () => {} });
    try {
      await sql`CREATE SCHEMA ${sql(schema)}`;
      const extra = [
        ...postgresMigrations,
        { version: postgresMigrations.length + 1, name: 'notes', sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY)' },
        { version: postgresMigrations.length + 2, name: 'broken', sql: 'CREATE TABLE half (id INTEGER); INSERT INTO nowhere VALUES (1)' },
      ];
      await assert.rejects(migratePostgres(sql, extra), /nowhere/);
      const [row] = await sql`SELECT max(version) AS version FROM schema_migrations`;
      assert.equal(row?.['version'], postgresMigrations.length + 1);
      const tables = await sql`SELECT table_name FROM information_schema.tables WHERE table_schema = ${schema} AND table_name IN ('notes', 'half')`;
      assert.deepEqual(tables.map((r) => r['table_name']), ['notes']);
      await assert.rejects(PostgresStore.open(pg.url, { schema }), /newer than this server knows/);
    } finally {
      await sql.end();
    }
  });

  it('enforces foreign keys and one MASTER per company, rolling a failed transaction back whole', async () => {
    const store = await PostgresStore.open(pg.url, { schema: nextSchema() });
    try {
      await assert.rejects(store.linkCompany('nobody', company(), T0), /foreign key/);
      assert.equal(await store.findCompanyByBusinessNumber('1208147521'), null, 'the company insert was rolled back');
      const record = member();
      await assert.rejects(store.createMember(record, [consent(record.memberId), consent('nobody')]), /foreign key/);
      assert.equal(await store.getMember(record.memberId), null, 'the member insert was rolled back');
      assert.deepEqual(await store.createMember(record, [consent(record.memberId)]), { ok: true });

      const other = member();
      await store.createMember(other, []);
      const linked = await store.linkCompany(record.memberId, company(), T0);
      assert.ok(linked.ok);
      await store.linkCompany(other.memberId, company(), T0);
      await assert.rejects(store.setRole(linked.company.companyId, other.memberId, 'master'), /company_links_one_master/);
    } finally {
      await store.close();
    }
  });

  // Two pools, like two server instances: the check-and-writes meet only in the database.
  describe('two instances on one database', () => {
    let stores: [PostgresStore, PostgresStore];
    beforeEach(async () => {
      const schema = nextSchema();
      stores = [await PostgresStore.open(pg.url, { schema }), await PostgresStore.open(pg.url, { schema })];
    });
    afterEach(() => Promise.all(stores.map((s) => s.close())));
    const alternate = (i: number) => stores[i % 2]!;

    it('lets exactly one of 50 signups with one login ID through', async () => {
      const results = await Promise.all(range(50).map((i) => alternate(i).createMember(member({ loginKey: 'same01' }), [])));
      assert.equal(results.filter((r) => r.ok).length, 1);
      assert.equal(results.filter((r) => !r.ok && r.conflict === 'LOGIN_ID_TAKEN').length, 49);
    });

    it('lets exactly one of 50 signups of one person (DI) through', async () => {
      const results = await Promise.all(range(50).map((i) => alternate(i).createMember(member({ di: 'di-same' }), [])));
      assert.equal(results.filter((r) => r.ok).length, 1);
      assert.equal(results.filter((r) => !r.ok && r.conflict === 'ALREADY_MEMBER').length, 49);
    });

    it('makes exactly one of 50 linkers MASTER', async () => {
      const members = range(50).map(() => member());
      for (const [i, m] of members.entries()) await alternate(i).createMember(m, []);
      const results = await Promise.all(members.map((m, i) => alternate(i).linkCompany(m.memberId, company({ businessNumber: '1068100030' }), T0)));
      const roles = results.map((r) => (r.ok ? r.link.role : r.reason));
      assert.equal(roles.filter((r) => r === 'master').length, 1);
      assert.equal(roles.filter((r) => r === 'associate').length, 49);
      const companyId = results[0]!.ok ? results[0]!.company.companyId : '';
      assert.equal((await stores[1].listLinks(companyId)).length, 50);
    });

    it('links one member once when the same link arrives at both at once', async () => {
      const m = member();
      await stores[0].createMember(m, []);
      const results = await Promise.all(range(10).map((i) => alternate(i).linkCompany(m.memberId, company({ businessNumber: `20000000${i % 10}0` }), T0)));
      assert.equal(results.filter((r) => r.ok).length, 1);
      assert.equal((await Promise.all(range(10).map((i) => stores[0].findCompanyByBusinessNumber(`20000000${i}0`)))).filter(Boolean).length, 1);
    });

    it('hands a verification token, a password reset and an idempotency slot to one caller only', async () => {
      await stores[0].putVerificationToken({
        tokenHash: 'tok-race', verificationId: 'v', siteId: 'kotra', purpose: 'signup', method: 'mobile',
        person: { name: '홍길동', birthDate: '1990-01-02', gender: 'male', nationality: 'domestic', mobile: null, carrier: null, ci: 'c', di: 'd' },
        issuedAt: T0, expiresAt: T0 + 1000, usedAt: null,
      });
      const consumed = await Promise.all(range(20).map((i) => alternate(i).consumeVerificationToken('tok-race', T0 + i)));
      assert.equal(consumed.filter(Boolean).length, 1);

      await stores[0].putPasswordReset({ resetId: 'reset-race', siteId: 'kotra', loginKey: 'a', mobile: '01012345678', createdAt: T0, expiresAt: T0 + 1000, usedAt: null });
      const used = await Promise.all(range(20).map((i) => alternate(i).markPasswordResetUsed('reset-race', T0 + i)));
      assert.equal(used.filter(Boolean).length, 1);

      const claims = await Promise.all(range(20).map((i) => alternate(i).claimIdempotency({ scope: 's', requestHash: `r${i}`, status: 0, body: '', createdAt: T0 })));
      assert.equal(claims.filter((c) => c === null).length, 1);
      assert.equal(new Set(claims.filter(Boolean).map((c) => c!.requestHash)).size, 1, 'every other caller sees the winner');
    });

    it('runs lease-guarded tasks one at a time across both', async () => {
      let running = 0;
      let most = 0;
      const order: number[] = [];
      await Promise.all(range(12).map((i) => withLease(alternate(i), 'verification:shared', async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setImmediate(resolve));
        order.push(i);
        running -= 1;
      })));
      assert.equal(most, 1);
      assert.equal(order.length, 12);
    });

    it('counts rate-limit hits and leases across both', async () => {
      const windows = await Promise.all(range(40).map((i) => alternate(i).hitRate('login:x', 60_000, T0)));
      assert.equal(Math.max(...windows.map((w) => w.count)), 40);
      const taken = await Promise.all(range(20).map((i) => alternate(i).acquireLease('verification:v1', `h${i}`, T0, 30_000)));
      assert.equal(taken.filter(Boolean).length, 1);
    });
  });
});
