/**
 * The newest good backup file in the data folder, read from the files themselves (not the database,
 * which may be the thing that is damaged): the one a damaged desk offers to restore from.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readHeader } from './container';

export function newestBackup(dataDir: string): { path: string; takenAt: string } | null {
  const folder = join(dataDir, 'backups');
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.endsWith('.mpbak') && !n.startsWith('.'));
  } catch {
    return null;
  }
  let best: { path: string; takenAt: string } | null = null;
  for (const name of names) {
    try {
      const { header } = readHeader(join(folder, name));
      if (!best || header.takenAt > best.takenAt)
        best = { path: join(folder, name), takenAt: header.takenAt };
    } catch {
      // not one of ours, or damaged: not offered
    }
  }
  return best;
}

/** The database file cannot be used: damaged. Shown to the person starting the desk. */
export class DatabaseDamagedError extends Error {
  constructor(dataDir: string, cause: string) {
    const backup = newestBackup(dataDir);
    super(
      `Basis data meja rusak (${cause}). ` +
        (backup
          ? `Cadangan terbaru yang baik: ${backup.path} (${backup.takenAt}). Tutup aplikasi lalu pulihkan: npm run restore -- --from "${backup.path}" --data "${dataDir}"`
          : 'Tidak ada cadangan di folder data; pulihkan dari tempat kedua (disk USB atau folder jaringan) dengan npm run restore.'),
    );
    this.name = 'DatabaseDamagedError';
  }
}
