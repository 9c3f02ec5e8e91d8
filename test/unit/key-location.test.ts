/** Browser mode's key lives outside the data folder: a copy of the folder does not carry its key. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserKeyFile, moveLegacyKey } from '../../src/main/host/key-location';
import { tempDir } from '../support/core';

describe('the browser-mode key location', () => {
  it('is outside the data folder, in the account configuration folder, one per data folder', () => {
    const env = { XDG_CONFIG_HOME: '/home/petugas/.config' };
    const a = browserKeyFile('/srv/meja/data', env);
    expect(a.startsWith('/home/petugas/.config/meja-pengaduan/kunci/')).toBe(true);
    expect(a.startsWith('/srv/meja/data')).toBe(false);
    expect(browserKeyFile('/srv/meja/lain', env)).not.toBe(a);
    expect(browserKeyFile('/srv/meja/data/', env)).toBe(a);
  });

  it('moves the key an earlier version left in the data folder, once, never over an existing one', () => {
    const data = tempDir();
    const config = tempDir();
    writeFileSync(join(data.path, 'desk.key'), 'kunci-lama\n', { mode: 0o600 });
    const target = browserKeyFile(data.path, { XDG_CONFIG_HOME: config.path });
    expect(moveLegacyKey(data.path, target)).toBe(true);
    expect(existsSync(join(data.path, 'desk.key'))).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe('kunci-lama\n');
    writeFileSync(join(data.path, 'desk.key'), 'kunci-lain\n');
    expect(moveLegacyKey(data.path, target)).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe('kunci-lama\n');
    data.remove();
    config.remove();
  });
});
