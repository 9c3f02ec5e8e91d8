/** A real core on a temporary folder: real SQLite, real migrations, real reference data. */
import type { DesktopPrinting } from '../../src/main/receipts/receipts';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApi } from '../../src/main/api';
import { createCore, type Core } from '../../src/main/core';
import type { ForwardingOptions } from '../../src/main/forwarding/forwarding';
import type { Log } from '../../src/main/platform/log';
import type { WorkerScript } from '../../src/main/reports/beside';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const migrationsFolder = join(repoRoot, 'drizzle');
/** The report worker thread from its source, loaded through tsx (the shells start the built one). */
export const reportWorkerSource = {
  file: join(repoRoot, 'src/main/reports/report-worker.ts'),
  execArgv: ['--import', 'tsx'],
};
export const referenceDataDir = join(repoRoot, 'resources', 'data');

export class TestClock {
  constructor(public current = new Date('2026-11-27T02:00:00Z')) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export function tempDir(prefix = 'desk-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function makeCore(
  opts: {
    dataDir?: string;
    clock?: TestClock;
    masterKey?: Buffer;
    forwarding?: ForwardingOptions;
    log?: Log;
    desktopPrinting?: DesktopPrinting;
    reportWorker?: WorkerScript;
  } = {},
) {
  const dir = opts.dataDir ? null : tempDir();
  const clock = opts.clock ?? new TestClock();
  const core: Core = createCore({
    dataDir: opts.dataDir ?? dir!.path,
    migrationsFolder,
    referenceDataDir,
    masterKey: opts.masterKey ?? randomBytes(32),
    shell: 'browser',
    version: 'test',
    clock: clock.now,
    ...(opts.forwarding ? { forwarding: opts.forwarding } : {}),
    ...(opts.log ? { log: opts.log } : {}),
    ...(opts.desktopPrinting ? { desktopPrinting: opts.desktopPrinting } : {}),
    ...(opts.reportWorker ? { reportWorker: opts.reportWorker } : {}),
  });
  const api = createApi(core);
  return {
    core,
    api,
    clock,
    dataDir: opts.dataDir ?? dir!.path,
    close() {
      core.close();
      dir?.remove();
    },
  };
}

export const adminSecret = 'rahasia-admin-1';

/** Set up the desk and sign in as its administrator on caller key `admin`. */
export async function setUpDesk(api: ReturnType<typeof createApi>, deskCode = 'PBL01') {
  const setup = await api.dispatch(
    'setup.initialize',
    {
      deskCode,
      siteName: 'Mal Pelayanan Publik Kabupaten Probolinggo',
      admin: { name: 'admin', displayName: 'Admin Meja', secret: adminSecret },
    },
    'admin',
  );
  if (!setup.ok) throw new Error(JSON.stringify(setup.error));
  const signIn = await api.dispatch('auth.signIn', { name: 'admin', secret: adminSecret }, 'admin');
  if (!signIn.ok) throw new Error(JSON.stringify(signIn.error));
}

/** An officer account made by the admin, signed in on `callerKey`; returns its id. */
export async function signedInOfficer(
  api: ReturnType<typeof createApi>,
  name: string,
  secret: string,
  callerKey: string,
): Promise<string> {
  return signedInAs(api, { name, displayName: name, role: 'officer', secret }, callerKey);
}

/** The supervisor Sari (PIN pin-sari-1), made by the admin and signed in on caller key `sari`. */
export function signedInSupervisor(api: ReturnType<typeof createApi>): Promise<string> {
  return signedInAs(
    api,
    { name: 'sari', displayName: 'Sari Supervisor', role: 'supervisor', secret: 'pin-sari-1' },
    'sari',
  );
}

async function signedInAs(
  api: ReturnType<typeof createApi>,
  account: { name: string; displayName: string; role: 'officer' | 'supervisor'; secret: string },
  callerKey: string,
): Promise<string> {
  const made = value<{ id: string }>(await api.dispatch('accounts.create', account, 'admin'));
  value(await api.dispatch('auth.signIn', { name: account.name, secret: account.secret }, callerKey));
  return made.id;
}

export function value<T>(result: { ok: boolean; value?: unknown; error?: unknown }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

export const sampleComplaint = {
  type: 'PENGADUAN',
  channel: 'TATAP_MUKA',
  title: 'Jalan desa rusak parah di Ngadisari',
  body: 'Jalan utama desa berlubang besar sejak bulan lalu dan membahayakan pengendara motor pada malam hari.',
  incidentDate: '2026-11-20',
  kecamatanCode: '35.13.01',
  desaCode: '35.13.01.2001',
  locationDetail: 'Depan balai desa',
  agencyCode: 'DPUPR',
  complainantName: 'Siti Aminah',
  nik: '3513014507900001',
  phone: '+62 812-3456-7890',
  email: 'siti@example.id',
  address: 'Jl. Bromo No. 12, Ngadisari',
};
