/**
 * Backups and restore, as an operator relies on them: a backup taken while the desk works restores
 * on a fresh data folder with only the file and the passphrase; a wrong passphrase, a damaged or cut
 * file and a running desk are refused clearly; and the noon disaster (the PC dies after issuing
 * numbers the last backup does not hold) never leads to a number being issued twice.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inspectBackup, restoreBackup } from '../../src/main/backups';
import { readHeader } from '../../src/main/backups/container';
import { loadOrCreateKeyFile, writeKeyFile } from '../../src/main/platform/crypto/key-file';
import { memoryLog } from '../support/memory-log';
import {
  makeCore,
  migrationsFolder,
  sampleComplaint,
  setUpDesk,
  tempDir,
  TestClock,
  value,
} from '../support/core';

const passphrase = 'kopi tubruk di bromo jam tujuh';
const cleanup: Array<() => void> = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

function folder() {
  const dir = tempDir('desk-backup-');
  cleanup.push(dir.remove);
  return dir.path;
}

/** A browser-mode desk on its own folder with its key file, as `npm start` makes one. */
async function desk(dataDir = folder(), clock = new TestClock()) {
  const masterKey = loadOrCreateKeyFile(join(dataDir, 'desk.key'));
  const made = makeCore({ dataDir, clock, masterKey });
  cleanup.push(() => {
    if (made.core.ctx.sqlite.open) made.core.close();
  });
  if (!made.core.accounts.isSetUp()) await setUpDesk(made.api);
  else value(await made.api.dispatch('auth.signIn', { name: 'admin', secret: 'rahasia-admin-1' }, 'admin'));
  return { ...made, masterKey };
}

async function save(api: Awaited<ReturnType<typeof desk>>['api'], n: number, nik = '3513014507900001') {
  const numbers: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = value<{ receiptNumber: string }>(
      await api.dispatch(
        'complaints.create',
        { ...sampleComplaint, nik, title: `${sampleComplaint.title} ${i}` },
        'admin',
      ),
    );
    numbers.push(r.receiptNumber);
  }
  return numbers;
}

function restore(dataDir: string, from: string, pass: string | null, currentKey: Buffer | null = null) {
  return restoreBackup({
    dataDir,
    from,
    migrationsFolder,
    passphrase: pass,
    currentKey,
    keyFiles: [join(dataDir, 'desk.key')],
    storeKey: (key) => writeKeyFile(join(dataDir, 'desk.key'), key),
    log: memoryLog(),
    now: () => new Date('2026-11-27T06:00:00Z'),
  });
}

describe('the plain copy a backup starts from', () => {
  it.skipIf(process.platform === 'win32')(
    'is owner-only from its first byte to its removal, as the database is, and leaves nothing behind',
    async () => {
      const a = await desk();
      await save(a.api, 3);
      const folder = join(a.dataDir, 'backups');
      const modes = new Set<number>();
      let done = false;
      const run = a.api.dispatch('backups.run', {}, 'admin').finally(() => (done = true));
      // Looked at on every turn of the event loop while the backup runs.
      while (!done) {
        for (const name of existsSync(folder) ? readdirSync(folder) : [])
          if (name.startsWith('.snapshot-'))
            try {
              modes.add(statSync(join(folder, name)).mode & 0o777);
            } catch {
              // removed between the listing and the look
            }
        await new Promise((r) => setImmediate(r));
      }
      value(await run);
      expect([...modes]).toEqual([0o600]);
      expect(readdirSync(folder).filter((n) => n.startsWith('.snapshot-'))).toEqual([]);
    },
  );
});

