/** The file-level helpers of backups: hashing, naming, failure reasons in words, leftovers. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, unlink } from 'node:fs/promises';
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
