/** One desk per PC: where the data lives, and moving a desk's data out of an account's folder once. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { machineDataDir, moveToMachineFolder } from '../../../src/main/electron/data-dir';
import { tempDir } from '../../support/core';

describe('the per-machine data folder', () => {
  const base = { env: {}, packaged: true, userData: '/home/a/.config/Meja Pengaduan' };
  it('is ProgramData on Windows and /var/lib on Linux for an installed desk', () => {
    expect(machineDataDir({ ...base, platform: 'win32', env: { ProgramData: 'C:\\ProgramData' } })).toBe(
      join('C:\\ProgramData', 'MejaPengaduan'),
    );
    expect(machineDataDir({ ...base, platform: 'linux' })).toBe('/var/lib/meja-pengaduan');
  });
  it('is the account folder for a development run, and MEJA_DATA_DIR wins over both', () => {
    expect(machineDataDir({ ...base, platform: 'win32', packaged: false })).toBe(base.userData);
    expect(machineDataDir({ ...base, platform: 'linux', env: { MEJA_DATA_DIR: '/srv/meja' } })).toBe(
      '/srv/meja',
    );
  });
  it('moves a desk from an account folder once, whole, and never over an existing database', () => {
    const from = tempDir();
    const to = tempDir();
    writeFileSync(join(from.path, 'desk.sqlite'), 'db');
    writeFileSync(join(from.path, 'desk.sqlite-wal'), 'wal');
    mkdirSync(join(from.path, 'backups'));
    writeFileSync(join(from.path, 'desk-key.bin'), 'per-account blob');
    const machine = join(to.path, 'MejaPengaduan');
    expect(moveToMachineFolder(from.path, machine).sort()).toEqual([
      'backups',
      'desk.sqlite',
      'desk.sqlite-wal',
    ]);
    expect(readFileSync(join(machine, 'desk.sqlite'), 'utf8')).toBe('db');
    expect(existsSync(join(from.path, 'desk-key.bin'))).toBe(true); // the key blob stays with the account
    writeFileSync(join(from.path, 'desk.sqlite'), 'another account, later');
    expect(moveToMachineFolder(from.path, machine)).toEqual([]);
    expect(readFileSync(join(machine, 'desk.sqlite'), 'utf8')).toBe('db');
    from.remove();
    to.remove();
  });
});
