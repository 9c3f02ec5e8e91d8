/**
 * A restore started in the app: the desk has its database open, so the admin's restore is prepared
 * now and carried out at the next start, before the database opens. Preparing checks everything a
 * restore can check without replacing the database (the passphrase, every record of the file) and
 * copies the backup into the data folder (the USB disk may be gone by then); the backup's data key is
 * kept sealed with the current desk key. At the next start the shell applies it (restore.ts) or, if
 * it fails, keeps the current database and says why.
 */
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { PersonalDataCipher } from '../platform/crypto/personal-data';
import type { Log } from '../platform/log';
import { decryptBody } from './container';
import { fileSha256 } from './files';
import { inspectBackup, restoreBackup, unlockBackup, type RestoreReport } from './restore';

const stagedFile = (dataDir: string) => join(dataDir, 'pemulihan-siap.json');
const stagedBackup = (dataDir: string) => join(dataDir, 'pemulihan-siap.mpbak');

const stagedShape = z.object({
  from: z.string(),
  notesFolder: z.string(),
  stagedAt: z.string(),
  takenAt: z.string(),
  deskCode: z.string().nullable(),
  sealedKey: z.string(),
});
export type StagedRestore = Omit<z.infer<typeof stagedShape>, 'sealedKey'>;

export async function stageRestore(input: {
  dataDir: string;
  from: string;
  passphrase: string | null;
  currentKey: Buffer;
  now: Date;
}): Promise<
  StagedRestore & { counts: { complaints: number; events: number; audit: number; accounts: number } }
> {
  const header = inspectBackup(input.from);
  const key = await unlockBackup(header, input.passphrase, input.currentKey);
  // Every record decrypts and authenticates: the file is whole and the key is its key.
  await decryptBody(input.from, key, () => undefined);
  const copy = stagedBackup(input.dataDir);
  copyFileSync(input.from, `${copy}.part`);
  if ((await fileSha256(`${copy}.part`)) !== (await fileSha256(input.from)))
    throw new Error('salinan cadangan tidak sama dengan aslinya');
  renameSync(`${copy}.part`, copy);
  const staged = {
    from: input.from,
    notesFolder: dirname(input.from),
    stagedAt: input.now.toISOString(),
    takenAt: header.takenAt,
    deskCode: header.desk?.code ?? null,
  };
  const sealedKey = new PersonalDataCipher(input.currentKey).encrypt('secret', key.toString('base64'));
  writeFileSync(stagedFile(input.dataDir), JSON.stringify({ ...staged, sealedKey }), { mode: 0o600 });
  return { ...staged, counts: header.counts };
}

export function stagedRestore(dataDir: string): StagedRestore | null {
  if (!existsSync(stagedFile(dataDir))) return null;
  const parsed = stagedShape.safeParse(JSON.parse(readFileSync(stagedFile(dataDir), 'utf8')));
  if (!parsed.success) return null;
  const { sealedKey: _sealed, ...staged } = parsed.data;
  return staged;
}

export function cancelStagedRestore(dataDir: string): void {
  rmSync(stagedFile(dataDir), { force: true });
  rmSync(stagedBackup(dataDir), { force: true });
}

/**
 * At start, before the database opens: carries out a restore the admin prepared. Returns the
 * report (its key is the desk's key from now on), or null when none was prepared. A restore that
 * fails leaves the current database in place; its reason is kept in pemulihan-gagal.json and logged.
 */
export async function applyStagedRestore(options: {
  dataDir: string;
  currentKey: Buffer;
  migrationsFolder: string;
  keyFiles: string[];
  storeKey: (key: Buffer) => void | Promise<void>;
  log: Log;
}): Promise<RestoreReport | null> {
  const file = stagedFile(options.dataDir);
  if (!existsSync(file)) return null;
  try {
    const staged = stagedShape.parse(JSON.parse(readFileSync(file, 'utf8')));
    const key = Buffer.from(
      new PersonalDataCipher(options.currentKey).decrypt('secret', staged.sealedKey),
      'base64',
    );
    const report = await restoreBackup({
      dataDir: options.dataDir,
      from: stagedBackup(options.dataDir),
      migrationsFolder: options.migrationsFolder,
      key,
      notesFolder: staged.notesFolder,
      keyFiles: options.keyFiles,
      storeKey: options.storeKey,
      log: options.log,
    });
    cancelStagedRestore(options.dataDir);
    return report;
  } catch (error) {
    options.log.error('backup.staged_restore_failed', error);
    writeFileSync(
      join(options.dataDir, 'pemulihan-gagal.json'),
      JSON.stringify({ at: new Date().toISOString(), reason: (error as Error).message }),
      { mode: 0o600 },
    );
    cancelStagedRestore(options.dataDir);
    return null;
  }
}
