/**
 * Where the desk keeps its data: one place per machine, not per Windows account. A counter PC is
 * shared by several officers, each with their own Windows account; data in each account's roaming
 * profile would give two databases and two daily receipt sequences under one desk code (numbers
 * repeat), and a profile redirected to a network share would put the WAL on SMB, which SQLite does
 * not support. The installer makes the folder and gives the desk's users access (README, Installing).
 *
 *   Windows:  %ProgramData%\MejaPengaduan   (C:\ProgramData\MejaPengaduan)
 *   Linux:    /var/lib/meja-pengaduan        (made by the deb package, group meja-pengaduan)
 *   MEJA_DATA_DIR overrides both; an unpackaged (development) run keeps the per-account folder.
 */
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';

export function machineDataDir(options: {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  packaged: boolean;
  userData: string;
}): string {
  if (options.env.MEJA_DATA_DIR) return options.env.MEJA_DATA_DIR;
  if (!options.packaged) return options.userData;
  if (options.platform === 'win32')
    return join(options.env.ProgramData ?? 'C:\\ProgramData', 'MejaPengaduan');
  if (options.platform === 'linux') return '/var/lib/meja-pengaduan';
  return options.userData;
}

/** The files that make up a desk's data (the key blob is per account and stays where it is). */
const deskFiles = [
  'desk.sqlite',
  'desk.sqlite-wal',
  'desk.sqlite-shm',
  'desk.key',
  'backups',
  'registers',
  'exports',
  'salinan',
  'logs',
];

/**
 * A desk from before the per-machine folder kept its data in the account's folder: moved once,
 * whole, when the machine folder has no database yet. Returns what was moved.
 */
export function moveToMachineFolder(from: string, to: string): string[] {
  if (from === to || existsSync(join(to, 'desk.sqlite')) || !existsSync(join(from, 'desk.sqlite'))) return [];
  mkdirSync(to, { recursive: true, mode: 0o770 });
  const moved: string[] = [];
  for (const name of deskFiles) {
    if (!existsSync(join(from, name))) continue;
    if (existsSync(join(to, name)) && readdirSync(to).includes(name)) continue;
    renameSync(join(from, name), join(to, name));
    moved.push(name);
  }
  return moved;
}
