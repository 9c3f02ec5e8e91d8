/**
 * One failure path: what fails is written to the desk's log (a file in the data folder, owner-only,
 * with no personal data in it) and shown where someone can act on it; background work never fails
 * silently. Real files, a real desk and a real loopback server.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLog, inBackground, scrub } from '../../src/main/platform/log';
import { installProcessHandlers } from '../../src/main/platform/process-failures';
import {
  adminSecret,
  makeCore,
  sampleComplaint,
  setUpDesk,
  tempDir,
  value,
  signedInOfficer,
} from '../support/core';
import { FakeCentral } from '../support/fake-central';
import { connect, save, until, wallClockDesk, type Desk } from '../support/forwarding';
import { memoryLog } from '../support/memory-log';

const logText = (dataDir: string) =>
  readdirSync(join(dataDir, 'logs'))
    .map((f) => readFileSync(join(dataDir, 'logs', f), 'utf8'))
    .join('');
const lines = (dataDir: string) =>
  logText(dataDir)
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('the log file', () => {
  it('is JSON lines in <data>/logs/desk.log, readable by the owner only', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const log = createLog(dir.path);
    log.info('app.start', { shell: 'browser' });
    log.error('call.failed', new Error('boom'), { method: 'complaints.create' });
    log.flush();
    await log.close();
    const [start, failed] = lines(dir.path);
    expect(start).toMatchObject({
      level: 'info',
      event: 'app.start',
      shell: 'browser',
      time: expect.any(String),
    });
    expect(failed).toMatchObject({
      level: 'error',
      event: 'call.failed',
      method: 'complaints.create',
      error: { type: 'Error', message: 'boom', stack: expect.stringContaining('failure-path.test.ts') },
    });
    if (process.platform !== 'win32') {
      expect(statSync(join(dir.path, 'logs')).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir.path, 'logs', 'desk.log')).mode & 0o777).toBe(0o600);
    }
  });

  it('drops a line written after the close (work still ending as the desk quits) instead of crashing', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const log = createLog(dir.path);
    log.info('app.start');
    // Closed as the core closes (not awaited); the failure comes a moment later.
    const closing = log.close();
    await new Promise((r) => setImmediate(r));
    // A migration's backup failing as the core closes logs like this; on the ended stream it was an
    // unhandled 'error' event that ended the process.
    log.error('backup.migration_copy_failed', new Error('database closed'));
    log.warn('late', {});
    log.flush();
    await closing;
    await new Promise((r) => setTimeout(r, 50));
    expect(lines(dir.path).map((l) => l.event)).toEqual(['app.start']);
  });

  it('never holds personal data, whatever a caller hands it', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const log = createLog(dir.path);
    const personal = {
      nik: '3513014507900001',
      phone: '081234567890',
      email: 'siti@example.id',
      address: 'Jl. Bromo No. 12',
      complainantName: 'Siti Aminah',
    };
    log.error(
      'call.failed',
      new Error(`cannot save NIK 3513 0145 0790 0001 for +62 812-3456-7890 <siti@example.id>`),
      {
        ...personal,
        nested: { input: personal, list: [{ phone: personal.phone }] },
        receipt: 'PBL01-20261129-0001-7',
      },
    );
    log.warn('call.refused', { method: 'x', note: 'NIK 3513014507900001, HP 0812 3456 7890' });
    await log.close();
    const text = logText(dir.path);
    for (const value of [
      '3513014507900001',
      '3513 0145 0790 0001',
      '812-3456-7890',
      '081234567890',
      '0812 3456 7890',
      'siti@example.id',
      'Jl. Bromo',
      'Siti Aminah',
    ])
      expect(text, value).not.toContain(value);
    expect(text).toContain('[disamarkan]');
    // What support needs stays: the receipt number (not personal), the event, the method.
    expect(text).toContain('PBL01-20261129-0001-7');
    expect(scrub('antrean 12 menit')).toBe('antrean 12 menit');
    // Ids, times and addresses support needs are not taken for personal data.
    const kept = 'id 0190f000-0000-7000-8000-000000000000 at 2026-11-29T09:00:00.000Z via 127.0.0.1:44301';
    expect(scrub(kept)).toBe(kept);
    expect(scrub('HP: 081234567890, NIK: 3513.0145.0790.0001')).toBe('HP: [disamarkan], NIK: [disamarkan]');
  });

  it('a working day at the desk leaves no personal data in the log', async () => {
    const dir = tempDir();
    const log = createLog(dir.path);
    const desk = makeCore({ dataDir: dir.path, log });
    cleanups.push(dir.remove, () => desk.close());
    await setUpDesk(desk.api);
    const { id } = value<{ id: string }>(
      await desk.api.dispatch('complaints.create', sampleComplaint, 'admin'),
    );
    await desk.api.dispatch(
      'complaints.revealPersonalData',
      { id, reason: 'Klarifikasi ke pelapor' },
      'admin',
    );
    await desk.api.dispatch('complaints.queue', { search: sampleComplaint.nik }, 'admin');
    await desk.api.dispatch('complaints.queue', { search: sampleComplaint.phone }, 'admin');
    await desk.api.dispatch('no.such.method', { nik: sampleComplaint.nik }, 'admin');
    await desk.api.dispatch('complaints.create', { ...sampleComplaint, __proto__: { x: 1 } }, 'admin');
    await desk.api.dispatch('auth.signIn', { name: 'admin', secret: 'salah-sekali' }, 'tab2');
    await log.close();
    const text = logText(desk.dataDir);
    for (const v of [
      sampleComplaint.nik,
      '3456-7890',
      sampleComplaint.email,
      sampleComplaint.complainantName,
      'Bromo',
      adminSecret,
    ])
      expect(text, v).not.toContain(v);
    expect(text).toContain('"event":"call.refused"');
  });
});

describe('calls refused or failed', () => {
  it('logs an unknown method, a forbidden one and a hostile key, with the code', async () => {
    const log = memoryLog();
    const desk = makeCore({ log });
    cleanups.push(() => desk.close());
    await setUpDesk(desk.api);
    await signedInOfficer(desk.api, 'budi', 'pin-budi-1', 'ipc:7');
    await desk.api.dispatch('x'.repeat(200), {}, 'ipc:7');
    await desk.api.dispatch('accounts.list', {}, 'ipc:7');
    await desk.api.dispatch('complaints.create', JSON.parse('{"__proto__":{"admin":true}}'), 'ipc:7');
    expect(log.lines.filter((l) => l.event === 'call.refused').map((l) => l.fields)).toEqual([
      { method: 'x'.repeat(80), code: 'UNKNOWN_METHOD', caller: 'ipc' },
      { method: 'accounts.list', code: 'FORBIDDEN', caller: 'ipc' },
      { method: 'complaints.create', code: 'VALIDATION', caller: 'ipc' },
    ]);
  });

  it('answers INTERNAL (never a crash) to a call that fails inside, and logs it with the method', async () => {
    const log = memoryLog();
    const desk = makeCore({ log });
    cleanups.push(() => desk.close());
    await setUpDesk(desk.api);
    // The disk refuses to write: every save fails inside the store.
    desk.core.ctx.sqlite.exec(
      "CREATE TEMP TRIGGER full_disk BEFORE INSERT ON complaints BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END",
    );
    const r = await desk.api.dispatch('complaints.create', sampleComplaint, 'admin');
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const failed = log.lines.find((l) => l.event === 'call.failed');
    expect(failed).toMatchObject({ level: 'error', fields: { method: 'complaints.create' } });
    expect(String((failed?.error as Error).message)).toContain('disk is full');
    // Nothing half-written: no complaint, no event, no outbox row.
    const count = (t: string) => desk.core.ctx.sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get();
    expect([count('complaints'), count('complaint_events'), count('outbox')]).toEqual([0, 0, 0]);
  });
});

describe('background work', () => {
  it('logs a failure with its task and hands it on; a failing handler is logged too', async () => {
    const log = memoryLog();
    const seen: unknown[] = [];
    inBackground(
      log,
      'demo',
      async () => {
        throw new Error('kaput');
      },
      (e) => seen.push(e),
    );
    inBackground(
      log,
      'demo2',
      async () => {
        throw new Error('again');
      },
      () => {
        throw new Error('handler broke');
      },
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toHaveLength(1);
    expect(log.lines.map((l) => [l.event, l.fields])).toEqual([
      ['background.failed', { task: 'demo' }],
      ['background.failed', { task: 'demo2' }],
      ['background.onFailure.failed', { task: 'demo2' }],
    ]);
  });

  it('process handlers log what nobody caught', () => {
    const log = memoryLog();
    const handlers = new Map<string, (e: unknown) => void>();
    const told: unknown[] = [];
    installProcessHandlers(
      { on: (event: string, fn: (e: unknown) => void) => handlers.set(event, fn) } as never,
      log,
      (e) => told.push(e),
    );
    handlers.get('uncaughtException')!(new Error('thrown in a timer'));
    handlers.get('unhandledRejection')!(new Error('promise nobody awaited'));
    expect(log.lines.map((l) => [l.level, l.event])).toEqual([
      ['error', 'process.uncaughtException'],
      ['error', 'process.unhandledRejection'],
    ]);
    expect(told).toHaveLength(1);
  });
});

describe('forwarding when the desk itself fails', () => {
  let central: FakeCentral;
  let desk: Desk;
  afterEach(async () => {
    desk?.close();
    await central?.stop();
  });

  it('a delivery mark the disk refuses is logged and shown, sent again, and the warning clears once it works', async () => {
    central = await new FakeCentral().start();
    desk = await wallClockDesk({ baseBackoffMs: 50, maxBackoffMs: 200, healthProbeMs: 100 });
    await connect(desk, central);
    desk.core.ctx.sqlite.exec(
      "CREATE TEMP TRIGGER full_disk BEFORE UPDATE ON outbox BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END",
    );
    const id = await save(desk);
    await until(async () => {
      const s = value<{ workerError: { message: string } | null }>(
        await desk.api.dispatch('forwarding.status', {}, 'admin'),
      );
      return Boolean(s.workerError?.message.includes('disk is full'));
    });
    await until(() => logText(desk.dataDir).includes('"event":"forwarding.send.failed"'));
    // Nothing marked sent while the disk refused; the server has it (sent again later is harmless).
    expect(central.complaints.has(id)).toBe(true);
    desk.core.ctx.sqlite.exec('DROP TRIGGER full_disk');
    value(await desk.api.dispatch('forwarding.sendNow', {}, 'admin'));
    await until(async () => {
      const s = value<{ workerError: unknown; waiting: number }>(
        await desk.api.dispatch('forwarding.status', {}, 'admin'),
      );
      return s.workerError === null && s.waiting === 0;
    });
  });

  it('a body that cannot be read parks its message with the reason, instead of stopping the sender', async () => {
    central = await new FakeCentral().start();
    desk = await wallClockDesk({ baseBackoffMs: 50, maxBackoffMs: 200 });
    const first = await save(desk, 'Pengaduan pertama dengan isi rusak');
    const second = await save(desk, 'Pengaduan kedua yang utuh sekali');
    desk.core.ctx.sqlite
      .prepare("UPDATE outbox SET payload_enc = 'v1:rusak' WHERE complaint_id = ? AND kind = 'complaint'")
      .run(first);
    await connect(desk, central);
    await until(() => central.complaints.has(second));
    await until(async () => {
      const parked = value<Array<{ complaintId: string; lastError: string }>>(
        await desk.api.dispatch('forwarding.parked', {}, 'admin'),
      );
      return parked.some((p) => p.complaintId === first && p.lastError.includes('tidak dapat dibaca'));
    });
    expect(central.complaints.has(first)).toBe(false);
  });
});
