/**
 * Tentang (app.about): a supervisor sees where the desk's memory goes (issue 14: the soak reads the
 * same figures from the running desk); an officer is turned away.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, setUpDesk, signedInOfficer, value } from '../support/core';

const cores: Array<{ close(): void }> = [];
afterEach(() => cores.splice(0).forEach((c) => c.close()));

describe('Tentang', () => {
  it("gives the main process's memory: resident, JS heap, outside the heap, SQLite's cache and mmap", async () => {
    const t = makeCore();
    cores.push(t);
    await setUpDesk(t.api);
    const about = value<{
      counts: { complaints: number };
      memory: Record<
        | 'rssBytes'
        | 'jsHeapUsedBytes'
        | 'jsHeapTotalBytes'
        | 'externalBytes'
        | 'sqliteCacheLimitBytes'
        | 'sqliteMmapBytes',
        number
      >;
    }>(await t.api.dispatch('app.about', {}, 'admin'));
    const m = about.memory;
    expect(about.counts.complaints).toBe(0);
    expect(m.jsHeapUsedBytes).toBeGreaterThan(0);
    expect(m.jsHeapUsedBytes).toBeLessThanOrEqual(m.jsHeapTotalBytes);
    expect(m.rssBytes).toBeGreaterThan(m.jsHeapUsedBytes);
    expect(m.externalBytes).toBeGreaterThan(0);
    // better-sqlite3's build defaults, which the desk keeps: a page cache of at most 16,000 KiB, no map.
    expect(m.sqliteCacheLimitBytes).toBe(16_000 * 1024);
    expect(m.sqliteMmapBytes).toBe(0);
    // Said in pages, the limit is pages times the page size.
    t.core.ctx.sqlite.pragma('cache_size = 100');
    const again = value<{ memory: { sqliteCacheLimitBytes: number } }>(
      await t.api.dispatch('app.about', {}, 'admin'),
    );
    expect(again.memory.sqliteCacheLimitBytes).toBe(100 * 4096);
  });

  it('is for supervisors: an officer is refused', async () => {
    const t = makeCore();
    cores.push(t);
    await setUpDesk(t.api);
    await signedInOfficer(t.api, 'petugas1', 'rahasia-petugas-1', 'officer');
    const r = await t.api.dispatch('app.about', {}, 'officer');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  });
});