describe('a backup restored on a fresh data folder', () => {
  it('brings back every complaint, event and personal field with only the file and the passphrase', async () => {
    const a = await desk();
    value(await a.api.dispatch('backups.setRecovery', { kind: 'passphrase', passphrase }, 'admin'));
    const numbers = await save(a.api, 3);
    const made = value<{ fileName: string; counts: { complaints: number; events: number } }>(
      await a.api.dispatch('backups.run', {}, 'admin'),
    );
    expect(made.counts.complaints).toBe(3);
    const file = join(a.dataDir, 'backups', made.fileName);
    // The file holds no plain text of the desk: not a name, not a title, not a receipt number.
    const bytes = readFileSync(file);
    for (const plain of ['Siti Aminah', 'Jalan desa rusak', numbers[0]!, 'SQLite format'])
      expect(bytes.includes(Buffer.from(plain)), plain).toBe(false);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const header = inspectBackup(file);
    expect(header.desk?.code).toBe('PBL01');
    expect(header.counts).toMatchObject({ complaints: 3 });
    expect(header.recovery).not.toBeNull();
    const original = a.core.complaints;
    const before = numbers.map((n) => original.findByReceipt(n));
    a.core.close();

    const fresh = folder();
    const report = await restore(fresh, file, passphrase);
    expect(report.replacedDir).toBeNull();
    const b = await desk(fresh);
    expect(b.masterKey.equals(a.masterKey)).toBe(true);
    for (const [i, n] of numbers.entries()) {
      const found = b.core.complaints.findByReceipt(n);
      expect(found).toEqual(before[i]);
    }
    // Personal fields read back in full (a supervisor's reveal decrypts them).
    const id = b.core.complaints.findByReceipt(numbers[0]!)!.id;
    const revealed = value<{ nik: string; phone: string; email: string; address: string }>(
      await b.api.dispatch(
        'complaints.revealPersonalData',
        { id, reason: 'Uji pemulihan cadangan' },
        'admin',
      ),
    );
    expect(revealed).toMatchObject({
      nik: '3513014507900001',
      email: 'siti@example.id',
      address: sampleComplaint.address,
    });
    const got = value<{ events: unknown[] }>(await b.api.dispatch('complaints.get', { id }, 'admin'));
    expect(got.events.length).toBeGreaterThan(0);
  });

  it('refuses a wrong passphrase clearly and leaves the folder as it was', async () => {
    const a = await desk();
    value(await a.api.dispatch('backups.setRecovery', { kind: 'passphrase', passphrase }, 'admin'));
    await save(a.api, 1);
    const made = value<{ fileName: string }>(await a.api.dispatch('backups.run', {}, 'admin'));
    a.core.close();
    const fresh = folder();
    await expect(
      restore(fresh, join(a.dataDir, 'backups', made.fileName), 'kopi tubruk di bromo jam delapan'),
    ).rejects.toThrow('Frasa pemulihan salah');
    expect(readdirSync(fresh)).toEqual([]);
  });

  it('refuses a damaged, cut or foreign file, naming what is wrong', async () => {
    const a = await desk();
    value(await a.api.dispatch('backups.setRecovery', { kind: 'passphrase', passphrase }, 'admin'));
    await save(a.api, 2);
    const made = value<{ fileName: string }>(await a.api.dispatch('backups.run', {}, 'admin'));
    a.core.close();
    const file = join(a.dataDir, 'backups', made.fileName);
    const bytes = readFileSync(file);
    const dir = folder();
    const flipped = Buffer.from(bytes);
    flipped[bytes.length - 100]! ^= 1;
    writeFileSync(join(dir, 'flipped.mpbak'), flipped);
    writeFileSync(join(dir, 'cut.mpbak'), bytes.subarray(0, bytes.length - 40));
    writeFileSync(join(dir, 'foreign.mpbak'), 'SQLite format 3\0 not ours');
    const header = readHeader(file);
    const edited = Buffer.from(bytes);
    // The header says 999 complaints: the body no longer decrypts (the header is bound to it).
    const text = header.headerBytes.toString().replace('"complaints":2', '"complaints":9');
    Buffer.from(text).copy(edited, 12);
    writeFileSync(join(dir, 'edited.mpbak'), edited);
    const target = folder();
    await expect(restore(target, join(dir, 'flipped.mpbak'), passphrase)).rejects.toThrow(/rusak/);
    await expect(restore(target, join(dir, 'cut.mpbak'), passphrase)).rejects.toThrow(/rusak|terpotong/);
    await expect(restore(target, join(dir, 'foreign.mpbak'), passphrase)).rejects.toThrow(
      'bukan cadangan Meja Pengaduan',
    );
    await expect(restore(target, join(dir, 'edited.mpbak'), passphrase)).rejects.toThrow(/rusak/);
    await expect(restore(target, join(dir, 'missing.mpbak'), passphrase)).rejects.toThrow('tidak ditemukan');
    expect(readdirSync(target).filter((f) => !f.startsWith('backups'))).toEqual([]);
  });

  it('will not restore under a running desk', async () => {
    const a = await desk();
    value(await a.api.dispatch('backups.setRecovery', { kind: 'passphrase', passphrase }, 'admin'));
    const made = value<{ fileName: string }>(await a.api.dispatch('backups.run', {}, 'admin'));
    await expect(restore(a.dataDir, join(a.dataDir, 'backups', made.fileName), passphrase)).rejects.toThrow(
      'masih berjalan',
    );
  });

  it('restores a backup made before a passphrase was set only with the desk’s own key', async () => {
    const a = await desk();
    await save(a.api, 1);
    const made = value<{ fileName: string; withRecovery: boolean }>(
      await a.api.dispatch('backups.run', {}, 'admin'),
    );
    expect(made.withRecovery).toBe(false);
    a.core.close();
    const file = join(a.dataDir, 'backups', made.fileName);
    await expect(restore(folder(), file, 'anything at all here')).rejects.toThrow(
      'sebelum frasa pemulihan diatur',
    );
    await expect(restore(folder(), file, null, randomBytes(32))).rejects.toThrow(
      'sebelum frasa pemulihan diatur',
    );
    const report = await restore(a.dataDir, file, null, a.masterKey);
    expect(report.replacedDir).not.toBeNull();
    expect(existsSync(join(report.replacedDir!, 'desk.sqlite'))).toBe(true);
  });
});

