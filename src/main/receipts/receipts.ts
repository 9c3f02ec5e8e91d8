/**
 * Printing tracking receipts. The complaint is already committed before any of this runs: a
 * printer that fails never touches the saved record, and the officer gets a clear message and
 * can print again or elsewhere. Every print and reprint becomes a CETAK event in the history.
 */
import type { Attachments } from '../attachments';
import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { msg, say } from '../../shared/i18n';
import { createOneTime } from '../platform/one-time';
import type { AuditTrail } from '../platform/audit-trail';
import type { CoreContext } from '../platform/context';
import { DeskFailure } from '../platform/failure';
import { printers } from './schema';
import type { Reference } from '../reference';
import type { Complaints, History } from '../complaints';
import type { SettingsService } from '../settings';
import { encodeReceipt } from './escpos';
import { renderReceiptHtml, type Paper } from './html';
import { buildReceiptModel, type ReceiptModel } from './model';
import { deviceProblem, parseTcpPrinter } from './printer-address';
import { PrintError, sendDevice, sendTcp } from './transports';

type PrinterRow = typeof printers.$inferSelect;

/** What only the Electron shell can do (system printers, PDF files); absent in browser mode. */
export interface DesktopPrinting {
  printHtml(html: string, options: { deviceName: string; paper: Paper; timeoutMs: number }): Promise<void>;
  /** cssPage: the page's own @page size and margins decide (the A4 landscape register). */
  savePdf(
    html: string,
    options: { paper: Paper; file: string; timeoutMs: number; cssPage?: boolean },
  ): Promise<string>;
}

const sample = { receiptNumber: 'UJI01-20260101-0001-X' };

