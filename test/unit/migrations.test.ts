/**
 * One test per migration: data written before it survives it. Plus the safety rails around
 * migrating: a backup before touching an existing file, and foreign keys off during rebuilds.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { openDatabase, readJournal } from '../../src/main/platform/database';
import { ensureCategoryCodes } from '../../src/main/reference/category-codes';
import { makeCore, migrationsFolder, tempDir } from '../support/core';

/** A migrations folder holding only the first `count` migrations of the real one. */
function migrationsUpTo(count: number, dir: string): string {
  const folder = join(dir, `migrations-${count}`);
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8'));
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const entry of journal.entries)
    cpSync(join(migrationsFolder, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
  return folder;
}

const at = '2026-11-27T02:00:00.000Z';

/** Rows as the schema of 0000_init holds them. */
function writeInitData(db: Database.Database) {
  db.prepare("INSERT INTO desk VALUES (1, 'PBL01', 'MPP Kab. Probolinggo', ?, ?)").run(at, at);
  db.prepare(
    "INSERT INTO accounts VALUES ('a1', 'admin', 'admin', 'Admin', 'admin', 'scrypt$x', 0, 0, NULL, ?, ?)",
  ).run(at, at);
  db.prepare("INSERT INTO channels VALUES ('TATAP_MUKA', 'Datang langsung', 1)").run();
  db.prepare("INSERT INTO agencies VALUES ('DPUPR', 'Dinas PUPR', 'opd', NULL, 1)").run();
  db.prepare("INSERT INTO regions VALUES ('35.13.01', 'Sukapura', 'kecamatan', '35.13')").run();
  db.prepare(
    "INSERT INTO categories (id, name, parent_id, active) VALUES (1, 'INFRASTRUKTUR', NULL, 1)",
  ).run();
  db.prepare("INSERT INTO holidays VALUES ('2026-12-25', 'libur_nasional', 'Natal', NULL)").run();
  db.prepare(
    `INSERT INTO complaints (id, receipt_number, type, channel, title, body, agency_code, supervisory, anonymous,
      confidential, officer_id, status, received_at, received_day, verify_due, follow_up_due, answer_due,
      created_at, updated_at, kecamatan_code, category_id)
     VALUES ('c1', 'PBL01-20261127-0001-X', 'PENGADUAN', 'TATAP_MUKA', 'Jalan rusak', 'Isi', 'DPUPR', 0, 0, 0, 'a1',
      'BARU', ?, '2026-11-27', '2026-12-02', '2026-12-09', '2026-12-11', ?, ?, '35.13.01', 1)`,
  ).run(at, at, at);
  db.prepare(
    "INSERT INTO complaint_events (id, complaint_id, kind, at, actor_id, to_status) VALUES ('e1', 'c1', 'DITERIMA', ?, 'a1', 'BARU')",
  ).run(at);
  db.prepare("INSERT INTO audit_log (at, actor_id, action) VALUES (?, 'a1', 'setup.initialize')").run(at);
}

function countRows(db: Database.Database) {
  const tables = [
    'desk',
    'accounts',
    'channels',
    'agencies',
    'regions',
    'categories',
    'holidays',
    'complaints',
    'complaint_events',
    'audit_log',
  ];
  return Object.fromEntries(
    tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );
}

/** For each migration: what to write before it (on the schema before it), and what must hold after. */
const migrationTests: Record<
  string,
  { before: (db: Database.Database) => void; after: (db: Database.Database) => void }
> = {
  '0000_init': {
    before: () => {},
    after: (db) => {
      writeInitData(db);
      expect(countRows(db).complaints).toBe(1);
    },
  },
  '0001_search_and_history': {
    before: writeInitData,
    after: (db) => {
      expect(countRows(db)).toEqual({
        desk: 1,
        accounts: 1,
        channels: 1,
        agencies: 1,
        regions: 1,
        categories: 1,
        holidays: 1,
        complaints: 1,
        complaint_events: 1,
        audit_log: 1,
      });
      expect(db.prepare("SELECT title FROM complaints WHERE id = 'c1'").get()).toEqual({
        title: 'Jalan rusak',
      });
      expect(() => db.prepare("UPDATE complaint_events SET kind = 'X' WHERE id = 'e1'").run()).toThrow(
        /append-only/,
      );
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      db.prepare("INSERT INTO complaint_fts VALUES ('c1', 'Jalan rusak', 'Isi', '', '')").run();
      expect(
        db.prepare("SELECT complaint_id FROM complaint_fts WHERE complaint_fts MATCH 'jal*'").all(),
      ).toEqual([{ complaint_id: 'c1' }]);
    },
  },
  '0002_status_flow_snippets_drafts': {
    before: (db) => {
      writeInitData(db);
      db.prepare(
        "INSERT INTO complaint_fts (complaint_id, title, body, name, location) VALUES ('c1', 'Jalan rusak', 'Isi', '', '')",
      ).run();
    },
    after: (db) => {
      expect(countRows(db).complaints).toBe(1);
      expect(
        db
          .prepare(
            "SELECT status, current_due AS due, seq, paused_since AS paused FROM complaints WHERE id = 'c1'",
          )
          .get(),
      ).toEqual({
        status: 'BARU',
        due: '2026-12-02',
        seq: 1,
        paused: null,
      });
      // The search index is rebuilt keyed by seq, with the region names in the location text.
      expect(
        db
          .prepare(
            "SELECT c.id FROM complaint_fts f JOIN complaints c ON c.seq = f.rowid WHERE complaint_fts MATCH 'sukapura'",
          )
          .all(),
      ).toEqual([{ id: 'c1' }]);
      expect(countRows(db).complaint_events).toBe(1);
    },
  },
  '0003_printers': {
    before: writeInitData,
    after: (db) => {
      expect(countRows(db).complaints).toBe(1);
      db.prepare(
        "INSERT INTO printers (id, name, kind, address, paper, updated_at) VALUES ('p1', 'Loket', 'escpos-tcp', '10.0.0.5', '80mm', 'x')",
      ).run();
      expect(
        db.prepare('SELECT codepage_mapping AS c, qr_mode AS q, timeout_ms AS t FROM printers').get(),
      ).toEqual({ c: 'epson', q: 'native', t: 8000 });
    },
  },
  '0004_outbox': {
    before: writeInitData,
    after: (db) => {
      // What was recorded before forwarding existed waits to be sent: the complaint first, then its event.
      expect(db.prepare('SELECT kind, ref_id AS ref, state FROM outbox ORDER BY id').all()).toEqual([
        { kind: 'complaint', ref: 'c1', state: 'pending' },
        { kind: 'event', ref: 'e1', state: 'pending' },
      ]);
      expect(countRows(db).complaints).toBe(1);
    },
  },
  '0005_forwarding_contract': {
    before: (db) => {
      writeInitData(db);
      db.prepare(
        "INSERT INTO categories (id, name, parent_id, active) VALUES (2, 'Jalan Rusak / Berlubang', 1, 1)",
      ).run();
      db.prepare(
        "INSERT INTO outbox (complaint_id, kind, ref_id, state, next_attempt_at, created_at) VALUES ('c1', 'complaint', 'c1x', 'parked', ?, ?)",
      ).run(at, at);
    },
    after: (db) => {
      // Waiting records keep their state; codes are given at the next start, then never change.
      expect(
        db.prepare('SELECT state, invalid_answers AS n FROM outbox WHERE ref_id = ?').get('c1x'),
      ).toEqual({
        state: 'parked',
        n: 0,
      });
      expect(db.prepare('SELECT count(*) AS n FROM categories WHERE code IS NULL').get()).toEqual({ n: 2 });
      expect(db.prepare('SELECT count(*) AS n FROM key_check').get()).toEqual({ n: 0 });
      ensureCategoryCodes(db);
      expect(db.prepare('SELECT id, code FROM categories ORDER BY id').all()).toEqual([
        { id: 1, code: 'INFRASTRUKTUR' },
        { id: 2, code: 'INFRASTRUKTUR.JALAN_RUSAK_BERLUBANG' },
      ]);
      db.prepare("UPDATE categories SET name = 'Jalan' WHERE id = 2").run();
      ensureCategoryCodes(db);
      expect(db.prepare('SELECT code FROM categories WHERE id = 2').get()).toEqual({
        code: 'INFRASTRUKTUR.JALAN_RUSAK_BERLUBANG',
      });
      expect(countRows(db).complaints).toBe(1);
    },
  },
  '0006_day_review': {
    before: writeInitData,
    after: (db) => {
      // Records saved before the review existed are simply not reviewed yet; registers are append-only.
      expect(countRows(db).complaints).toBe(1);
      expect(db.prepare('SELECT count(*) AS n FROM complaint_reviews').get()).toEqual({ n: 0 });
      db.prepare("INSERT INTO day_registers VALUES ('r1', '2026-11-27', ?, 'a1', NULL, 1, '{}', 'ab')").run(
        at,
      );
      db.prepare("INSERT INTO register_entries VALUES ('c1', 'r1')").run();
      expect(() => db.prepare("UPDATE day_registers SET digest = 'x'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM day_registers').run()).toThrow(/append-only/);
      expect(() => db.prepare("UPDATE register_entries SET register_id = 'r2'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM register_entries').run()).toThrow(/append-only/);
    },
  },
  '0007_deadline_rules': {
    before: writeInitData,
    after: (db) => {
      // No rule yet: records keep the limits they were given; the desk's settings apply until a rule is added.
      expect(countRows(db).complaints).toBe(1);
      expect(db.prepare('SELECT count(*) AS n FROM deadline_rules').get()).toEqual({ n: 0 });
      db.prepare("INSERT INTO deadline_rules VALUES ('r1', 'ASPIRASI', 5, 5, 14, '2026-12-01', 'a1', ?)").run(
        at,
      );
      expect(() => db.prepare('UPDATE deadline_rules SET verify_working_days = 1').run()).toThrow(
        /append-only/,
      );
    },
  },
  '0008_operations': {
    before: writeInitData,
    after: (db) => {
      // No backup, no passphrase and no restore yet; the receipt-number floors are append-only.
      expect(countRows(db).complaints).toBe(1);
      expect(db.prepare('SELECT count(*) AS n FROM backups').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM key_recovery').get()).toEqual({ n: 0 });
      db.prepare("INSERT INTO receipt_sequence_floors VALUES (1, '2026-11-27', 10000, ?, ?)").run(at, at);
      expect(() => db.prepare('UPDATE receipt_sequence_floors SET floor = 0').run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM receipt_sequence_floors').run()).toThrow(/append-only/);
    },
  },
  '0009_trail': {
    before: writeInitData,
    after: (db) => {
      // Rows written before the chain stay as they were, unlinked (the desk seals them when it opens).
      expect(countRows(db).complaints).toBe(1);
      expect(db.prepare('SELECT count(*) AS n FROM complaint_events WHERE chain_seq IS NULL').get()).toEqual({
        n: countRows(db).complaint_events,
      });
      expect(db.prepare('SELECT count(*) AS n FROM audit_log WHERE hash IS NULL').get()).toEqual({
        n: countRows(db).audit_log,
      });
      expect(db.prepare('SELECT count(*) AS n FROM chain_seals').get()).toEqual({ n: 0 });
    },
  },
  '0010_privacy': {
    before: writeInitData,
    after: (db) => {
      // Nothing purged, nothing held.
      expect(countRows(db).complaints).toBe(1);
      expect(
        db.prepare('SELECT count(*) AS n FROM complaints WHERE personal_purged_at IS NOT NULL').get(),
      ).toEqual({
        n: 0,
      });
      expect(db.prepare('SELECT count(*) AS n FROM legal_holds').get()).toEqual({ n: 0 });
    },
  },
  '0011_lapor_index': {
    before: writeInitData,
    after: (db) => {
      expect(countRows(db).complaints).toBe(1);
      // The index is there and Cari "#ID" uses it instead of reading every row.
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN SELECT id FROM complaints c WHERE c.lapor_tracking_id = ?`)
        .all('9165816') as Array<{ detail: string }>;
      expect(plan.map((p) => p.detail).join(' ')).toContain('complaints_lapor');
    },
  },
  '0012_fts_prefixes': {
    before: (db) => {
      writeInitData(db);
      db.prepare(
        "INSERT INTO complaint_fts (rowid, complaint_id, title, body, name, location) VALUES (1, 'c1', 'Jalan rusak', 'Isi laporan', 'Siti Aminah', 'Dringu Sukapura')",
      ).run();
      db.prepare(
        "INSERT INTO complaint_fts (rowid, complaint_id, title, body, name, location) VALUES (7, 'c7', 'Lampu mati', 'Gelap', '', '')",
      ).run();
    },
    after: (db) => {
      expect(countRows(db).complaints).toBe(1);
      // Every row copied with its rowid (the complaint's seq) and its text.
      expect(db.prepare('SELECT rowid, * FROM complaint_fts ORDER BY rowid').all()).toEqual([
        {
          rowid: 1,
          complaint_id: 'c1',
          title: 'Jalan rusak',
          body: 'Isi laporan',
          name: 'Siti Aminah',
          location: 'Dringu Sukapura',
        },
        { rowid: 7, complaint_id: 'c7', title: 'Lampu mati', body: 'Gelap', name: '', location: '' },
      ]);
      // The new table under the old name, with prefix indexes up to six letters, and nothing left over.
      const table = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'complaint_fts'").pluck().get();
      expect(table).toContain("prefix = '2 3 4 5 6'");
      expect(
        db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'complaint_fts_next%'").all(),
      ).toEqual([]);
      // Merged into one segment, not left for later saves to merge.
      expect(db.prepare('SELECT count(DISTINCT segid) FROM complaint_fts_idx').pluck().get()).toBe(1);
      const find = (q: string) =>
        db
          .prepare('SELECT rowid FROM complaint_fts WHERE complaint_fts MATCH ? ORDER BY rowid')
          .pluck()
          .all(q);
      expect(find('"jala"*')).toEqual([1]);
      expect(find('"sukap"*')).toEqual([1]);
      expect(find('"aminah"*')).toEqual([1]);
      expect(find('"lamp"*')).toEqual([7]);
      // Writing goes on as before.
      db.prepare(
        "INSERT INTO complaint_fts (rowid, complaint_id, title, body, name, location) VALUES (8, 'c8', 'Jalan berlubang', '', '', '')",
      ).run();
      expect(find('"jalan"*')).toEqual([1, 8]);
    },
  },
  '0013_outbox_held': {
    before: (db) => {
      writeInitData(db);
      const put = db.prepare(
        "INSERT INTO outbox (complaint_id, kind, ref_id, state, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, '2026-11-27T01:00:00.000Z')",
      );
      // c1: delivered, then its head event and one behind it; c2: parked, an event held behind it;
      // c3: one message alone, in backoff.
      put.run('c1', 'complaint', 'r1', 'sent', '2026-11-27T01:00:00.000Z');
      put.run('c1', 'event', 'r2', 'pending', '2026-11-27T02:00:00.000Z');
      put.run('c1', 'event', 'r3', 'pending', '2026-11-27T01:30:00.000Z');
      put.run('c2', 'complaint', 'r4', 'parked', '2026-11-27T01:00:00.000Z');
      put.run('c2', 'event', 'r5', 'pending', '2026-11-27T01:00:00.000Z');
      put.run('c3', 'complaint', 'r6', 'pending', '2026-11-27T05:00:00.000Z');
    },
    after: (db) => {
      expect(countRows(db).complaints).toBe(1);
      const times = Object.fromEntries(
        (
          db
            .prepare('SELECT ref_id AS r, state, next_attempt_at AS at FROM outbox ORDER BY id')
            .all() as Array<{
            r: string;
            state: string;
            at: string;
          }>
        ).map((o) => [o.r, `${o.state} ${o.at}`]),
      );
      const held = '9999-12-31T23:59:59.999Z';
      expect(times).toEqual({
        r1: 'sent 2026-11-27T01:00:00.000Z',
        r2: 'pending 2026-11-27T02:00:00.000Z',
        r3: `pending ${held}`,
        r4: 'parked 2026-11-27T01:00:00.000Z',
        r5: `pending ${held}`,
        r6: 'pending 2026-11-27T05:00:00.000Z',
      });
    },
  },
  '0014_report_indexes': {
    before: writeInitData,
    after: (db) => {
      expect(countRows(db).complaints).toBe(1);
      // The report's two reads are answered from the indexes alone.
      const plan = (sql: string) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>)
          .map((r) => r.detail)
          .join(' | ');
      expect(
        plan(
          "SELECT seq, type, channel, agency_code, desa_code, officer_id, answer_due, receipt_number, id FROM complaints WHERE received_day BETWEEN '2026-11-01' AND '2026-11-30'",
        ),
      ).toContain('COVERING INDEX complaints_report');
      expect(
        plan(
          "SELECT at, id, to_status, kind FROM complaint_events WHERE complaint_id = 'c1' ORDER BY at, id",
        ),
      ).toContain('COVERING INDEX complaint_events_complaint');
      expect(
        db.prepare("SELECT receipt_number FROM complaints WHERE received_day = '2026-11-27'").pluck().all(),
      ).toEqual(['PBL01-20261127-0001-X']);
    },
  },
  '0015_report_milestones': {
    before: (db) => {
      writeInitData(db);
      const event = db.prepare(
        "INSERT INTO complaint_events (id, complaint_id, kind, at, actor_id, to_status, data) VALUES (?, 'c1', ?, ?, 'a1', ?, ?)",
      );
      event.run('e2', 'VERIFIKASI', '2026-11-27T20:00:00.000Z', 'TERVERIFIKASI', null); // 28 Nov in WIB
      event.run('e3', 'DISPOSISI', '2026-11-30T03:00:00.000Z', 'TERDISPOSISI', null);
      event.run('e4', 'RESUME', '2026-12-02T03:00:00Z', null, '{"pausedWorkingDays":2}');
      event.run('e5', 'TINDAK_LANJUT', '2026-12-03T03:00:00.000Z', 'DITINDAKLANJUTI', null);
    },
    after: (db) => {
      const milestones = () =>
        db
          .prepare(
            `SELECT verified_day, forwarded_day, followed_up_day, answered_day, last_change_day, last_change_status, pauses
             FROM complaints WHERE id = 'c1'`,
          )
          .get();
      // The records kept before are filled in by the migration.
      expect(milestones()).toEqual({
        verified_day: '2026-11-28',
        forwarded_day: '2026-11-30',
        followed_up_day: '2026-12-03',
        answered_day: '2026-12-03',
        last_change_day: '2026-12-03',
        last_change_status: 'DITINDAKLANJUTI',
        pauses: '2026-12-02|2',
      });
      // Then each new event updates them, in history order even when it comes out of order.
      const event = db.prepare(
        "INSERT INTO complaint_events (id, complaint_id, kind, at, actor_id, to_status) VALUES (?, 'c1', ?, ?, 'a1', ?)",
      );
      event.run('e6', 'SELESAI', '2026-12-05T03:00:00.000Z', 'SELESAI');
      event.run('e7', 'PUSAT', '2026-11-29T03:00:00.000Z', 'TERDISPOSISI');
      expect(milestones()).toMatchObject({
        forwarded_day: '2026-11-29',
        last_change_day: '2026-12-05',
        last_change_status: 'SELESAI',
      });
      // A report still reads the index alone.
      expect(
        (
          db
            .prepare(
              "EXPLAIN QUERY PLAN SELECT receipt_number, verified_day, last_change_status, pauses FROM complaints WHERE received_day BETWEEN '2026-11-01' AND '2026-11-30'",
            )
            .all() as Array<{ detail: string }>
        )[0]!.detail,
      ).toContain('COVERING INDEX complaints_report');
    },
  },
  '0016_attachments': {
    before: writeInitData,
    after: (db) => {
      expect(countRows(db).complaints).toBe(1);
      db.prepare(
        "INSERT INTO attachment_contents VALUES ('ab', 'image/jpeg', 3, 1, 1, x'010203', NULL, ?)",
      ).run(at);
      db.prepare(
        "INSERT INTO attachments VALUES ('t1', 'c1', 'ab', 'image/jpeg', 3, 'v1.x', 0, 0, ?, 'a1', NULL, NULL, NULL)",
      ).run(at);
      // An attachment belongs to a record that exists.
      expect(() =>
        db
          .prepare(
            "INSERT INTO attachments VALUES ('t2', 'nope', 'ab', 'image/jpeg', 3, 'v1.x', 0, 0, ?, 'a1', NULL, NULL, NULL)",
          )
          .run(at),
      ).toThrow(/FOREIGN KEY/);
    },
  },
  '0017_delivery_on_row': {
    before: (db) => {
      writeInitData(db);
      // A second record with nothing queued, and c1 with a message sent and one parked.
      db.prepare(
        `INSERT INTO complaints (id, receipt_number, type, channel, title, body, agency_code, supervisory, anonymous,
          confidential, officer_id, status, received_at, received_day, verify_due, follow_up_due, answer_due,
          created_at, updated_at, seq) SELECT 'c2', 'PBL01-20261127-0002-X', type, channel, title, body, agency_code,
          supervisory, anonymous, confidential, officer_id, status, received_at, received_day, verify_due,
          follow_up_due, answer_due, created_at, updated_at, 2 FROM complaints WHERE id = 'c1'`,
      ).run();
      const add = db.prepare(
        'INSERT INTO outbox (complaint_id, kind, ref_id, state, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      add.run('c1', 'complaint', 'c1', 'sent', at, at);
      add.run('c1', 'event', 'e1', 'parked', at, at);
      add.run('register:2026-11-27', 'register', 'r1', 'pending', at, at);
    },
    after: (db) => {
      const delivery = () =>
        db.prepare('SELECT id, delivery FROM complaints ORDER BY id').all() as Array<{
          id: string;
          delivery: string | null;
        }>;
      // Filled in from the outbox for the records kept.
      expect(delivery()).toEqual([
        { id: 'c1', delivery: 'parked' },
        { id: 'c2', delivery: null },
      ]);
      // And kept up by the outbox's triggers from now on.
      db.prepare("UPDATE outbox SET state = 'sent' WHERE ref_id = 'e1'").run();
      db.prepare(
        "INSERT INTO outbox (complaint_id, kind, ref_id, state, next_attempt_at, created_at) VALUES ('c2', 'complaint', 'c2', 'pending', ?, ?)",
      ).run(at, at);
      expect(delivery()).toEqual([
        { id: 'c1', delivery: 'sent' },
        { id: 'c2', delivery: 'waiting' },
      ]);
      db.prepare("DELETE FROM outbox WHERE complaint_id = 'c2'").run();
      expect(delivery()[1]).toEqual({ id: 'c2', delivery: null });
    },
  },
};

describe('migrations', () => {
  const journal = readJournal(migrationsFolder);

  it('each have a test of their own', () => {
    expect(Object.keys(migrationTests).sort()).toEqual(journal.map((e) => e.tag).sort());
  });

  journal.forEach((entry, index) => {
    it(`${entry.tag} keeps the data written before it`, () => {
      const dir = tempDir();
      const file = join(dir.path, 'desk.sqlite');
      const first = openDatabase({ file, migrationsFolder: migrationsUpTo(index, dir.path) });
      migrationTests[entry.tag]!.before(first.sqlite);
      first.close();

      const second = openDatabase({ file, migrationsFolder: migrationsUpTo(index + 1, dir.path) });
      expect(second.appliedMigrations).toEqual([entry.tag]);
      expect(second.sqlite.pragma('foreign_key_check')).toEqual([]);
      migrationTests[entry.tag]!.after(second.sqlite);
      second.close();
      dir.remove();
    });
  });

  it('backs up an existing file before migrating it, and not a new one', () => {
    const dir = tempDir();
    const file = join(dir.path, 'desk.sqlite');
    const fresh = openDatabase({ file, migrationsFolder: migrationsUpTo(1, dir.path) });
    expect(fresh.backupPath).toBeNull();
    writeInitData(fresh.sqlite);
    fresh.close();

    const migrated = openDatabase({ file, migrationsFolder: migrationsUpTo(2, dir.path) });
    expect(migrated.backupPath).toMatch(/before-0001_search_and_history\.sqlite$/);
    // Backups hold personal data too: owner-only (issue 9, item 8).
    expect(statSync(migrated.backupPath!).mode & 0o077).toBe(0);
    migrated.close();
    const backup = new Database(migrated.backupPath!, { readonly: true });
    expect(countRows(backup).complaints).toBe(1);
    // The backup is the schema before the migration.
    expect(backup.prepare("SELECT 1 FROM sqlite_master WHERE name = 'complaint_fts'").get()).toBeUndefined();
    backup.close();

    const again = openDatabase({ file, migrationsFolder: migrationsUpTo(2, dir.path) });
    expect(again.backupPath).toBeNull(); // nothing pending, nothing to back up
    again.close();
    expect(readdirSync(join(dir.path, 'backups'))).toHaveLength(1);
    dir.remove();
  });

  it('turns foreign keys off around a table rebuild, so child rows are not lost or refused', () => {
    const dir = tempDir();
    const file = join(dir.path, 'desk.sqlite');
    const base = openDatabase({ file, migrationsFolder });
    writeInitData(base.sqlite);
    base.close();

    // A drizzle-style rebuild of complaints (what drizzle-kit generates to alter a column).
    const folder = join(dir.path, 'rebuild');
    cpSync(migrationsFolder, folder, { recursive: true });
    const journalPath = join(folder, 'meta', '_journal.json');
    const j = JSON.parse(readFileSync(journalPath, 'utf8'));
    const last = j.entries[j.entries.length - 1];
    j.entries.push({
      idx: last.idx + 1,
      version: '6',
      when: last.when + 1,
      tag: '9999_rebuild',
      breakpoints: true,
    });
    writeFileSync(journalPath, JSON.stringify(j));
    const probe = new Database(file);
    const ddl = (
      probe.prepare("SELECT sql FROM sqlite_master WHERE name = 'complaints'").get() as { sql: string }
    ).sql;
    probe.close();
    writeFileSync(
      join(folder, '9999_rebuild.sql'),
      [
        ddl.replace('CREATE TABLE `complaints`', 'CREATE TABLE `__new_complaints`') + ';',
        'INSERT INTO `__new_complaints` SELECT * FROM `complaints`;',
        'DROP TABLE `complaints`;',
        'ALTER TABLE `__new_complaints` RENAME TO `complaints`;',
      ].join('\n--> statement-breakpoint\n'),
    );

    // With foreign keys on, the DROP inside the migration's transaction is refused outright.
    const copy = join(dir.path, 'copy.sqlite');
    cpSync(file, copy);
    const raw = new Database(copy);
    raw.pragma('foreign_keys = ON');
    let refusal: unknown;
    try {
      migrate(drizzle(raw), { migrationsFolder: folder });
    } catch (error) {
      refusal = error;
    }
    expect(String((refusal as Error | undefined)?.cause)).toMatch(/FOREIGN KEY constraint failed/);
    raw.close();

    const migrated = openDatabase({ file, migrationsFolder: folder });
    expect(countRows(migrated.sqlite).complaint_events).toBe(1);
    // The milestones' view and trigger (0015) name the rebuilt table and keep working.
    migrated.sqlite
      .prepare(
        "INSERT INTO complaint_events (id, complaint_id, kind, at, actor_id, to_status) VALUES ('e2', 'c1', 'VERIFIKASI', ?, 'a1', 'TERVERIFIKASI')",
      )
      .run(at);
    expect(
      migrated.sqlite
        .prepare("SELECT verified_day, last_change_status FROM complaints WHERE id = 'c1'")
        .get(),
    ).toEqual({ verified_day: '2026-11-27', last_change_status: 'TERVERIFIKASI' });
    expect(migrated.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    migrated.close();
    expect(existsSync(join(dir.path, 'backups'))).toBe(true);
    dir.remove();
  });

  it('opens with WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const t = makeCore({ masterKey: randomBytes(32) });
    const { sqlite } = t.core.ctx;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    t.close();
  });
});