describe('the noon disaster', () => {
  it('never issues again a number given out after the backup the desk is restored from', async () => {
    const clock = new TestClock(new Date('2026-11-26T09:00:00Z')); // Thursday 16:00 WIB
    const a = await desk(folder(), clock);
    value(await a.api.dispatch('backups.setRecovery', { kind: 'passphrase', passphrase }, 'admin'));
    const yesterday = await save(a.api, 2);
    const made = value<{ fileName: string }>(await a.api.dispatch('backups.run', {}, 'admin'));
    const file = join(a.dataDir, 'backups', made.fileName);
    // Still the same afternoon, then the next morning: numbers the backup does not hold.
    const sameDay = await save(a.api, 2);
    clock.advance(18 * 3600_000); // Friday 10:00 WIB
    value(await a.api.dispatch('auth.signIn', { name: 'admin', secret: 'rahasia-admin-1' }, 'admin'));
    const morning = await save(a.api, 3);
    const issued = new Set([...yesterday, ...sameDay, ...morning]);
    a.core.close(); // the PC dies at noon

    const replacement = folder();
    await restore(replacement, file, passphrase);
    const b = await desk(replacement, clock);
    const afterRestore = [...(await save(b.api, 5))];
    clock.advance(3 * 24 * 3600_000); // and on the days after
    value(await b.api.dispatch('auth.signIn', { name: 'admin', secret: 'rahasia-admin-1' }, 'admin'));
    afterRestore.push(...(await save(b.api, 2)));
    for (const n of afterRestore) expect(issued.has(n), n).toBe(false);
    expect(new Set(afterRestore).size).toBe(afterRestore.length);
    // The restored desk knows what it had; the numbers it issues parse and check.
    expect(afterRestore[0]).toMatch(/^PBL01-20261127-10001-[0-9A-Z]$/);

    // Restored a second time from the same old backup: yet another range.
    const again = value<{ fileName: string }>(await b.api.dispatch('backups.run', {}, 'admin'));
    const later = await save(b.api, 1);
    b.core.close();
    const third = folder();
    await restore(third, file, passphrase);
    const c = await desk(third, clock);
    const next = await save(c.api, 2);
    for (const n of next) expect([...issued, ...afterRestore, ...later]).not.toContain(n);
    expect(again.fileName).toBeTruthy();
  });
});

