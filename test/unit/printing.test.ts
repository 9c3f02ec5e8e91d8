import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../support/escpos-decode';
import { FakePrinter } from '../support/fake-printer';
import { makeCore, sampleComplaint, setUpDesk, tempDir, value } from '../support/core';

let t: ReturnType<typeof makeCore>;
let printer: FakePrinter;

beforeEach(async () => {
  t = makeCore();
  await setUpDesk(t.api);
  value(
    await t.api.dispatch(
      'settings.update',
      { statusUrl: 'https://sae.probolinggokab.go.id/status', followUpContact: 'WhatsApp 0821-3100-1001' },
      'admin',
    ),
  );
  printer = await new FakePrinter().start();
});
afterEach(async () => {
  await printer.stop().catch(() => {});
  t.close();
});

async function addPrinter(extra: Record<string, unknown> = {}) {
  return value<{ id: string }>(
    await t.api.dispatch(
      'printers.save',
      {
        name: 'Thermal loket 1',
        kind: 'escpos-tcp',
        address: printer.address,
        paper: '58mm',
        isDefault: true,
        ...extra,
      },
      'admin',
    ),
  );
}
const text = (job: Buffer) =>
  decodeEscPos(job)
    .lines.map((l) => l.text.trim())
    .join(' ');
const events = async (id: string) =>
  value<{ events: Array<{ kind: string; data: Record<string, unknown> | null }> }>(
    await t.api.dispatch('complaints.get', { id }, 'admin'),
  ).events;

