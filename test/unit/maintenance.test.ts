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

/** A database file in a fresh folder, with the desk's pragmas (WAL among them). */
function openDesk() {
  const dir = tempDir();
  dirs.push(dir);
  const db = new Database(join(dir.path, 'desk.sqlite'));
  applyPragmas(db);
  return db;
}

describe('the quiet-time checkpoint', () => {
  it('waits while an export streams rows through an open statement, then checkpoints', async () => {
    const db = openDesk();
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

  it('on a desk never quiet, checkpoints between calls once enough is written, never inside one', async () => {
    const db = openDesk();
    db.exec('CREATE TABLE t (n INTEGER, pad TEXT)');
    const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
    const walFrames = () => (db.pragma('wal_checkpoint(NOOP)') as Array<{ log: number }>)[0]!.log;
    // The quiet time never comes in this test; 50 written rows call for a checkpoint.
    const maintenance = createMaintenance(db, 60_000, 50);
    let biggest = 0;
    let firstCall = 0;
    for (let call = 0; call < 40; call++) {
      maintenance.touch();
      for (let i = 0; i < 10; i++) insert.run(i, 'x'.repeat(2000));
      const before = walFrames();
      maintenance.settle();
      // Not inside the call: the WAL is exactly as the call left it until the call's task is over.
      expect(walFrames()).toBe(before);
      biggest = Math.max(biggest, before);
      if (call === 0) firstCall = before;
      await new Promise((r) => setImmediate(r));
    }
    // 400 rows written with no quiet moment (40 calls' worth of frames), yet the WAL was checkpointed
    // every few calls and restarted from its beginning: never more than ~6 calls' frames in it.
    expect(firstCall).toBeGreaterThan(0);
    expect(biggest).toBeLessThanOrEqual(firstCall * 6);
    const [state] = db.pragma('wal_checkpoint(NOOP)') as Array<{ log: number; checkpointed: number }>;
    expect(state!.checkpointed).toBeGreaterThan(0);
    // A streamed read holding the connection: settle neither throws nor checkpoints under it.
    const rows = db.prepare('SELECT n FROM t').iterate();
    rows.next();
    expect(() => maintenance.settle()).not.toThrow();
    rows.return?.();
    maintenance.close();
    db.close();
  });
});