describe('where backups go and what Beranda is told', () => {
  it('copies each backup to the second place and verifies it; a missing second place is a warning, not a failure', async () => {
    const a = await desk();
    const second = folder();
    let status = value<{ warnings: string[] }>(await a.api.dispatch('backups.status', {}, 'admin'));
    expect(status.warnings).toEqual(expect.arrayContaining(['none', 'noRecovery', 'noSecond']));
    value(await a.api.dispatch('settings.update', { backupFolder: second }, 'admin'));
    value(await a.api.dispatch('backups.setRecovery', { kind: 'passphrase', passphrase }, 'admin'));
    const made = value<{ fileName: string; second: string }>(
      await a.api.dispatch('backups.run', {}, 'admin'),
    );
    expect(made.second).toBe('good');
    expect(
      readFileSync(join(second, made.fileName)).equals(
        readFileSync(join(a.dataDir, 'backups', made.fileName)),
      ),
    ).toBe(true);
    status = value(await a.api.dispatch('backups.status', {}, 'admin'));
    expect(status.warnings).toEqual([]);
    // The USB disk is pulled: the backup is still made locally, and Beranda says so.
    value(await a.api.dispatch('settings.update', { backupFolder: join(second, 'dicabut') }, 'admin'));
    const next = value<{ second: string }>(await a.api.dispatch('backups.run', {}, 'admin'));
    expect(next.second).toMatch(/^failed/);
    status = value(await a.api.dispatch('backups.status', {}, 'admin'));
    expect(status.warnings).toEqual(['secondMissing']);
    // A day later with no new backup: stale.
    a.clock.advance(25 * 3600_000);
    value(await a.api.dispatch('auth.signIn', { name: 'admin', secret: 'rahasia-admin-1' }, 'admin'));
    status = value(await a.api.dispatch('backups.status', {}, 'admin'));
    expect(status.warnings).toContain('stale');
  });

  it('records a failed backup (disk refuses) without touching the desk, and says why', async () => {
    const a = await desk();
    await save(a.api, 1);
    // The backups folder cannot be written (a file stands where the folder should be).
    const { rmSync } = await import('node:fs');
    rmSync(join(a.dataDir, 'backups'), { recursive: true, force: true });
    writeFileSync(join(a.dataDir, 'backups'), 'not a folder');
    const failed = await a.api.dispatch('backups.run', {}, 'admin');
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error.code).toBe('BACKUP_FAILED');
    const status = value<{ warnings: string[] }>(await a.api.dispatch('backups.status', {}, 'admin'));
    expect(status.warnings).toContain('lastFailed');
    expect(await save(a.api, 1)).toHaveLength(1);
  });

  it('takes the close-of-day backup when a supervisor closes the day', async () => {
    const a = await desk();
    await save(a.api, 1);
    value(
      await a.api.dispatch(
        'review.closeDay',
        { day: '2026-11-27', reason: 'Uji tutup hari dan cadangan' },
        'admin',
      ),
    );
    for (let i = 0; i < 100 && a.core.backups.running; i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 50));
    const list = value<Array<{ reason: string; outcome: string }>>(
      await a.api.dispatch('backups.list', {}, 'admin'),
    );
    expect(list[0]).toMatchObject({ reason: 'close-day', outcome: 'good' });
  });

  it('lets officers neither take backups nor set the passphrase', async () => {
    const a = await desk();
    const { signedInOfficer } = await import('../support/core');
    await signedInOfficer(a.api, 'petugas1', 'rahasia-petugas-1', 'officer');
    for (const [m, input] of [
      ['backups.run', {}],
      ['backups.list', {}],
      ['backups.status', {}],
      ['backups.setRecovery', { kind: 'code' }],
    ] as const) {
      const r = await a.api.dispatch(m, input, 'officer');
      expect(r.ok ? 'ok' : r.error.code, m).toBe('FORBIDDEN');
    }
  });

  it('makes a recovery code for the office safe that then unlocks the backups', async () => {
    const a = await desk();
    const { code } = value<{ code: string }>(
      await a.api.dispatch('backups.setRecovery', { kind: 'code' }, 'admin'),
    );
    expect(code).toMatch(/^([2-9A-HJKMNP-Z]{4}-){5}[2-9A-HJKMNP-Z]{4}$/);
    const short = await a.api.dispatch(
      'backups.setRecovery',
      { kind: 'passphrase', passphrase: 'pendek' },
      'admin',
    );
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.error.fields?.passphrase).toContain('12');
    const made = value<{ fileName: string }>(await a.api.dispatch('backups.run', {}, 'admin'));
    a.core.close();
    const report = await restore(folder(), join(a.dataDir, 'backups', made.fileName), code);
    expect(report.header.counts.accounts).toBe(1);
  });
});

