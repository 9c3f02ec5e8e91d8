/** Issue 9, item 12: a desk never runs with a second key; the database knows which key sealed its data. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeCore, sampleComplaint, setUpDesk, tempDir, value } from '../support/core';

describe('the key check', () => {
  it('refuses to open a desk with another key, and opens it again with the right one', async () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const first = makeCore({ dataDir: dir.path, masterKey: key });
    await setUpDesk(first.api);
    value(await first.api.dispatch('complaints.create', sampleComplaint, 'admin'));
    first.close();

    expect(() => makeCore({ dataDir: dir.path, masterKey: randomBytes(32) })).toThrow(
      /Kunci data pribadi tidak cocok/,
    );
    // Nothing was written by the refused start: the right key still opens everything.
    const again = makeCore({ dataDir: dir.path, masterKey: key });
    await setUpDesk(again.api).catch(() => undefined);
    value(await again.api.dispatch('auth.signIn', { name: 'admin', secret: 'rahasia-admin-1' }, 'admin'));
    const found = value<{ nik: string | null }[]>(
      await again.api.dispatch('complaints.findByContact', { nik: sampleComplaint.nik }, 'admin'),
    );
    expect(found).toHaveLength(1);
    again.close();
    dir.remove();
  });

  it('a desk from before the check is checked against what it already sealed', async () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const first = makeCore({ dataDir: dir.path, masterKey: key });
    await setUpDesk(first.api);
    value(await first.api.dispatch('complaints.create', sampleComplaint, 'admin'));
    first.core.ctx.sqlite.prepare('DELETE FROM key_check').run();
    first.close();
    expect(() => makeCore({ dataDir: dir.path, masterKey: randomBytes(32) })).toThrow(/tidak cocok/);
    const right = makeCore({ dataDir: dir.path, masterKey: key });
    expect(right.core.ctx.sqlite.prepare('SELECT count(*) AS n FROM key_check').get()).toEqual({ n: 1 });
    right.close();
    dir.remove();
  });
});

describe('files of a desk in a folder others can read (issue 9, item 8)', () => {
  it('are created owner-only: database, WAL and shared memory; the folder is reported as open', async () => {
    const { chmodSync, statSync, existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { folderOpenToOthers } = await import('../../src/main/platform/database');
    const dir = tempDir();
    chmodSync(dir.path, 0o755);
    expect(folderOpenToOthers(dir.path)).toBe(true);
    const desk = makeCore({ dataDir: dir.path });
    await setUpDesk(desk.api);
    value(await desk.api.dispatch('complaints.create', sampleComplaint, 'admin'));
    for (const f of ['desk.sqlite', 'desk.sqlite-wal', 'desk.sqlite-shm']) {
      const file = join(dir.path, f);
      expect(existsSync(file), f).toBe(true);
      expect(statSync(file).mode & 0o077, f).toBe(0);
    }
    desk.close();
    dir.remove();
  });
});
