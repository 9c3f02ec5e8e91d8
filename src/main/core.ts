/** Assembles the desk's services around one open database. Both shells start here. */
import { join } from 'node:path';
import { createAccounts } from './accounts/accounts';
import { SessionStore } from './accounts/sessions';
import { createAudit } from './audit/audit';
import { createBackups, DatabaseDamagedError } from './backups';
import { createTrail } from './trail/trail';
import { createPrivacy } from './privacy';
import { createPersonalData } from './complaints';
import { createActions } from './complaints/actions';
import { createComplaints } from './complaints/complaints';
import { createCorrections } from './complaints/corrections';
import { createDrafts } from './complaints/drafts';
import { createQueue } from './complaints/queue';
import { createSimilar } from './complaints/similar';
import { createSnippets } from './complaints/snippets';
import { verifyKey } from './platform/crypto/key-check';
import { PersonalDataCipher } from './platform/crypto/personal-data';
import { openDatabase } from './platform/database';
import { createForwarding, type ForwardingOptions } from './forwarding/forwarding';
import { createOutbox } from './forwarding/outbox';
import { createCentralChanges } from './complaints/central-changes';
import { createCentralRecords } from './complaints/central-record';
import { createHistory } from './complaints/history';
import { createExports } from './reports/exports';
import { createRecordList } from './reports/record-list';
import { createReports } from './reports/reports';
import type { WorkerScript } from './reports/beside';
import { createAttachments, type Attachments } from './attachments/attachments';
import { createJobs } from './platform/jobs';
import { createRegisters } from './review/register';
import { createReview, type Review } from './review/review';
import { returnedSql } from './review/returned-sql';
import { createReceipts, type DesktopPrinting } from './receipts/receipts';
import { seedReferenceData } from './reference/seed';
import { createReference } from './reference/reference';
import { createSettings } from './settings/settings';
import type { CoreContext } from './platform/context';
import { createMaintenance } from './platform/maintenance';
import { createLog, type Log } from './platform/log';
import type { IntakeFile } from '../shared/contract/complaints';

export interface CoreOptions {
  /** Folder holding desk.sqlite and its backups. */
  dataDir: string;
  /** drizzle/ with the SQL migrations. */
  migrationsFolder: string;
  /** resources/data with the reference CSV files. */
  referenceDataDir: string;
  masterKey: Buffer;
  shell: 'electron' | 'browser';
  version: string;
  clock?: () => Date;
  /** System printers and PDF files: given by the Electron shell, absent in browser mode. */
  desktopPrinting?: DesktopPrinting | null;
  /** The desk's log; by default `<dataDir>/logs/desk.log`. */
  log?: Log;
  /** Where the personal-data key is kept, in words for the Tentang screen. */
  keyAt?: string;
  /** Tuning of the forwarding worker (tests shorten its backoff). */
  forwarding?: ForwardingOptions;
  /**
   * The report worker thread's script (out/main/report-worker.js beside the shell's entry), which
   * counts a large report's period before on the second core; without it the desk's thread counts both.
   */
  reportWorker?: WorkerScript;
}

