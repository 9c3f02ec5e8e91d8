/**
 * kill -9 of browser mode in the middle of writes: every complaint the desk acknowledged is still
 * there after a restart, and the file passes PRAGMA integrity_check.
 */
import { join } from 'node:path';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { startHost } from '../support/host-process';
import { repoRoot } from '../support/host-process';

const complaint = {
  type: 'PENGADUAN',
  channel: 'TELEPON',
  title: 'Lampu penerangan jalan mati di Kraksaan',
  body: 'Lampu penerangan jalan di depan pasar mati sejak seminggu, jalan gelap dan rawan kecelakaan pada malam hari.',
  agencyCode: 'DISHUB',
  complainantName: 'Ahmad',
  phone: '081333444555',
};

async function call(origin: string, token: string, method: string, input: unknown) {
  const response = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
      'X-Desk-Tab': 'durability-test-tab',
    },
    body: JSON.stringify(input),
  });
  return (await response.json()) as { ok: boolean; value?: { receiptNumber?: string }; error?: unknown };
}

test('kill -9 during writes loses no acknowledged complaint and leaves the file intact', async () => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-kill-'));
  const first = await startHost({ dataDir });
  expect(
    (
      await call(first.origin, first.token, 'setup.initialize', {
        deskCode: 'KILL1',
        siteName: 'Uji ketahanan',
        admin: { name: 'admin', displayName: 'Admin', secret: 'rahasia-1' },
      })
    ).ok,
  ).toBe(true);
  expect(
    (await call(first.origin, first.token, 'auth.signIn', { name: 'admin', secret: 'rahasia-1' })).ok,
  ).toBe(true);

  const acknowledged: string[] = [];
  let failures = 0;
  const writers = Array.from({ length: 4 }, async () => {
    for (;;) {
      try {
        const r = await call(first.origin, first.token, 'complaints.create', complaint);
        if (r.ok && r.value?.receiptNumber) acknowledged.push(r.value.receiptNumber);
      } catch {
        failures++; // the process is gone: this write was never acknowledged
        return;
      }
    }
  });
  await expect.poll(() => acknowledged.length, { timeout: 60_000 }).toBeGreaterThan(150);
  first.process.kill('SIGKILL');
  await Promise.all(writers);
  await first.stop();
  expect(failures).toBeGreaterThan(0);
  expect(existsSync(join(dataDir, 'desk.sqlite-wal'))).toBe(true);

  const second = await startHost({ dataDir });
  expect(
    (await call(second.origin, second.token, 'auth.signIn', { name: 'admin', secret: 'rahasia-1' })).ok,
  ).toBe(true);
  const missing: string[] = [];
  for (const receiptNumber of acknowledged) {
    const r = await call(second.origin, second.token, 'complaints.findByReceipt', { receiptNumber });
    if (!r.ok) missing.push(receiptNumber);
  }
  expect(missing).toEqual([]);
  const stats = (await call(second.origin, second.token, 'complaints.stats', {})) as {
    value?: { total: number };
  };
  expect(stats.value!.total).toBeGreaterThanOrEqual(acknowledged.length);
  await second.stop();

  const db = new Database(join(dataDir, 'desk.sqlite'));
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  const events = (db.prepare('SELECT count(*) AS n FROM complaint_events').get() as { n: number }).n;
  const rows = (db.prepare('SELECT count(*) AS n FROM complaints').get() as { n: number }).n;
  const fts = (db.prepare('SELECT count(*) AS n FROM complaint_fts').get() as { n: number }).n;
  expect([events, fts]).toEqual([rows, rows]); // each save wrote all three or nothing
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the built preload requires nothing but electron (a sandboxed preload cannot)', () => {
  const preload = readFileSync(join(repoRoot, 'out', 'preload', 'index.cjs'), 'utf8');
  const required = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
  expect([...new Set(required)]).toEqual(['electron']);
});

test('kill -9 while forwarding: after a restart the central server has every record exactly once', async () => {
  test.setTimeout(120_000);
  const { FakeCentral } = await import('../support/fake-central');
  const central = await new FakeCentral().start();
  central.deskCode = 'KILL2';
  let n = 0;
  central.fault = () => (++n % 7 === 0 ? 'drop-after-commit' : 'slow');
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-kill-fwd-'));
  const first = await startHost({ dataDir });
  const api = (h: { origin: string; token: string }, m: string, i: unknown) => call(h.origin, h.token, m, i);
  expect(
    (
      await api(first, 'setup.initialize', {
        deskCode: 'KILL2',
        siteName: 'Uji pengiriman',
        admin: { name: 'admin', displayName: 'Admin', secret: 'rahasia-1' },
      })
    ).ok,
  ).toBe(true);
  expect((await api(first, 'auth.signIn', { name: 'admin', secret: 'rahasia-1' })).ok).toBe(true);
  for (let i = 0; i < 300; i++) expect((await api(first, 'complaints.create', complaint)).ok).toBe(true);
  expect(
    (await api(first, 'forwarding.saveSettings', { url: central.url, token: central.token, enabled: true }))
      .ok,
  ).toBe(true);
  await expect.poll(() => central.complaints.size, { timeout: 60_000 }).toBeGreaterThan(40);
  first.process.kill('SIGKILL');
  await first.stop();
  const before = central.complaints.size;
  expect(before).toBeLessThan(300);

  const second = await startHost({ dataDir });
  expect((await api(second, 'auth.signIn', { name: 'admin', secret: 'rahasia-1' })).ok).toBe(true);
  await expect
    .poll(
      async () =>
        ((await api(second, 'forwarding.status', {})) as { value?: { waiting: number } }).value?.waiting,
      { timeout: 90_000 },
    )
    .toBe(0);
  expect(central.complaints.size).toBe(300);
  expect(central.events.size).toBe(300); // each DITERIMA event once, duplicates absorbed by its UUID
  await second.stop();
  await central.stop();
  rmSync(dataDir, { recursive: true, force: true });
});
