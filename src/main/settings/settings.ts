/** Desk settings, stored as key/value rows; defaults apply until an admin changes a value. */
import { eq } from 'drizzle-orm';
import { settingsSchema, type Settings } from '../../shared/contract/settings';
import { defaultDeadlineRules } from '../../shared/domain/complaint';
import { defaultReviewRules } from '../../shared/domain/review';
import type { AuditTrail } from '../platform/audit-trail';
import type { CoreContext } from '../platform/context';
import { createDeadlineRules } from './deadline-rules';
import { desk as deskTable, settings } from './schema';

export const defaultSettings: Omit<Settings, 'siteName'> = {
  idleLockMinutes: 5,
  lockoutAttempts: 5,
  lockoutMinutes: 15,
  retentionMonths: 24,
  draftRetentionDays: 7,
  ...defaultDeadlineRules,
  reviewRules: defaultReviewRules,
  attachmentMaxMegabytes: 20,
  attachmentsPerComplaint: 10,
  attachmentsTotalMegabytes: 30,
  exportFolder: undefined,
  footerText: undefined,
  statusUrl: undefined,
  followUpContact: undefined,
  // docs/domain.md: SP4N-LAPOR! and the Ombudsman's office for East Java (address as reported in
  // 2017; an admin should confirm it in Pengaturan).
  escalationText:
    'Bila batas waktu terlewati: SP4N-LAPOR! www.lapor.go.id / SMS 1708, atau Ombudsman RI Perwakilan Jawa Timur, Jl. Ngagel Timur 56, Surabaya.',
};

export function createSettings(ctx: CoreContext, audit: AuditTrail) {
  const { db, clock } = ctx;
  // Read on every call (idle lock, deadlines): kept in memory, dropped on every change.
  let cached: Settings | null = null;

  function get(): Settings {
    if (cached) return cached;
    const stored = Object.fromEntries(
      db
        .select()
        .from(settings)
        .all()
        .map((r) => [r.key, r.value]),
    );
    const deskRow = desk();
    const merged = { ...defaultSettings, ...stored, siteName: deskRow?.siteName ?? 'Mal Pelayanan Publik' };
    // Anything stored that no longer fits falls back to the default rather than breaking the desk.
    const parsed = settingsSchema.safeParse(merged);
    const value = parsed.success ? parsed.data : { ...defaultSettings, siteName: merged.siteName };
    if (deskRow) cached = value; // before setup the site name is still to come
    return value;
  }

  function update(patch: Partial<Settings>): Settings {
    const at = clock().toISOString();
    cached = null;
    db.transaction((tx) => {
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) continue;
        if (key === 'siteName') {
          tx.update(deskTable)
            .set({ siteName: value as string, updatedAt: at })
            .where(eq(deskTable.id, 1))
            .run();
          continue;
        }
        tx.insert(settings)
          .values({ key, value, updatedAt: at })
          .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } })
          .run();
      }
    });
    forget();
    return get();
  }

  // The desk's identity: its code never changes after setup, its site name only through update().
  let identity: { code: string; siteName: string } | null = null;
  /** The desk's code and site name; null before first-run setup. The one reader of the desk row. */
  function desk(): { code: string; siteName: string } | null {
    if (identity) return identity;
    const row = db.select().from(deskTable).where(eq(deskTable.id, 1)).get();
    identity = row ? { code: row.code, siteName: row.siteName } : null;
    return identity;
  }
  /** The desk code, for code that runs only after setup (saving, printing, forwarding). */
  function deskCode(): string {
    const code = desk()?.code;
    if (!code) throw new Error('desk is not set up');
    return code;
  }
  const forget = () => {
    cached = null;
    identity = null;
  };

  const deadlines = createDeadlineRules(ctx, audit, () => get());
  return {
    get,
    update,
    forget,
    desk,
    deskCode,
    /** The time limits of a record of this type received on this day (see deadline-rules.ts). */
    deadlinesFor: deadlines.forRecord,
    deadlineRules: deadlines,
  };
}
export type SettingsService = ReturnType<typeof createSettings>;
/** Who this desk is, for the features that stamp it on what they make. */
export type DeskIdentity = Pick<SettingsService, 'desk' | 'deskCode'>;