export function createReceipts(
  ctx: CoreContext,
  reference: Reference,
  settings: SettingsService,
  audit: AuditTrail,
  desktop: DesktopPrinting | null,
  history: History,
  complaints: Pick<Complaints, 'forReceipt' | 'printedBefore'>,
  attachments: Pick<Attachments, 'count'>,
) {
  const { db, clock } = ctx;
  const prepared = createOneTime<string>(() => clock().getTime());

  function source(complaintId: string, copyAt: string | null) {
    const row = complaints.forReceipt(complaintId);
    if (!row) throw new DeskFailure('NOT_FOUND', say('errors.NOT_FOUND'));
    const s = settings.get();
    return buildReceiptModel({
      siteName: s.siteName,
      deskCode: settings.deskCode(),
      receiptNumber: row.receiptNumber,
      type: row.type,
      receivedAt: row.receivedAt,
      channelName: reference.channel(row.channel)?.name ?? row.channel,
      categoryName: row.categoryId ? (reference.category(row.categoryId)?.name ?? null) : null,
      agencyName: reference.agency(row.agencyCode)?.name ?? row.agencyCode,
      title: row.title,
      anonymous: row.anonymous,
      confidential: row.confidential,
      complainantName: row.complainantName,
      nik: row.nik,
      verifyBy: row.verifyDue,
      followUpBy: row.followUpDue,
      answerBy: row.answerDue,
      escalationText: s.escalationText || null,
      officerName: row.officerName,
      attachments: attachments.count(complaintId),
      laporTrackingId: row.laporTrackingId,
      followUpContact: s.followUpContact || null,
      statusUrl: s.statusUrl || null,
      footerText: s.footerText || null,
      copyAt,
    });
  }

  const alreadyPrinted = (complaintId: string): boolean => complaints.printedBefore(complaintId);

  function printerFor(printerId: string | undefined): PrinterRow {
    const row = printerId
      ? db.select().from(printers).where(eq(printers.id, printerId)).get()
      : db
          .select()
          .from(printers)
          .where(and(eq(printers.isDefault, true), eq(printers.active, true)))
          .get();
    if (!row || !row.active) throw new DeskFailure('NOT_FOUND', say('errors.noPrinter'));
    return row;
  }

  async function send(printer: PrinterRow, model: ReceiptModel, fileStem: string): Promise<string | null> {
    switch (printer.kind) {
      case 'escpos-tcp':
      case 'escpos-device': {
        if (printer.paper === 'A4') throw new DeskFailure('VALIDATION', say('errors.thermalA4'));
        const bytes = encodeReceipt(model, {
          paperWidthMm: printer.paper === '58mm' ? 58 : 80,
          codepageMapping: printer.codepageMapping,
          qr: printer.qrMode,
        });
        if (printer.kind === 'escpos-tcp') await sendTcp(printer.address, bytes, printer.timeoutMs);
        else await sendDevice(printer.address, bytes, printer.timeoutMs);
        return null;
      }
      case 'system':
        if (!desktop) throw new DeskFailure('VALIDATION', say('errors.desktopOnlyPrinter'));
        await desktop.printHtml(await renderReceiptHtml(model, printer.paper), {
          deviceName: printer.address,
          paper: printer.paper,
          timeoutMs: printer.timeoutMs,
        });
        return null;
      case 'pdf':
        if (!desktop) throw new DeskFailure('VALIDATION', say('errors.desktopOnlyPrinter'));
        return desktop.savePdf(await renderReceiptHtml(model, printer.paper), {
          paper: printer.paper,
          file: `${printer.address.replace(/[\\/]+$/, '')}/${fileStem}.pdf`,
          timeoutMs: printer.timeoutMs,
        });
    }
  }

  function recordPrint(actorId: string, complaintId: string, data: Record<string, unknown>) {
    const event = {
      id: uuidv7(),
      complaintId,
      kind: 'CETAK' as const,
      at: clock().toISOString(),
      actorId,
      data,
    };
    db.transaction(() => history.append(event));
    history.committed();
  }

  return {
    model: (complaintId: string) => source(complaintId, null),

    async print(actorId: string, input: { id: string; printerId?: string | undefined }) {
      const printer = printerFor(input.printerId);
      const copy = alreadyPrinted(input.id);
      const at = clock().toISOString();
      const model = source(input.id, copy ? at : null);
      try {
        const file = await send(
          printer,
          model,
          `${model.receiptNumber}${copy ? `-salinan-${at.replace(/[:.]/g, '')}` : ''}`,
        );
        recordPrint(actorId, input.id, {
          printer: printer.name,
          kind: printer.kind,
          copy,
          ...(file ? { file } : {}),
        });
        return { printer: printer.name, copy, file };
      } catch (error) {
        if (error instanceof DeskFailure) throw error;
        const problem =
          error instanceof PrintError ? error.text : say('errors.printFailed', { printer: printer.name });
        audit.record(actorId, 'receipts.print.failed', input.id, {
          printer: printer.name,
          error: String(error),
        });
        throw new DeskFailure('PRINT_FAILED', say('errors.printFailedStillSaved', { problem }));
      }
    },

    /** Browser mode: the receipt as a page the browser prints or saves as PDF (a link for two minutes). */
    async prepare(actorId: string, input: { id: string; paper: Paper }) {
      const copy = alreadyPrinted(input.id);
      const at = clock().toISOString();
      const model = source(input.id, copy ? at : null);
      const html = await renderReceiptHtml(model, input.paper, { printScript: '/receipt-print.js' });
      const key = prepared.offer(html);
      recordPrint(actorId, input.id, { printer: 'peramban', kind: 'browser', paper: input.paper, copy });
      return { url: `/receipt/${key}`, copy };
    },

    /** The prepared page, once: the link is one-time (and lives two minutes at most). */
    takePrepared: (key: string): string | undefined => prepared.take(key),

    async testPage(actorId: string, printerId: string) {
      const printer = printerFor(printerId);
      const s = settings.get();
      const model = buildReceiptModel({
        siteName: s.siteName,
        deskCode: settings.deskCode(),
        receiptNumber: sample.receiptNumber,
        type: 'PENGADUAN',
        receivedAt: clock().toISOString(),
        channelName: msg('print.receipt.test.channel'),
        categoryName: null,
        agencyName: msg('print.receipt.test.channel'),
        title: msg('print.receipt.test.title'),
        anonymous: false,
        confidential: false,
        complainantName: msg('print.receipt.test.name'),
        nik: '3513000101900001',
        verifyBy: clock().toISOString().slice(0, 10),
        followUpBy: clock().toISOString().slice(0, 10),
        answerBy: clock().toISOString().slice(0, 10),
        escalationText: s.escalationText || null,
        officerName: 'Admin',
        attachments: 0,
        laporTrackingId: null,
        followUpContact: s.followUpContact || null,
        statusUrl: s.statusUrl || null,
        footerText: s.footerText || null,
        copyAt: null,
      });
      try {
        await send(printer, model, `uji-${clock().toISOString().replace(/[:.]/g, '')}`);
      } catch (error) {
        if (error instanceof DeskFailure) throw error;
        throw new DeskFailure(
          'PRINT_FAILED',
          error instanceof PrintError ? error.text : say('errors.printFailed', { printer: printer.name }),
        );
      }
      audit.record(actorId, 'printers.test', printer.id);
      return { printer: printer.name };
    },

    listPrinters: () => db.select().from(printers).all(),

    savePrinter(actorId: string, p: Omit<PrinterRow, 'id' | 'updatedAt'> & { id?: string | undefined }) {
      const problem =
        p.kind === 'escpos-device'
          ? deviceProblem(p.address, { mustExist: false })
          : p.kind === 'escpos-tcp'
            ? ((parsed) => ('key' in parsed ? parsed : null))(parseTcpPrinter(p.address))
            : null;
      if (problem) {
        const message = say(problem.key, problem.params);
        throw new DeskFailure('VALIDATION', message, { address: message });
      }
      const id = p.id ?? uuidv7();
      const row = { ...p, id, updatedAt: clock().toISOString() };
      db.transaction((tx) => {
        if (row.isDefault) tx.update(printers).set({ isDefault: false }).run();
        tx.insert(printers).values(row).onConflictDoUpdate({ target: printers.id, set: row }).run();
      });
      audit.record(actorId, 'printers.save', id, { name: p.name, kind: p.kind, address: p.address });
      return db.select().from(printers).where(eq(printers.id, id)).get()!;
    },
  };
}
export type Receipts = ReturnType<typeof createReceipts>;