describe('printing a receipt on a network thermal printer', () => {
  it('sends the receipt to the default printer and records the print; a reprint is marked SALINAN', async () => {
    await addPrinter();
    const saved = value<{ id: string; receiptNumber: string }>(
      await t.api.dispatch('complaints.create', sampleComplaint, 'admin'),
    );
    expect(value(await t.api.dispatch('receipts.print', { id: saved.id }, 'admin'))).toEqual({
      printer: 'Thermal loket 1',
      copy: false,
      file: null,
    });
    expect(printer.jobs).toHaveLength(1);
    const decoded = decodeEscPos(printer.jobs[0]!);
    expect(text(printer.jobs[0]!)).toContain(saved.receiptNumber.split('-').join(' - '));
    expect(text(printer.jobs[0]!)).toContain('NIK: 3513********0001');
    expect(decoded.qrCodes).toEqual([`https://sae.probolinggokab.go.id/status?nomor=${saved.receiptNumber}`]);
    expect(decoded.cuts).toBe(1);

    expect(value(await t.api.dispatch('receipts.print', { id: saved.id }, 'admin'))).toMatchObject({
      copy: true,
    });
    expect(text(printer.jobs[1]!)).toContain('SALINAN - dicetak ulang');
    expect((await events(saved.id)).filter((e) => e.kind === 'CETAK').map((e) => e.data!.copy)).toEqual([
      false,
      true,
    ]);
  });

  it('keeps the complaint intact and says what happened when the printer is off', async () => {
    await addPrinter();
    const saved = value<{ id: string }>(await t.api.dispatch('complaints.create', sampleComplaint, 'admin'));
    await printer.stop();
    const r = await t.api.dispatch('receipts.print', { id: saved.id }, 'admin');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('PRINT_FAILED');
      expect(r.error.message).toMatch(
        /tidak dapat dihubungi \(printer mati, atau port salah\?\)\. Pengaduan tetap tersimpan; gunakan Cetak ulang atau pilih printer lain\.$/,
      );
    }
    expect((await events(saved.id)).map((e) => e.kind)).toEqual(['DITERIMA']);
    const audit = value<Array<{ action: string }>>(await t.api.dispatch('audit.list', {}, 'admin'));
    expect(audit.some((a) => a.action === 'receipts.print.failed')).toBe(true);
  });

  it('ends a stuck job with a timeout, then prints on another printer', async () => {
    const stuck = await addPrinter({ timeoutMs: 1000 });
    printer.mode = 'hang';
    const saved = value<{ id: string }>(await t.api.dispatch('complaints.create', sampleComplaint, 'admin'));
    const started = Date.now();
    const r = await t.api.dispatch('receipts.print', { id: saved.id, printerId: stuck.id }, 'admin');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.ok === false && r.error.message).toMatch(/tidak menyelesaikan cetakan dalam 1 detik/);

    const other = await new FakePrinter().start();
    const second = value<{ id: string }>(
      await t.api.dispatch(
        'printers.save',
        {
          name: 'Thermal cadangan',
          kind: 'escpos-tcp',
          address: other.address,
          paper: '80mm',
          qrMode: 'raster',
        },
        'admin',
      ),
    );
    expect(
      value(await t.api.dispatch('receipts.print', { id: saved.id, printerId: second.id }, 'admin')),
    ).toMatchObject({ printer: 'Thermal cadangan' });
    expect(decodeEscPos(other.jobs[0]!).images).toHaveLength(1);
    await other.stop();
  });

  // A real character device for the test: a pseudo-terminal, reached through /dev/usb/lp7 (root only).
  const canLinkDev = process.getuid?.() === 0 && process.platform === 'linux';
  it.skipIf(!canLinkDev)(
    'writes to a printer device (USB/serial as the OS exposes it), and names a missing device',
    async () => {
      const { spawn } = await import('node:child_process');
      const { mkdirSync, rmSync, symlinkSync } = await import('node:fs');
      const printer = spawn('python3', [join(import.meta.dirname, '..', 'support', 'pty-printer.py')]);
      const lines: string[] = [];
      printer.stdout.on('data', (d: Buffer) => lines.push(...d.toString().split('\n').filter(Boolean)));
      while (!lines.length) await new Promise((r) => setTimeout(r, 20));
      mkdirSync('/dev/usb', { recursive: true });
      const device = '/dev/usb/lp7';
      rmSync(device, { force: true });
      symlinkSync(lines[0]!, device);
      try {
        const p = value<{ id: string }>(
          await t.api.dispatch(
            'printers.save',
            { name: 'USB', kind: 'escpos-device', address: device, paper: '80mm', isDefault: true },
            'admin',
          ),
        );
        const saved = value<{ id: string; receiptNumber: string }>(
          await t.api.dispatch('complaints.create', sampleComplaint, 'admin'),
        );
        value(await t.api.dispatch('receipts.print', { id: saved.id, printerId: p.id }, 'admin'));
        await new Promise((r) => setTimeout(r, 200));
        printer.stdin.end();
        await once(printer, 'exit');
        expect(text(Buffer.from(lines[1]!, 'hex'))).toContain(saved.receiptNumber.split('-').join(' - '));
        // Saved while unplugged (the name is a printer's); at print time the missing device is named.
        const gone = value<{ id: string }>(
          await t.api.dispatch(
            'printers.save',
            { name: 'USB lepas', kind: 'escpos-device', address: '/dev/usb/lp9', paper: '58mm' },
            'admin',
          ),
        );
        const r = await t.api.dispatch('receipts.print', { id: saved.id, printerId: gone.id }, 'admin');
        expect(r.ok === false && r.error.message).toMatch(/Printer \/dev\/usb\/lp9 tidak ditemukan/);
      } finally {
        rmSync(device, { force: true });
        printer.kill();
      }
    },
  );

  it.skipIf(!canLinkDev)(
    'stuck printers do not stall the rest of the desk: writes run off Node’s thread pool (issue 9, item 13)',
    async () => {
      const { spawn } = await import('node:child_process');
      const { mkdirSync, rmSync, symlinkSync } = await import('node:fs');
      const { scrypt } = await import('node:crypto');
      const { sendDevice } = await import('../../src/main/receipts/transports');
      const printers = [0, 1, 2, 3].map(() =>
        spawn('python3', [join(import.meta.dirname, '..', 'support', 'pty-printer.py'), 'stuck']),
      );
      const paths: string[] = [];
      try {
        mkdirSync('/dev/usb', { recursive: true });
        for (const [i, p] of printers.entries()) {
          const slave = await new Promise<string>((r) =>
            p.stdout.once('data', (d: Buffer) => r(d.toString().trim())),
          );
          const link = `/dev/usb/lp${20 + i}`;
          rmSync(link, { force: true });
          symlinkSync(slave, link);
          paths.push(link);
        }
        // Four jobs the printers never take (4 MB each: far more than a terminal's buffer).
        const big = new Uint8Array(4 * 1024 * 1024);
        const jobs = paths.map((p) =>
          sendDevice(p, big, 1500).then(
            () => 'printed',
            (e: Error) => e.message,
          ),
        );
        // Meanwhile the thread pool still serves a sign-in's hash.
        const started = Date.now();
        await Promise.all(
          Array.from(
            { length: 4 },
            () => new Promise((r, j) => scrypt('pin', 'salt', 32, (e, k) => (e ? j(e) : r(k)))),
          ),
        );
        expect(Date.now() - started).toBeLessThan(1000);
        for (const outcome of await Promise.all(jobs))
          expect(outcome).toMatch(/tidak menjawab dalam 2 detik/);
      } finally {
        for (const p of paths) rmSync(p, { force: true });
        for (const p of printers) p.kill();
      }
    },
  );

  it('never writes to a regular file, whatever the printer path says (issue 9, item 1)', async () => {
    const dir = tempDir();
    const keyFile = join(dir.path, 'desk.key');
    writeFileSync(keyFile, 'KUNCI');
    const refused = async (address: string) => {
      const r = await t.api.dispatch(
        'printers.save',
        { name: 'Jahat', kind: 'escpos-device', address, paper: '58mm' },
        'admin',
      );
      expect(r.ok, address).toBe(false);
      return r.ok === false ? r.error.fields?.address : '';
    };
    expect(await refused(keyFile)).toMatch(/harus perangkat printer/);
    expect(await refused(join(t.dataDir, 'desk.sqlite'))).toMatch(/harus perangkat printer/);
    expect(await refused('/dev/usb/../../' + keyFile.slice(1))).toMatch(/harus perangkat printer/);
    if (canLinkDev) {
      // A link named like a printer that points at a file is refused too, at save and at print.
      const { mkdirSync, rmSync, symlinkSync } = await import('node:fs');
      mkdirSync('/dev/usb', { recursive: true });
      rmSync('/dev/usb/lp8', { force: true });
      symlinkSync(keyFile, '/dev/usb/lp8');
      try {
        expect(await refused('/dev/usb/lp8')).toMatch(/bukan perangkat printer/);
        const { sendDevice } = await import('../../src/main/receipts/transports');
        await expect(sendDevice('/dev/usb/lp8', new Uint8Array([65]), 1000)).rejects.toThrow(
          /bukan perangkat printer/,
        );
      } finally {
        rmSync('/dev/usb/lp8', { force: true });
      }
    }
    expect(readFileSync(keyFile, 'utf8')).toBe('KUNCI');
    dir.remove();
  });

  it('checks network printer addresses when saved, and names the cause of a failure in words (item 2)', async () => {
    const save = (address: string) =>
      t.api.dispatch('printers.save', { name: 'LAN', kind: 'escpos-tcp', address, paper: '80mm' }, 'admin');
    for (const [address, message] of [
      ['192.168.1.50:70000', /Port printer 70000 di luar/],
      ['999.1.1.1', /Host printer "999.1.1.1"/],
      ['printer kasir', /host:port/],
      ['-bad-.lan:9100', /Host printer/],
    ] as const) {
      const r = await save(address);
      expect(r.ok === false && r.error.fields?.address, address).toMatch(message);
    }
    for (const ok of ['192.168.1.50', '192.168.1.50:9100', 'printer-kasir.lan:9101', '[fe80::1]:9100'])
      value(await save(ok));
    const { sendTcp } = await import('../../src/main/receipts/transports');
    await expect(sendTcp('tidak-ada.invalid:9100', new Uint8Array([1]), 3000)).rejects.toThrow(
      /tidak ditemukan di jaringan/,
    );
    await expect(sendTcp('127.0.0.1:1', new Uint8Array([1]), 3000)).rejects.toThrow(
      /tidak dapat dihubungi \(printer mati, atau port salah\?\)/,
    );
  });

  it('maps Windows port names to device names Node can open (item 13)', async () => {
    const { deviceOpenPath, deviceProblem } = await import('../../src/main/receipts/printer-address');
    expect(deviceOpenPath('COM3', 'win32')).toBe('\\\\.\\COM3');
    expect(deviceOpenPath('lpt1', 'win32')).toBe('\\\\.\\LPT1');
    expect(deviceOpenPath('\\\\kasir\\EPSON', 'win32')).toBe('\\\\kasir\\EPSON');
    for (const ok of ['COM3', 'LPT1', '\\\\.\\COM12', '\\\\kasir\\EPSON TM'])
      expect(deviceProblem(ok, { platform: 'win32', mustExist: true }), ok).toBeNull();
    for (const bad of ['C:\\MejaPengaduan\\desk.key', 'desk.sqlite', '\\\\.\\C:\\x', '..\\COM3'])
      expect(deviceProblem(bad, { platform: 'win32', mustExist: true }), bad).not.toBeNull();
  });

  it('prints a test page on request', async () => {
    const p = await addPrinter();
    expect(value(await t.api.dispatch('printers.test', { id: p.id }, 'admin'))).toEqual({
      printer: 'Thermal loket 1',
    });
    expect(text(printer.jobs[0]!)).toContain('Halaman uji printer');
  });

  it('says plainly when no printer is set up, or when a desktop-only printer is chosen in browser mode', async () => {
    const saved = value<{ id: string }>(await t.api.dispatch('complaints.create', sampleComplaint, 'admin'));
    const none = await t.api.dispatch('receipts.print', { id: saved.id }, 'admin');
    expect(none.ok === false && none.error.message).toMatch(/^Belum ada printer tanda terima yang aktif/);
    const pdf = value<{ id: string }>(
      await t.api.dispatch(
        'printers.save',
        { name: 'PDF', kind: 'pdf', address: '/tmp', paper: 'A4' },
        'admin',
      ),
    );
    const r = await t.api.dispatch('receipts.print', { id: saved.id, printerId: pdf.id }, 'admin');
    expect(r.ok === false && r.error.message).toMatch(/hanya tersedia di aplikasi desktop/);
  });

  it('gives browser mode a one-time receipt page that lives two minutes at most, recorded as a print (issue 9, item 5)', async () => {
    const saved = value<{ id: string; receiptNumber: string }>(
      await t.api.dispatch('complaints.create', sampleComplaint, 'admin'),
    );
    const { url } = value<{ url: string }>(
      await t.api.dispatch('receipts.prepare', { id: saved.id, paper: '80mm' }, 'admin'),
    );
    const key = url.replace('/receipt/', '');
    const html = t.core.receipts.takePrepared(key)!;
    expect(html).toContain(saved.receiptNumber);
    expect(html).toContain('3513********0001');
    expect(html).not.toContain('3513014507900001');
    expect(t.core.receipts.takePrepared(key)).toBeUndefined(); // one-time: the link answers once
    expect(html).toContain("base-uri 'none'");
    const late = value<{ url: string }>(
      await t.api.dispatch('receipts.prepare', { id: saved.id, paper: '80mm' }, 'admin'),
    ).url.replace('/receipt/', '');
    t.clock.advance(121_000);
    expect(t.core.receipts.takePrepared(late)).toBeUndefined();
    expect((await events(saved.id)).map((e) => e.kind)).toEqual(['DITERIMA', 'CETAK', 'CETAK']);
  });
});

