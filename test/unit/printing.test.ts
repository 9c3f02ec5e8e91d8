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
        /tidak dapat dihubungi \(mati atau kabel jaringan lepas\?\)\. Pengaduan tetap tersimpan; gunakan Cetak ulang atau pilih printer lain\.$/,
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

  it('writes to a device path (USB/serial as the OS exposes it), and names a missing device', async () => {
    const dir = tempDir();
    const device = join(dir.path, 'lp0');
    writeFileSync(device, '');
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
    expect(text(readFileSync(device))).toContain(saved.receiptNumber.split('-').join(' - '));
    const gone = value<{ id: string }>(
      await t.api.dispatch(
        'printers.save',
        { name: 'USB lepas', kind: 'escpos-device', address: join(dir.path, 'no', 'lp9'), paper: '58mm' },
        'admin',
      ),
    );
    const r = await t.api.dispatch('receipts.print', { id: saved.id, printerId: gone.id }, 'admin');
    expect(r.ok === false && r.error.message).toMatch(
      /tidak dapat dibuka \(ENOENT\); periksa kabel USB\/serial\./,
    );
    dir.remove();
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

  it('gives browser mode a receipt page for two minutes, recorded as a print', async () => {
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
    expect(t.core.receipts.takePrepared(key)).toBe(html); // a reload still works
    t.clock.advance(121_000);
    expect(t.core.receipts.takePrepared(key)).toBeUndefined();
    expect((await events(saved.id)).map((e) => e.kind)).toEqual(['DITERIMA', 'CETAK']);
  });
});
