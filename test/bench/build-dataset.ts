/**
 * Builds (or reuses) a desk database with N realistic complaints, written the way the desk writes
 * them (encrypted personal data, blind indexes, receipt numbers, deadlines, history, search rows),
 * but in large transactions, since loading a million rows one save at a time would take hours.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { addCalendarDays, wibDate } from '../../src/shared/calendar/working-days';
import { formatReceiptNumber } from '../../src/shared/domain/receipt-number';
import { createCore } from '../../src/main/core';
import { loadOrCreateKeyFile } from '../../src/main/platform/crypto/key-file';
import { dueFor } from '../../src/main/complaints/actions';
import { eventRowText, genesis, linkHash } from '../../src/main/platform/chain';
import { browserKeyFile, ensureKeyFolder, moveLegacyKey } from '../../src/main/host/key-location';
import { migrationsFolder, referenceDataDir, repoRoot } from '../support/core';
import { hostEnv } from '../support/host-process';
import { makeGenerator, type Reference } from './dataset';

export const benchAdmin = { name: 'admin', secret: 'bench-admin-1' };

/**
 * The bench database's key, where the browser-mode host keeps it (outside the data folder, as
 * host/key-location.ts decides for the environment the tests give the host): a data set opened here
 * and then by the host, or the other way round, uses one key.
 */
export function benchKeyFile(dir: string): string {
  const keyFile = browserKeyFile(dir, hostEnv(dir));
  moveLegacyKey(dir, keyFile);
  ensureKeyFolder(keyFile);
  return keyFile;
}

/** The report worker as built by npm run build (the bench runs the core from source, the worker as shipped). */
const builtReportWorker = join(repoRoot, 'out', 'main', 'report-worker.js');

export function openBenchCore(dir: string) {
  return createCore({
    dataDir: dir,
    migrationsFolder,
    referenceDataDir,
    masterKey: loadOrCreateKeyFile(benchKeyFile(dir)),
    shell: 'browser',
    version: 'bench',
    // The built worker, as the shells start it (npm run build first); without it the desk's thread counts both.
    ...(existsSync(builtReportWorker) ? { reportWorker: { file: builtReportWorker } } : {}),
  });
}