describe('what a receipt tells the citizen (issue 9, item 4)', () => {
  it('always names someone to ask, the answer deadline and what to do when a deadline passes', async () => {
    const { buildReceiptModel } = await import('../../src/main/receipts/model');
    const base = {
      siteName: 'Mal Pelayanan Publik Kabupaten Probolinggo',
      deskCode: 'PBL01',
      receiptNumber: 'PBL01-20261127-0001-A',
      type: 'PENGADUAN' as const,
      receivedAt: '2026-11-27T02:00:00.000Z',
      channelName: 'Datang langsung',
      categoryName: null,
      agencyName: 'Dinas PUPR',
      title: 'Jalan rusak',
      anonymous: false,
      confidential: false,
      complainantName: 'Siti',
      nik: null,
      verifyBy: '2026-12-02',
      followUpBy: '2026-12-09',
      answerBy: '2026-12-11',
      officerName: 'Petugas',
      attachments: 0,
      laporTrackingId: null,
      followUpContact: null,
      statusUrl: null,
      footerText: null,
      escalationText: 'Bila batas waktu terlewati: SP4N-LAPOR! www.lapor.go.id / SMS 1708.',
      copyAt: null,
    };
    const fresh = buildReceiptModel(base);
    expect(fresh.followUp[0]).toBe(
      'Tanya status: Meja Pengaduan Mal Pelayanan Publik Kabupaten Probolinggo (kode meja PBL01)',
    );
    expect(fresh.nextSteps).toContain('Jawaban paling lambat Jumat, 11 Desember 2026.');
    expect(fresh.nextSteps).toContain('Bila batas waktu terlewati: SP4N-LAPOR! www.lapor.go.id / SMS 1708.');
    const set = buildReceiptModel({ ...base, followUpContact: 'WhatsApp Halo SAE 0821-3100-1001' });
    expect(set.followUp[0]).toBe('Tanya status: WhatsApp Halo SAE 0821-3100-1001');
  });

  it('setup asks for the contact, suggested from the reference data, and a fresh desk prints the escalation text', async () => {
    const fresh = makeCore();
    const status = value<{ setupDefaults: { followUpContact: string } }>(
      await fresh.api.dispatch('app.status', {}, 'x'),
    );
    expect(status.setupDefaults.followUpContact).toBe('WhatsApp Halo SAE 0821-3100-1001');
    value(
      await fresh.api.dispatch(
        'setup.initialize',
        {
          deskCode: 'PBL02',
          siteName: 'MPP Kabupaten Probolinggo',
          admin: { name: 'admin', displayName: 'Admin', secret: 'rahasia-1' },
          followUpContact: status.setupDefaults.followUpContact,
          statusUrl: 'https://sae.probolinggokab.go.id/status',
        },
        'x',
      ),
    );
    const settings = fresh.core.settings.get();
    expect(settings).toMatchObject({
      followUpContact: 'WhatsApp Halo SAE 0821-3100-1001',
      statusUrl: 'https://sae.probolinggokab.go.id/status',
    });
    expect(settings.escalationText).toMatch(/SP4N-LAPOR!.*Ombudsman RI Perwakilan Jawa Timur/);
    fresh.close();
  });
});
