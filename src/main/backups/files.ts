/** The file-level helpers of backups: hashing, naming, failure reasons in words, leftovers. */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, openSync } from 'node:fs';
import { copyFile, readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export const fileSha256 = (path: string) =>
  new Promise<string>((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });

export function reasonText(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOSPC' || e?.code === 'EDQUOT') return 'disk penuh';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'tidak ada izin menulis';
  if (e?.code === 'ENOENT') return 'folder tidak ada (disk dicabut?)';
  if (e?.code === 'ENOTDIR' || e?.code === 'EEXIST') return 'bukan folder';
  return e?.code ?? (error instanceof Error ? error.message : String(error));
}

/** WIB wall time for file names, so they sort and read as the office's own clock: 20261129-143005. */
export function stamp(at: Date): string {
  const wib = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return `${wib.slice(0, 10).replace(/-/g, '')}-${wib.slice(11, 19).replace(/:/g, '')}`;
}

export async function verifyCopy(path: string, expectedSha: string): Promise<void> {
  if ((await fileSha256(path)) !== expectedSha) throw new Error('salinan tidak sama dengan aslinya');
}

/**
 * The verified backup file copied to the second folder (a USB disk, a share), checked there against
 * the first, then renamed into place: 'good', or 'failed: <reason>' with nothing half-written left.
 */
export async function copyToSecond(file: string, folder: string, fileName: string): Promise<string> {
  const part = join(folder, `.${fileName}.part`);
  try {
    if (!existsSync(folder)) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
    await copyFile(file, part);
    await verifyCopy(part, await fileSha256(file));
    await rename(part, join(folder, fileName));
    return 'good';
  } catch (error) {
    await unlink(part).catch(() => undefined);
    return `failed: ${reasonText(error)}`;
  }
}

/**
 * An empty file only its owner may read, for SQLite to copy the database into: SQLite keeps an
 * existing file's mode and gives its -wal and -shm the same one.
 */
export function ownerOnlyFile(path: string): void {
  closeSync(openSync(path, 'w', 0o600));
}

/** A plain copy of the database, with the -wal and -shm that opening it (read-only) left beside it. */
export async function removeDatabaseFile(path: string): Promise<void> {
  for (const f of [path, `${path}-wal`, `${path}-shm`]) await unlink(f).catch(() => undefined);
}

/** The plain snapshot and half-written files a desk that stopped mid-backup left behind. */
export async function removeLeftovers(folder: string): Promise<void> {
  try {
    const names = await readdir(folder);
    await Promise.all(
      names
        .filter((n) => n.startsWith('.snapshot-') || n.endsWith('.part'))
        .map((n) => unlink(join(folder, n)).catch(() => undefined)),
    );
  } catch {
    // no folder yet
  }
}