export async function buildDataset(dir: string, size: number, log: (s: string) => void) {
  const marker = join(dir, 'dataset.json');
  // Rebuild whenever the schema or the generator changes.
  const hash = createHash('sha256');
  for (const f of readdirSync(migrationsFolder)
    .filter((f) => f.endsWith('.sql'))
    .sort())
    hash.update(readFileSync(join(migrationsFolder, f)));
  hash.update(readFileSync(new URL('./dataset.ts', import.meta.url)));
  hash.update(readFileSync(new URL(import.meta.url)));
  const stamp = JSON.stringify({ size, schema: hash.digest('hex') });
  if (existsSync(marker) && readFileSync(marker, 'utf8') === stamp) {
    log(`  reusing ${dir}`);
    return;
  }
  // BENCH_MIGRATE=1: a data set of this size brought up to date by the desk's own migrations (as a
  // counter's would be) instead of built again; its pre-migration copy is not kept.
  if (
    process.env.BENCH_MIGRATE === '1' &&
    existsSync(marker) &&
    (JSON.parse(readFileSync(marker, 'utf8')) as { size: number }).size === size
  ) {
    const started = Date.now();
    openBenchCore(dir).close();
    for (const f of readdirSync(join(dir, 'backups')).filter((f) => f.includes('-before-')))
      rmSync(join(dir, 'backups', f), { force: true });
    writeFileSync(marker, stamp);
    log(`  migrated ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return;
  }
  mkdirSync(dir, { recursive: true });
  for (const f of ['desk.sqlite', 'desk.sqlite-wal', 'desk.sqlite-shm', 'backups'])
    rmSync(join(dir, f), { recursive: true, force: true });
  const core = openBenchCore(dir);
  const { sqlite, cipher } = core.ctx;
  await core.accounts.setup({
    deskCode: 'PBL01',
    siteName: 'Mal Pelayanan Publik Kabupaten Probolinggo',
    admin: { name: benchAdmin.name, displayName: 'Admin Bench', secret: benchAdmin.secret },
  });
  const adminId = (sqlite.prepare("SELECT id FROM accounts WHERE name = 'admin'").get() as { id: string }).id;

  const all = core.reference.all();
  const ref: Reference = {
    kecamatan: all.regions.filter((r) => r.level === 'kecamatan').map((r) => r.code),
    desaByKecamatan: new Map(),
    kecamatanName: new Map(all.regions.filter((r) => r.level === 'kecamatan').map((r) => [r.code, r.name])),
    agencies: all.agencies.map((a) => a.code),
    categories: all.categories
      .filter((c) => c.parentId === null)
      .map((c) => ({ id: c.id, subIds: all.categories.filter((s) => s.parentId === c.id).map((s) => s.id) })),
    channels: all.channels.map((c) => c.code),
  };
  for (const r of all.regions) {
    if (r.level !== 'desa' && r.level !== 'kelurahan') continue;
    const list = ref.desaByKecamatan.get(r.parentCode!) ?? [];
    list.push({ code: r.code, name: r.name });
    ref.desaByKecamatan.set(r.parentCode!, list);
  }
  const next = makeGenerator(ref);
  const calendar = core.reference.calendar();
  const rules = core.settings.get();

  const insertComplaint =
    sqlite.prepare(`INSERT INTO complaints (id, receipt_number, type, channel, title, body, incident_date,
    kecamatan_code, desa_code, location_detail, category_id, subcategory_id, agency_code, supervisory, anonymous, confidential,
    complainant_name, nik_enc, nik_bidx, phone_enc, phone_bidx, email_enc, address_enc, officer_id, status, received_at,
    received_day, verify_due, follow_up_due, answer_due, lapor_tracking_id, seq, current_due, paused_since, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, NULL, ?, ?)`);
  // History as the desk writes it: linked into the hash chain (platform/chain.ts) in order.
  const insertEvent = sqlite.prepare(
    `INSERT INTO complaint_events (id, complaint_id, kind, at, actor_id, from_status, to_status, chain_seq, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let chainSeq = 0;
  let chainHead = genesis;
  const event = (
    complaintId: string,
    kind: string,
    at: string,
    fromStatus: string | null,
    toStatus: string,
  ) => {
    const row = {
      chainSeq: ++chainSeq,
      id: uuidv7({ msecs: Date.parse(at) }),
      complaintId,
      kind,
      at,
      actorId: adminId,
      fromStatus,
      toStatus,
      reason: null,
      data: null,
    };
    chainHead = linkHash(chainHead, 'event', eventRowText(row));
    insertEvent.run(row.id, complaintId, kind, at, adminId, fromStatus, toStatus, row.chainSeq, chainHead);
  };
  const insertFts = sqlite.prepare(
    'INSERT INTO complaint_fts (rowid, complaint_id, title, body, name, location) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const setSequence = sqlite.prepare(
    'INSERT INTO receipt_sequences (day, last) VALUES (?, ?) ON CONFLICT(day) DO UPDATE SET last = excluded.last',
  );

  // Spread over the last three years up to yesterday; about the same number each working day.
  const days = 3 * 365;
  const end = Date.now() - 86_400_000;
  const start = end - days * 86_400_000;
  const perDay = new Map<string, number>();
  const deadlines = new Map<string, { verify: string; followUp: string; answer: string }>();
  sqlite.pragma('synchronous = OFF'); // loading only; the desk itself always runs FULL
  const batch = 20_000;
  const t0 = Date.now();
  for (let done = 0; done < size;) {
    const n = Math.min(batch, size - done);
    sqlite.transaction(() => {
      for (let i = 0; i < n; i++) {
        const seq = done + i + 1;
        const at = new Date(start + Math.floor(((seq - 0.5) / size) * (end - start)));
        const receivedAt = at.toISOString();
        const day = wibDate(at);
        const dayKey = day.replace(/-/g, '');
        const sequence = (perDay.get(dayKey) ?? 0) + 1;
        perDay.set(dayKey, sequence);
        let d = deadlines.get(day);
        if (!d) {
          const verify = calendar.addWorkingDays(day, rules.verifyWorkingDays);
          d = {
            verify,
            followUp: calendar.addWorkingDays(verify, rules.followUpWorkingDays),
            answer: addCalendarDays(day, rules.answerCalendarDays),
          };
          deadlines.set(day, d);
        }
        const c = next();
        const id = uuidv7({ msecs: at.getTime() });
        const current = dueFor(c.status as never, {
          verifyDue: d.verify,
          followUpDue: d.followUp,
          answerDue: d.answer,
        });
        insertComplaint.run(
          id,
          formatReceiptNumber({ deskCode: 'PBL01', day: dayKey, sequence }),
          c.type,
          c.channel,
          c.title,
          c.body,
          addCalendarDays(day, -2),
          c.kecamatanCode,
          c.desaCode,
          c.locationDetail,
          c.categoryId,
          c.subcategoryId,
          c.agencyCode,
          c.supervisory ? 1 : 0,
          c.anonymous ? 1 : 0,
          c.confidential ? 1 : 0,
          c.name,
          c.nik ? cipher.encrypt('nik', c.nik) : null,
          c.nik ? cipher.blindIndex('nik', c.nik) : null,
          cipher.encrypt('phone', c.phone),
          cipher.blindIndex('phone', c.phone),
          cipher.encrypt('address', `Dusun ${c.locationDetail}`),
          adminId,
          c.status,
          receivedAt,
          day,
          d.verify,
          d.followUp,
          d.answer,
          seq,
          c.status === 'TUNDA' ? null : current,
          receivedAt,
          receivedAt,
        );
        event(id, 'DITERIMA', receivedAt, null, 'BARU');
        // A closed complaint closed ten days later (or yesterday, for the newest): what retention reads.
        if (c.status === 'SELESAI' || c.status === 'DIARSIPKAN')
          event(
            id,
            c.status === 'SELESAI' ? 'DONE' : 'ARCHIVE',
            new Date(Math.min(at.getTime() + 10 * 86_400_000, end)).toISOString(),
            'BARU',
            c.status,
          );
        insertFts.run(
          seq,
          id,
          c.title,
          c.body,
          c.name ?? '',
          `${c.locationDetail} ${ref.kecamatanName.get(c.kecamatanCode)}`,
        );
      }
    })();
    done += n;
    if (done % 100_000 === 0 || done === size)
      log(`  ${done.toLocaleString('en')} rows (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  sqlite.transaction(() => {
    for (const [day, last] of perDay) setSequence.run(day, last);
  })();
  sqlite.exec("INSERT INTO complaint_fts(complaint_fts) VALUES ('optimize')");
  sqlite.pragma('synchronous = FULL');
  sqlite.exec('ANALYZE');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
  writeFileSync(marker, stamp);
}
