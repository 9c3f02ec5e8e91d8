/** Tentang: what an operator asks first when supporting a desk (the composition root's view of it). */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from './core';

const size = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

/**
 * Where the main process's memory goes: the JS heap, buffers outside it, and SQLite's page cache
 * (its limit: cache_size pages, or KiB when negative) and memory map (mmap_size; 0 when off).
 */
export function memoryOf(sqlite: Core['ctx']['sqlite']) {
  const usage = process.memoryUsage();
  const pragma = (name: string) => sqlite.pragma(name, { simple: true }) as number;
  const cache = pragma('cache_size');
  return {
    rssBytes: usage.rss,
    jsHeapUsedBytes: usage.heapUsed,
    jsHeapTotalBytes: usage.heapTotal,
    externalBytes: usage.external,
    sqliteCacheLimitBytes: cache < 0 ? -cache * 1024 : cache * pragma('page_size'),
    sqliteMmapBytes: pragma('mmap_size'),
  };
}

export function about(core: Core) {
  const { sqlite } = core.ctx;
  const count = (table: string) => sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const file = join(core.dataDir, 'desk.sqlite');
  const restoredAt = sqlite.prepare('SELECT max(restored_at) FROM receipt_sequence_floors').pluck().get() as
    string | null;
  return {
    version: core.version,
    shell: core.shell,
    runtime: {
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      sqlite: sqlite.prepare('SELECT sqlite_version()').pluck().get() as string,
    },
    dataDir: core.dataDir,
    logDir: join(core.dataDir, 'logs'),
    keyAt: core.keyAt,
    databaseBytes: size(file) + size(`${file}-wal`),
    counts: {
      complaints: count('complaints'),
      events: count('complaint_events'),
      audit: count('audit_log'),
      accounts: count('accounts'),
    },
    lastBackupAt: core.backups.status().lastGoodAt,
    restoredAt,
    memory: memoryOf(sqlite),
  };
}
