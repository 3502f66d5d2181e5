import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MemoryStore } from './memory.ts';
import { migrate, migrations, schemaVersion, type Migration } from './migrations.ts';
import { SqliteStore } from './sqlite.ts';
import { certificate, company, companyWithMaster, consent, member, range, session, T0 } from './store-fixtures.ts';
import { storeSuite } from './store-suite.ts';
import type { MembershipStore } from './types.ts';

// The shared suite (store-suite.ts) for MemoryStore (MSW) and SqliteStore (demo); postgres.test.ts runs it too.
// Then SQLite-only checks: restart, migrations, foreign keys, rollback, and concurrent connections.

const dir = mkdtempSync(join(tmpdir(), 'membership-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;
const tempFile = () => join(dir, `store-${++fileCount}.db`);

// ---------------------------------------------------------------- the shared suite

storeSuite('MemoryStore', () => new MemoryStore());
storeSuite('SqliteStore', () => new SqliteStore(tempFile()));

// ---------------------------------------------------------------- SQLite only

describe('SqliteStore on disk', () => {
  it('keeps members, consents, companies, links and sessions across a restart', async () => {
    const file = tempFile();
    const store = new SqliteStore(file);
    const { master, other, company: registered } = await companyWithMaster(store);
    await store.linkCompany(other.memberId, company(), T0);
    await store.addConsents([consent(master.memberId)]);
    const record = session(master.memberId, { reverifiedAt: T0 + 1 });
    await store.createSession(record);
    const cert = certificate(Uint8Array.from([37, 80, 68, 70]));
    await store.putCertificate(cert);
    store.close();

    const reopened = new SqliteStore(file);
    try {
      assert.deepEqual(await reopened.getMember(master.memberId), master);
      assert.deepEqual(await reopened.findMemberByLoginKey(other.loginKey), other);
      assert.deepEqual(await reopened.listConsents(master.memberId), [consent(master.memberId)]);
      assert.deepEqual(await reopened.getCompany(registered.companyId), registered);
      assert.deepEqual((await reopened.listLinks(registered.companyId)).map((l) => l.role), ['master', 'associate']);
      assert.deepEqual(await reopened.getSession(record.sessionHash), record);
      assert.deepEqual(await reopened.getCertificate(cert.certificateId), cert);
    } finally {
      reopened.close();
    }
  });

  it('creates every table in WAL mode and leaves an up-to-date file untouched on reopen', () => {
    const file = tempFile();
    new SqliteStore(file).close();
    const db = new DatabaseSync(file);
    const schema = () => db.prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY name").all();
    try {
      const before = schema();
      assert.deepEqual(
        before.filter((r) => r['type'] === 'table').map((r) => r['name']).sort(),
        ['certificates', 'companies', 'company_links', 'consents', 'idempotency', 'leases', 'members', 'password_resets',
          'rate_counters', 'sandbox_messages', 'sessions', 'verification_tokens', 'verifications'],
      );
      assert.equal(db.prepare('PRAGMA journal_mode').get()?.['journal_mode'], 'wal');
      assert.equal(schemaVersion(db), migrations.length);

      new SqliteStore(file).close();
      assert.equal(migrate(db), migrations.length);
      assert.equal(schemaVersion(db), migrations.length);
      assert.deepEqual(schema(), before);
    } finally {
      db.close();
    }
  });

  it('runs only the newer migrations, in order, and rolls back one that fails', () => {
    const db = new DatabaseSync(':memory:');
    try {
      const extra: Migration[] = [
        ...migrations,
        { version: migrations.length + 1, name: 'notes', sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY) STRICT' },
        { version: migrations.length + 2, name: 'broken', sql: 'CREATE TABLE half (id INTEGER); INSERT INTO nowhere VALUES (1)' },
      ];
      assert.equal(migrate(db), migrations.length);
      assert.throws(() => migrate(db, extra), /nowhere/);
      assert.equal(schemaVersion(db), migrations.length + 1);
      assert.equal(db.isTransaction, false);
      const tables = db.prepare("SELECT name FROM sqlite_schema WHERE name IN ('notes', 'half')").all().map((r) => r['name']);
      assert.deepEqual(tables, ['notes']);
      assert.throws(() => migrate(db, [migrations[0]!, { version: 3, name: 'gap', sql: '' }]), /numbered 3/);
    } finally {
      db.close();
    }
  });

  it('refuses a file written by a newer schema', () => {
    const file = tempFile();
    const db = new DatabaseSync(file);
    db.exec(`PRAGMA user_version = ${migrations.length + 1}`);
    db.close();
    assert.throws(() => new SqliteStore(file), /newer than this server knows/);
  });

  it('enforces foreign keys and rolls a failed transaction back whole', async () => {
    const store = new SqliteStore(tempFile());
    try {
      await assert.rejects(store.linkCompany('nobody', company(), T0), /FOREIGN KEY/);
      assert.equal(await store.findCompanyByBusinessNumber('1208147521'), null, 'the company insert was rolled back');

      const record = member();
      await assert.rejects(store.createMember(record, [consent(record.memberId), consent('nobody')]), /FOREIGN KEY/);
      assert.equal(await store.getMember(record.memberId), null, 'the member insert was rolled back');
      assert.deepEqual(await store.createMember(record, [consent(record.memberId)]), { ok: true }, 'no transaction left open');
    } finally {
      store.close();
    }
  });

  // Each call runs synchronously, so this shows the connections share state (nothing cached per
  // instance); the worker-thread test below is the one that races them for real.
  describe('two connections on one file', () => {
    let file: string;
    let stores: [SqliteStore, SqliteStore];
    beforeEach(() => {
      file = tempFile();
      stores = [new SqliteStore(file), new SqliteStore(file)];
    });
    afterEach(() => stores.forEach((s) => s.close()));
    const alternate = (i: number) => stores[i % 2]!;

    it('lets exactly one of 50 signups with one login ID through', async () => {
      const results = await Promise.all(range(50).map((i) => alternate(i).createMember(member({ loginKey: 'same01' }), [])));
      assert.equal(results.filter((r) => r.ok).length, 1);
      assert.equal(results.filter((r) => !r.ok && r.conflict === 'LOGIN_ID_TAKEN').length, 49);
      assert.equal((await stores[1].findMemberByLoginKey('same01'))?.memberId, (await stores[0].findMemberByLoginKey('same01'))?.memberId);
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
  });

  // Truly parallel connections: worker threads, each with its own SqliteStore, released at once.
  // Without BEGIN IMMEDIATE around each check-and-write this fails (locked, or a unique index trips).
  it('holds with four threads racing on one file', async () => {
    const file = tempFile();
    const setup = new SqliteStore(file);
    const threads = 4;
    const rounds = 10;
    // Round i: every thread signs up someone with login ID race-i, and links its own member to company i.
    const linkers = range(threads).map(() => range(rounds).map(() => member()));
    for (const m of linkers.flat()) await setup.createMember(m, []);
    setup.close();
    const businessNumber = (i: number) => String(1_000_000_000 + i);

    const gate = new SharedArrayBuffer(4);
    const workerCode = `
      const { parentPort, workerData } = require('node:worker_threads');
      import(workerData.moduleUrl).then(async ({ SqliteStore }) => {
        const store = new SqliteStore(workerData.file);
        parentPort.postMessage('ready');
        Atomics.wait(new Int32Array(workerData.gate), 0, 0);
        const signups = [], links = [];
        for (const m of workerData.signups) signups.push(await store.createMember(m, []));
        for (const { memberId, company } of workerData.links) links.push(await store.linkCompany(memberId, company, 0));
        store.close();
        parentPort.postMessage({ signups, links });
      });`;
    type Outcome = {
      signups: Awaited<ReturnType<MembershipStore['createMember']>>[];
      links: Awaited<ReturnType<MembershipStore['linkCompany']>>[];
    };
    const workers = range(threads).map((t) => {
      const worker = new Worker(workerCode, {
        eval: true,
        workerData: {
          moduleUrl: pathToFileURL(join(import.meta.dirname, 'sqlite.ts')).href, file, gate,
          signups: range(rounds).map((i) => member({ loginKey: `race-${i}` })),
          links: range(rounds).map((i) => ({
            memberId: linkers[t]![i]!.memberId,
            company: company({ companyId: `co-${t}-${i}`, businessNumber: businessNumber(i) }),
          })),
        },
      });
      let markReady!: () => void;
      const ready = new Promise<void>((resolve) => (markReady = resolve));
      const done = new Promise<Outcome>((resolve, reject) => {
        worker.on('message', (data) => (data === 'ready' ? markReady() : resolve(data)));
        worker.on('error', reject);
      });
      return { ready, done };
    });
    await Promise.all(workers.map((w) => w.ready));
    Atomics.store(new Int32Array(gate), 0, 1);
    Atomics.notify(new Int32Array(gate), 0);
    const outcomes = await Promise.all(workers.map((w) => w.done));

    for (const i of range(rounds)) {
      const signups = outcomes.map((o) => o.signups[i]!);
      assert.equal(signups.filter((r) => r.ok).length, 1, `one winner of login ID race-${i}`);
      assert.ok(signups.every((r) => r.ok || r.conflict === 'LOGIN_ID_TAKEN'));
      const links = outcomes.map((o) => o.links[i]!);
      const roles = links.map((r) => (r.ok ? r.link.role : r.reason)).sort();
      assert.deepEqual(roles, ['associate', 'associate', 'associate', 'master'], `one MASTER of company ${i}`);
      assert.equal(new Set(links.map((r) => (r.ok ? r.company.companyId : ''))).size, 1);
    }
  });
});
