/**
 * Backups while the desk works: SQLite's online backup copies the database page by page between
 * the officers' saves; the copy is integrity-checked and counted in a worker thread, encrypted into
 * one backup file (backups/container.ts) and decrypted once more to verify it before it counts as
 * good. Then it is copied to the second place an admin chose (a USB disk, a network share) and
 * verified there, and old backups are rotated out (backups/rotation.ts). Nothing here ever touches
 * a saved complaint: a backup that fails is recorded as failed, and the desk carries on.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { rename, stat, unlink } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { desc, eq, isNull } from 'drizzle-orm';
import { wibDate } from '../../shared/calendar/working-days';
import { say } from '../../shared/i18n';
import type { AuditTrail } from '../platform/audit-trail';
import type { CoreContext } from '../platform/context';
import { DeskFailure } from '../platform/failure';
import type { SettingsService } from '../settings';
import { checkDatabaseFile } from './check';
import { copyToSecond, ownerOnlyFile, reasonText, removeDatabaseFile, removeLeftovers, stamp } from './files';
import { decryptBody, recoveryEnvelope, writeBackup, type BackupHeader } from './container';
import { minPassphraseLength, wrapDataKey } from './recovery';
import { defaultRotation, toKeep } from './rotation';
import { backups, keyRecovery } from './schema';
import { cancelStagedRestore, stageRestore, stagedRestore } from './staged';
import { newestWith, warningsFor, type BackupSummary } from './status';

export type { BackupSummary } from './status';
import { newestBackup } from './newest';

export type BackupReason = BackupHeader['reason'];
export const backupExtension = '.mpbak';

export interface BackupDeps {
  settings: SettingsService;
  audit: AuditTrail;
  dataDir: string;
  appVersion: string;
  /** The personal-data key: encrypts the backup body, and is what the recovery envelope wraps. */
  masterKey: Buffer;
}

