/**
 * The quiet-time WAL checkpoint never throws out of its timer while a streamed export holds a
 * statement open on the connection (that would end the main process); it waits and checkpoints
 * once the statement is done.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPragmas } from '../../src/main/platform/database';
import { createMaintenance } from '../../src/main/platform/maintenance';
import { tempDir } from '../support/core';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

describe('the quiet-time checkpoint', () => {
  it('waits while an export streams rows through an open statement, then checkpoints', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const db = new Database(join(dir.path, 'desk.sqlite'));
    applyPragmas(db);
    db.exec('CREATE TABLE t (n INTEGER)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run(i);
    })();
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      const maintenance = createMaintenance(db, 20);
      // An export: rows read one by one with awaits between them, longer than the quiet time.
      const rows = db.prepare('SELECT n FROM t').iterate();
      maintenance.touch();
      let read = 0;
      for (const _row of rows) {
        read++;
        if (read % 100 === 0) await new Promise((r) => setTimeout(r, 30));
      }
      expect(read).toBe(500);
      // Done streaming: the checkpoint runs at the next quiet moment and empties the WAL.
      await new Promise((r) => setTimeout(r, 80));
      const [result] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>;
      expect(result!.log).toBe(result!.checkpointed);
      expect(uncaught).toEqual([]);
      maintenance.close();
    } finally {
      process.off('uncaughtException', onUncaught);
      db.close();
    }
  });
});