describe('a damaged database', () => {
  it('is refused at start, naming the newest good backup and how to restore it', async () => {
    const a = await desk();
    value(await a.api.dispatch('backups.setRecovery', { kind: 'passphrase', passphrase }, 'admin'));
    await save(a.api, 2);
    const made = value<{ fileName: string }>(await a.api.dispatch('backups.run', {}, 'admin'));
    a.core.close();
    // The file's header overwritten (a failing disk, a bad copy).
    const file = join(a.dataDir, 'desk.sqlite');
    const { openSync, writeSync, closeSync, rmSync } = await import('node:fs');
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(100, 0x41), 0, 100, 0);
    closeSync(fd);
    const { DatabaseDamagedError } = await import('../../src/main/backups');
    let thrown: unknown;
    try {
      makeCore({ dataDir: a.dataDir, masterKey: a.masterKey });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DatabaseDamagedError);
    expect((thrown as Error).message).toContain('Basis data meja rusak');
    expect((thrown as Error).message).toContain(made.fileName);
    expect((thrown as Error).message).toContain('npm run restore');
  });

  it('found damaged by the background check shows on Beranda with the backup to restore', async () => {
    const a = await desk();
    await save(a.api, 30);
    const made = value<{ fileName: string }>(await a.api.dispatch('backups.run', {}, 'admin'));
    expect((await a.core.backups.checkLive()).ok).toBe(true);
    a.core.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    // A page in the middle of the file scribbled over while the desk runs.
    const file = join(a.dataDir, 'desk.sqlite');
    const { openSync, writeSync, closeSync, statSync: stat } = await import('node:fs');
    const pageSize = a.core.ctx.sqlite.pragma('page_size', { simple: true }) as number;
    const pages = Math.floor(stat(file).size / pageSize);
    const fd = openSync(file, 'r+');
    for (let p = Math.floor(pages / 3); p < Math.floor(pages / 3) + 3; p++)
      writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, p * pageSize);
    closeSync(fd);
    const check = await a.core.backups.checkLive();
    expect(check.ok).toBe(false);
    const status = value<{ warnings: string[]; damaged: { newest: { path: string } | null } }>(
      await a.api.dispatch('backups.status', {}, 'admin'),
    );
    expect(status.warnings[0]).toBe('damaged');
    expect(status.damaged.newest?.path).toContain(made.fileName);
  });
});

describe('a restore prepared in the app', () => {
  it('is checked now and carried out at the next start, before the database opens', async () => {
    const clock = new TestClock();
    const a = await desk(folder(), clock);
    value(await a.api.dispatch('backups.setRecovery', { kind: 'passphrase', passphrase }, 'admin'));
    const kept = await save(a.api, 2);
    const made = value<{ fileName: string }>(await a.api.dispatch('backups.run', {}, 'admin'));
    const lost = await save(a.api, 3); // saved after the backup: the restore takes the desk back before them
    const usb = folder();
    const { copyFileSync } = await import('node:fs');
    copyFileSync(join(a.dataDir, 'backups', made.fileName), join(usb, made.fileName));

    // Refusals name the field: not a backup path, a wrong passphrase.
    const notPath = await a.api.dispatch(
      'backups.stageRestore',
      { path: 'cadangan.mpbak', passphrase },
      'admin',
    );
    expect(notPath.ok ? 'ok' : Object.keys(notPath.error.fields ?? {})).toEqual(['path']);
    const wrong = await a.api.dispatch(
      'backups.stageRestore',
      { path: join(usb, made.fileName), passphrase: 'bukan frasa yang benar' },
      'admin',
    );
    expect(wrong.ok ? 'ok' : wrong.error.message).toContain('Frasa pemulihan salah');

    const staged = value<{ counts: { complaints: number } }>(
      await a.api.dispatch('backups.stageRestore', { path: join(usb, made.fileName), passphrase }, 'admin'),
    );
    expect(staged.counts.complaints).toBe(2);
    const status = value<{ restoreStaged: { takenAt: string } | null }>(
      await a.api.dispatch('backups.status', {}, 'admin'),
    );
    expect(status.restoreStaged).not.toBeNull();
    a.core.close();
    rmSync(usb, { recursive: true }); // the USB disk is gone by the next start: the copy was taken

    // The next start: the shell applies it before opening the database.
    const { applyStagedRestore } = await import('../../src/main/backups');
    const report = await applyStagedRestore({
      dataDir: a.dataDir,
      currentKey: a.masterKey,
      migrationsFolder,
      keyFiles: [join(a.dataDir, 'desk.key')],
      storeKey: (key) => writeKeyFile(join(a.dataDir, 'desk.key'), key),
      log: memoryLog(),
    });
    expect(report?.header.counts.complaints).toBe(2);
    const b = await desk(a.dataDir, clock);
    for (const n of kept) expect(b.core.complaints.findByReceipt(n).receiptNumber).toBe(n);
    expect(() => b.core.complaints.findByReceipt(lost[0]!)).toThrow();
    const next = await save(b.api, 1);
    expect(lost).not.toContain(next[0]);
    expect(next[0]).toMatch(/-10001-/);
    expect(
      value<{ restoreStaged: unknown }>(await b.api.dispatch('backups.status', {}, 'admin')).restoreStaged,
    ).toBeNull();
    // Nothing staged: the next start does nothing.
    b.core.close();
    expect(
      await applyStagedRestore({
        dataDir: a.dataDir,
        currentKey: a.masterKey,
        migrationsFolder,
        keyFiles: [],
        storeKey: () => undefined,
        log: memoryLog(),
      }),
    ).toBeNull();
  });
});