export function createCore(options: CoreOptions) {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? createLog(options.dataDir);
  let opened: ReturnType<typeof openDatabase>;
  try {
    opened = openDatabase({
      file: join(options.dataDir, 'desk.sqlite'),
      migrationsFolder: options.migrationsFolder,
      now: clock,
    });
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    // A damaged file: the desk does not start on it, and names the newest good backup to restore.
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
      if (!options.log) void log.close();
      throw new DatabaseDamagedError(options.dataDir, code);
    }
    throw error;
  }
  const ctx: CoreContext = {
    db: opened.db,
    sqlite: opened.sqlite,
    cipher: new PersonalDataCipher(options.masterKey),
    log,
    clock,
  };
  try {
    verifyKey(opened.sqlite, ctx.cipher, clock);
  } catch (error) {
    opened.close();
    if (!options.log) void log.close();
    throw error;
  }
  // Before anything is written: a desk from before the hash chain has its existing rows sealed once.
  const trail = createTrail(ctx);
  trail.sealLegacy();
  seedReferenceData(ctx, options.referenceDataDir);
  const audit = createAudit(ctx);
  const settings = createSettings(ctx, audit);
  const reference = createReference(ctx, audit);
  const accounts = createAccounts(ctx, audit, settings);
  const outbox = createOutbox(ctx);
  // The attachments feature is made after the history it writes to: its files are looked up late.
  let attachmentsLate: Attachments | null = null;
  const centralRecords = createCentralRecords(
    ctx,
    settings,
    (id, receivedAt) => attachmentsLate?.intakeRefs(id, receivedAt) ?? [],
  );
  const history = createHistory(ctx, centralRecords, outbox);
  const complaints = createComplaints(ctx, reference, settings, audit, history, centralRecords);
  const queue = createQueue(ctx, { returnedSql });
  const actions = createActions(ctx, reference, settings, history);
  const similar = createSimilar(ctx);
  // The review gates officers' corrections; it is made after them, so the gate is looked up late.
  let review: Review | null = null;
  const corrections = createCorrections(ctx, reference, history, {
    returnedTo: (id) => review?.correctionGate.returnedTo(id) ?? null,
    corrected: (id, actorId, at) => review?.correctionGate.corrected(id, actorId, at),
  });
  const snippets = createSnippets(ctx, audit);
  snippets.seedDefaults();
  const drafts = createDrafts(ctx);
  const attachments = createAttachments(ctx, { history, outbox, audit, settings });
  attachmentsLate = attachments;
  review = createReview(ctx, { reference, settings, history, actions, audit });
  const backups = createBackups(ctx, {
    settings,
    audit,
    dataDir: options.dataDir,
    appVersion: options.version,
    masterKey: options.masterKey,
  });
  // The plain copy taken before a migration becomes a backup file like the others (encrypted, with
  // the recovery envelope, verified, rotated, copied to the second place), in the background.
  if (opened.backupPath)
    void backups
      .run('migration', null, opened.backupPath)
      .catch((error: unknown) => log.error('backup.migration_copy_failed', error));
  const registers = createRegisters(ctx, {
    review,
    reference,
    settings,
    audit,
    pdf: options.desktopPrinting
      ? { writer: options.desktopPrinting, folder: join(options.dataDir, 'registers') }
      : null,
    outbox,
    chainHead: () => trail.head(),
    // The close of a day is when the desk takes its daily backup, then applies the retention
    // schedule (after the backup, so the day's last state is kept); failures are recorded, not raised.
    onClosed: () =>
      void backups
        .run('close-day')
        .catch(() => undefined)
        .then(() => privacy.purgeExpired(null))
        .then(() => attachments.sweep())
        .catch((error: unknown) => log.error('privacy.retention_failed', error)),
  });
  const privacy = createPrivacy(ctx, {
    personal: createPersonalData(ctx),
    drafts,
    attachments,
    outbox,
    settings,
    audit,
    pdf: options.desktopPrinting
      ? { writer: options.desktopPrinting, folder: join(options.dataDir, 'salinan') }
      : null,
  });
  const receipts = createReceipts(
    ctx,
    reference,
    settings,
    audit,
    options.desktopPrinting ?? null,
    history,
    complaints,
    attachments,
  );
  const jobs = createJobs({ file: join(options.dataDir, 'desk.sqlite'), now: () => clock().getTime() });
  const reports = createReports(ctx, reference, options.reportWorker ?? null);
  const exports = createExports(ctx, {
    reports,
    recordList: createRecordList(ctx, reference),
    reference,
    settings,
    audit,
    dataDir: options.dataDir,
    pdf: options.desktopPrinting ?? null,
  });
  const centralChanges = createCentralChanges(ctx, history);
  const forwarding = createForwarding(
    ctx,
    audit,
    {
      identity: settings,
      rebuild: centralRecords.rebuild,
      applyChange: (change) => centralChanges.apply(change),
      file: (sha256) => attachments.contentOf(sha256),
    },
    options.forwarding,
  );
  outbox.onAdded(() => forwarding.notify());
  const sessions = new SessionStore(() => clock().getTime());
  const maintenance = createMaintenance(opened.sqlite);
  return {
    intakeFiles: (actorId: string, items: IntakeFile[]) => attachments.forIntake(actorId, items),
    ctx,
    log,
    opened,
    audit,
    settings,
    reference,
    accounts,
    complaints,
    queue,
    actions,
    similar,
    corrections,
    snippets,
    drafts,
    receipts,
    attachments,
    review,
    registers,
    backups,
    trail,
    privacy,
    reports,
    jobs,
    exports,
    outbox,
    history,
    centralRecords,
    forwarding,
    sessions,
    shell: options.shell,
    version: options.version,
    dataDir: options.dataDir,
    keyAt: options.keyAt ?? '',
    maintenance,
    /**
     * Once, just after start: what the first screens after sign-in read (the queue's newest page and
     * its saved views' counts), so the day's first officer does not wait on a cold disk (1.3 s at 1M
     * complaints after a reboot, while the sign-in screen hides it). A failure here is only logged.
     */
    warmUp: () => {
      try {
        const everyone = { id: '', seesAllReturned: true };
        queue.page({ sort: 'newest', limit: 100 }, everyone);
        queue.viewCounts(everyone);
      } catch (error) {
        log.warn('warm_up.failed', { reason: error instanceof Error ? error.message : String(error) });
      }
    },
    close: () => {
      forwarding.stop();
      reports.close();
      maintenance.close();
      opened.close();
      if (!options.log) void log.close();
    },
  };
}
export type Core = ReturnType<typeof createCore>;
