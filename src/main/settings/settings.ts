/** Desk settings, stored as key/value rows; defaults apply until an admin changes a value. */
import { eq } from 'drizzle-orm';
import { settingsSchema, type Settings } from '../../shared/contract/app';
import { defaultDeadlineRules } from '../../shared/domain/complaint';
import type { CoreContext } from '../core/context';
import { desk, settings } from '../db/schema';

export const defaultSettings: Omit<Settings, 'siteName'> = {
  idleLockMinutes: 5,
  lockoutAttempts: 5,
  lockoutMinutes: 15,
  ...defaultDeadlineRules,
  footerText: undefined,
  statusUrl: undefined,
  followUpContact: undefined,
  // docs/domain.md: SP4N-LAPOR! and the Ombudsman's office for East Java (address as reported in
  // 2017; an admin should confirm it in Pengaturan).
  escalationText:
    'Bila batas waktu terlewati: SP4N-LAPOR! www.lapor.go.id / SMS 1708, atau Ombudsman RI Perwakilan Jawa Timur, Jl. Ngagel Timur 56, Surabaya.',
};

export function createSettings({ db, clock }: CoreContext) {
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
    const deskRow = db.select().from(desk).where(eq(desk.id, 1)).get();
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
          tx.update(desk)
            .set({ siteName: value as string, updatedAt: at })
            .where(eq(desk.id, 1))
            .run();
          continue;
        }
        tx.insert(settings)
          .values({ key, value, updatedAt: at })
          .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } })
          .run();
      }
    });
    cached = null;
    return get();
  }

  return { get, update, forget: () => (cached = null) };
}
export type SettingsService = ReturnType<typeof createSettings>;