export function createBackups(ctx: CoreContext, deps: BackupDeps) {
  const { db, sqlite, clock, cipher, log } = ctx;
  const localFolder = join(deps.dataDir, 'backups');
  let running: Promise<BackupSummary> | null = null;
  /** What the background check of the live database found (null: not checked yet this start). */
  let live: { ok: boolean; problems: string[]; at: string } | null = null;

  function recovery() {
    const row = db.select().from(keyRecovery).where(eq(keyRecovery.id, 1)).get();
    if (!row) return null;
    const parsed = recoveryEnvelope.safeParse(JSON.parse(row.envelope));
    return parsed.success ? { envelope: parsed.data, setAt: row.setAt, setBy: row.setBy } : null;
  }

  function secondFolder(): string | null {
    const chosen = deps.settings.get().backupFolder;
    return chosen && isAbsolute(chosen) ? chosen : null;
  }

  async function rotate(): Promise<number> {
    const good = db
      .select({
        id: backups.id,
        fileName: backups.fileName,
        takenAt: backups.takenAt,
        second: backups.secondFolder,
      })
      .from(backups)
      .where(eq(backups.outcome, 'good'))
      .all()
      .filter((b) => b.takenAt && !removedIds.has(b.id));
    const keep = toKeep(good, defaultRotation);
    let removed = 0;
    for (const b of good) {
      if (keep.has(b)) continue;
      for (const folder of [localFolder, b.second]) {
        if (folder) await unlink(join(folder, b.fileName)).catch(() => undefined);
      }
      db.update(backups).set({ removedAt: clock().toISOString() }).where(eq(backups.id, b.id)).run();
      removedIds.add(b.id);
      removed++;
    }
    return removed;
  }
  const removedIds = new Set(
    db
      .select({ id: backups.id, removedAt: backups.removedAt })
      .from(backups)
      .all()
      .filter((b) => b.removedAt)
      .map((b) => b.id),
  );

  /**
   * `source`: a plain copy already taken (the one before a migration, by `VACUUM INTO`): it is made
   * into a backup file like any other and removed once that file is verified.
   */
  async function make(reason: BackupReason, actorId: string | null, source?: string): Promise<BackupSummary> {
    const started = clock();
    const startedMs = performance.now();
    const desk = deps.settings.desk();
    const fileName = `meja-${desk?.code ?? 'baru'}-${stamp(started)}-${reason}${backupExtension}`;
    const plain = source ?? join(localFolder, `.snapshot-${stamp(started)}-${process.pid}.sqlite`);
    const part = join(localFolder, `.${fileName}.part`);
    const rec = recovery();
    const row = db
      .insert(backups)
      .values({ fileName, takenAt: started.toISOString(), reason, outcome: 'running', withRecovery: !!rec })
      .returning({ id: backups.id })
      .get();
    const finish = (values: Partial<typeof backups.$inferInsert>) =>
      db.update(backups).set(values).where(eq(backups.id, row.id)).run();
    try {
      mkdirSync(localFolder, { recursive: true, mode: 0o700 });
      if (!source) {
        ownerOnlyFile(plain); // it holds what the database holds
        await sqlite.backup(plain);
      }
      const check = await checkDatabaseFile(plain);
      if (!check.ok) throw new Error(`pemeriksaan salinan gagal: ${check.problems.join('; ')}`);
      const written = await writeBackup(plain, part, deps.masterKey, {
        appVersion: deps.appVersion,
        desk: desk ? { code: desk.code, name: desk.siteName } : null,
        takenAt: started.toISOString(),
        day: wibDate(started),
        reason,
        sizeBytes: (await stat(plain)).size,
        lastMigration: check.lastMigration,
        counts: check.counts,
        keyCheck: cipher.keyCheck(),
        recovery: rec?.envelope ?? null,
      });
      // Verified before it counts: the whole file decrypts to exactly the checked copy.
      const digest = await decryptBody(part, deps.masterKey, () => undefined);
      if (digest !== written.plainSha256) throw new Error('verifikasi cadangan gagal');
      const final = join(localFolder, fileName);
      await rename(part, final);
      const second = secondFolder();
      const secondOutcome = second ? await copyToSecond(final, second, fileName) : null;
      if (secondOutcome?.startsWith('failed'))
        log.warn('backup.second_failed', { folder: second, reason: secondOutcome });
      const durationMs = Math.round(performance.now() - startedMs);
      finish({
        outcome: 'good',
        bytes: written.bytes,
        durationMs,
        counts: JSON.stringify(check.counts),
        secondFolder: second,
        secondOutcome,
      });
      deps.audit.record(actorId, 'backup.made', fileName, {
        reason,
        bytes: written.bytes,
        counts: check.counts,
        second: secondOutcome,
      });
      log.info('backup.made', { file: fileName, reason, bytes: written.bytes, durationMs });
      const removed = await rotate();
      return {
        fileName,
        path: final,
        takenAt: started.toISOString(),
        bytes: written.bytes,
        durationMs,
        counts: check.counts,
        withRecovery: !!rec,
        second: secondOutcome,
        removed,
      };
    } catch (error) {
      const reason = reasonText(error);
      finish({ outcome: 'failed', error: reason, durationMs: Math.round(performance.now() - startedMs) });
      await unlink(part).catch(() => undefined);
      log.error('backup.failed', error instanceof Error ? error : new Error(String(error)));
      throw new DeskFailure('BACKUP_FAILED', say('errors.backupFailed', { reason }));
    } finally {
      // A given copy goes only once it is a verified backup file (it may be the only one there is).
      if (!source || existsSync(join(localFolder, fileName))) await removeDatabaseFile(plain);
    }
  }

  // A backup left 'running' by a desk that stopped mid-way is a failed one; its leftovers go.
  db.update(backups)
    .set({ outcome: 'failed', error: 'terhenti' })
    .where(eq(backups.outcome, 'running'))
    .run();
  void removeLeftovers(localFolder);

  return {
    localFolder,

    /** Takes a backup now; a second call while one runs waits for that one instead of starting another. */
    run(reason: BackupReason, actorId: string | null = null, source?: string): Promise<BackupSummary> {
      if (!running)
        running = make(reason, actorId, source).finally(() => {
          running = null;
        });
      return running;
    },

    /**
     * SQLite's quick check of the live database in a worker (the desk keeps answering): run once a
     * little after start. A damaged file shows on Beranda with the newest good backup to restore.
     */
    async checkLive(): Promise<{ ok: boolean; problems: string[] }> {
      const result = await checkDatabaseFile(join(deps.dataDir, 'desk.sqlite'), { quick: true });
      live = { ok: result.ok, problems: result.problems, at: clock().toISOString() };
      if (!result.ok) log.error('database.damaged', new Error(result.problems.join('; ')));
      return live;
    },

    /** Prepares a restore the next start carries out (the database is open now); audited. */
    async stageRestore(actorId: string, from: string, passphrase: string | null) {
      try {
        const staged = await stageRestore({
          dataDir: deps.dataDir,
          from,
          passphrase,
          currentKey: deps.masterKey,
          now: clock(),
        });
        deps.audit.record(actorId, 'backup.restore_staged', from, {
          takenAt: staged.takenAt,
          counts: staged.counts,
        });
        return staged;
      } catch (error) {
        if (error instanceof DeskFailure) throw error;
        const message = say('errors.backupFile', {
          reason: error instanceof Error ? error.message : String(error),
        });
        throw new DeskFailure('VALIDATION', message, { path: message });
      }
    },

    cancelStagedRestore(actorId: string) {
      cancelStagedRestore(deps.dataDir);
      deps.audit.record(actorId, 'backup.restore_cancelled');
    },

    /**
     * The backup on exit: taken when the last good one is more than an hour old, and given at most
     * `maxMs` (a shutdown does not wait for ever; an unfinished backup is only a failed attempt).
     */
    async onExit(maxMs = 60_000): Promise<void> {
      const last = newestWith(db, 'good');
      if (last && clock().getTime() - Date.parse(last.takenAt) < 60 * 60 * 1000) return;
      await Promise.race([
        this.run('exit').catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, maxMs).unref()),
      ]);
    },

    get running(): boolean {
      return running !== null;
    },

    /** Sets (or replaces) the recovery passphrase; the passphrase itself is never stored. */
    async setPassphrase(actorId: string, passphrase: string): Promise<{ setAt: string }> {
      if (passphrase.normalize('NFKC').length < minPassphraseLength) {
        const message = say('errors.passphraseShort', { min: minPassphraseLength });
        throw new DeskFailure('VALIDATION', message, { passphrase: message });
      }
      const envelope = await wrapDataKey(deps.masterKey, passphrase);
      const at = clock().toISOString();
      db.insert(keyRecovery)
        .values({ id: 1, envelope: JSON.stringify(envelope), setBy: actorId, setAt: at })
        .onConflictDoUpdate({
          target: keyRecovery.id,
          set: { envelope: JSON.stringify(envelope), setBy: actorId, setAt: at },
        })
        .run();
      deps.audit.record(actorId, 'backup.recovery_set', null, null);
      return { setAt: at };
    },

    recovery,

    list(limit = 50) {
      return db
        .select()
        .from(backups)
        .where(isNull(backups.removedAt))
        .orderBy(desc(backups.id))
        .limit(limit)
        .all()
        .filter((b) => b.outcome !== 'running' || running)
        .map((b) => ({
          id: b.id,
          fileName: b.fileName,
          path: b.outcome === 'good' ? join(localFolder, b.fileName) : null,
          takenAt: b.takenAt,
          reason: b.reason as BackupReason,
          outcome: b.outcome as 'good' | 'failed' | 'running',
          bytes: b.bytes,
          durationMs: b.durationMs,
          withRecovery: b.withRecovery,
          second: b.secondOutcome,
          error: b.error,
        }));
    },

    /** What Beranda and the status line show: the last good backup and what needs attention. */
    status() {
      const lastGood = newestWith(db, 'good');
      const failed = newestWith(db, 'failed');
      const lastFailed = failed && (!lastGood || failed.takenAt > lastGood.takenAt) ? failed : undefined;
      const second = secondFolder();
      const rec = recovery();
      return {
        lastGoodAt: lastGood?.takenAt ?? null,
        lastGoodFile: lastGood?.fileName ?? null,
        lastFailure: lastFailed ? { takenAt: lastFailed.takenAt, error: lastFailed.error } : null,
        recoverySetAt: rec?.setAt ?? null,
        localFolder,
        secondFolder: second,
        running: running !== null,
        restoreStaged: stagedRestore(deps.dataDir),
        damaged:
          live && !live.ok
            ? { problems: live.problems.slice(0, 3), newest: newestBackup(deps.dataDir) }
            : null,
        warnings: warningsFor({
          now: clock().getTime(),
          damaged: !!live && !live.ok,
          lastGood,
          lastFailed,
          recoverySet: !!rec,
          second,
          secondExists: !!second && existsSync(second),
        }),
      };
    },
  };
}

export type Backups = ReturnType<typeof createBackups>;