describe('forwarding after a restore', () => {
  it('sends what the central server lacks, and what it has again only under the same ids (once in effect)', async () => {
    const { FakeCentral } = await import('../support/fake-central');
    const { connect, until } = await import('../support/forwarding');
    const central = await new FakeCentral().start();
    cleanup.push(() => void central.stop());
    const wall = new TestClock();
    wall.now = () => new Date();
    const forwarding = { baseBackoffMs: 20, maxBackoffMs: 200 };
    const open = async (dataDir: string, masterKey: Buffer) => {
      const made = makeCore({ dataDir, clock: wall, masterKey, forwarding });
      cleanup.push(() => {
        if (made.core.ctx.sqlite.open) made.core.close();
      });
      return made;
    };
    const dir = folder();
    const a = await open(dir, loadOrCreateKeyFile(join(dir, 'desk.key')));
    await setUpDesk(a.api);
    value(await a.api.dispatch('backups.setRecovery', { kind: 'passphrase', passphrase }, 'admin'));
    // The server stores the first complaint but the answer is lost: at the backup the desk still
    // counts it as waiting, though the server has it.
    let lost = true;
    central.fault = () => (lost ? 'drop-after-commit' : 'ok');
    await connect(a, central);
    const [waiting] = await save(a.api, 1);
    await until(() => central.complaints.size === 1);
    a.core.forwarding.stop();
    expect(
      a.core.ctx.sqlite.prepare("SELECT count(*) FROM outbox WHERE state = 'pending'").pluck().get(),
    ).toBeGreaterThan(0);
    const made = value<{ fileName: string }>(await a.api.dispatch('backups.run', {}, 'admin'));
    lost = false;
    a.core.forwarding.start();
    const [afterBackup] = await save(a.api, 1); // delivered, then lost with the PC
    await until(() => central.complaints.size === 2);
    await until(
      () =>
        a.core.ctx.sqlite.prepare("SELECT count(*) FROM outbox WHERE state != 'sent'").pluck().get() === 0,
    );
    const before = [...central.complaints.entries()];
    a.core.forwarding.stop();
    a.core.close();

    const fresh = folder();
    await restore(fresh, join(dir, 'backups', made.fileName), passphrase);
    const b = await open(fresh, loadOrCreateKeyFile(join(fresh, 'desk.key')));
    value(await b.api.dispatch('auth.signIn', { name: 'admin', secret: 'rahasia-admin-1' }, 'admin'));
    b.core.forwarding.start();
    await until(
      () =>
        b.core.ctx.sqlite.prepare("SELECT count(*) FROM outbox WHERE state != 'sent'").pluck().get() === 0,
    );
    // The waiting complaint went again under its own id and was taken as the one the server has;
    // each complaint is held once, with the same body; the one saved after the backup is untouched.
    expect(central.complaints.size).toBe(2);
    expect([...central.complaints.entries()]).toEqual(before);
    expect(b.core.complaints.findByReceipt(waiting!).receiptNumber).toBe(waiting);
    expect(() => b.core.complaints.findByReceipt(afterBackup!)).toThrow();
    b.core.forwarding.stop();
  });
});

describe('the copy taken before a migration', () => {
  it('becomes a backup file like the others, restorable with the passphrase, and the plain copy goes', async () => {
    const a = await desk();
    value(await a.api.dispatch('backups.setRecovery', { kind: 'passphrase', passphrase }, 'admin'));
    const numbers = await save(a.api, 2);
    // What openDatabase leaves before migrating: a plain VACUUM INTO copy in backups/.
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(a.dataDir, 'backups'), { recursive: true });
    const plain = join(a.dataDir, 'backups', 'desk-2026-11-27T02-00-00-000Z-before-0011_next.sqlite');
    a.core.ctx.sqlite.prepare('VACUUM INTO ?').run(plain);
    const made = await a.core.backups.run('migration', null, plain);
    expect(made.fileName).toMatch(/-migration\.mpbak$/);
    expect(existsSync(plain)).toBe(false);
    expect(inspectBackup(made.path)).toMatchObject({ reason: 'migration', counts: { complaints: 2 } });
    a.core.close();
    const fresh = folder();
    await restore(fresh, made.path, passphrase);
    const b = await desk(fresh);
    expect(b.core.complaints.findByReceipt(numbers[1]!).receiptNumber).toBe(numbers[1]);
  });
});
