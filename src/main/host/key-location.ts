/**
 * Where browser mode keeps the personal-data key: not in the data folder, so that a copy of the
 * folder (zipped, synced, carried off on a USB disk) does not carry the key that opens it. The key
 * file is owner-only in a folder only its owner may enter, under the account's configuration
 * folder, named after the data folder it opens; `--key <file>` puts it elsewhere. A key file left in
 * the data folder by an earlier version is moved there once.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, renameSync, unlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';

export function browserKeyFile(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const configHome =
    env.XDG_CONFIG_HOME || (process.platform === 'win32' && env.APPDATA) || join(homedir(), '.config');
  const folder = join(configHome, 'meja-pengaduan', 'kunci');
  const tag = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  const name =
    basename(resolve(dataDir))
      .replace(/[^A-Za-z0-9._-]/g, '_')
      .slice(0, 40) || 'meja';
  return join(folder, `${name}-${tag}.key`);
}

/** Moves `<data>/desk.key` of an earlier version to the key location, once; returns whether it did. */
export function moveLegacyKey(dataDir: string, keyFile: string): boolean {
  const legacy = join(dataDir, 'desk.key');
  if (!existsSync(legacy) || existsSync(keyFile)) return false;
  mkdirSync(join(keyFile, '..'), { recursive: true, mode: 0o700 });
  try {
    renameSync(legacy, keyFile);
  } catch {
    // Another disk: copy, then remove the one beside the data.
    copyFileSync(legacy, keyFile);
    unlinkSync(legacy);
  }
  return true;
}

export function ensureKeyFolder(keyFile: string): void {
  mkdirSync(join(keyFile, '..'), { recursive: true, mode: 0o700 });
}
