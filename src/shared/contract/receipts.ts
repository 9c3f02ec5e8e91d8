import { z } from 'zod';
import { empty, text, uuid } from './common';
import { method } from './define';

export const printerKinds = ['escpos-tcp', 'escpos-device', 'system', 'pdf'] as const;
export const paperSizes = ['58mm', '80mm', 'A4'] as const;

export const printerView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(printerKinds),
  address: z.string(),
  paper: z.enum(paperSizes),
  codepageMapping: z.string(),
  qrMode: z.enum(['native', 'raster']),
  timeoutMs: z.number(),
  isDefault: z.boolean(),
  active: z.boolean(),
});
export type PrinterView = z.infer<typeof printerView>;

export const receiptMethods = {
  'receipts.print': method({
    summary:
      'Print (or reprint, marked SALINAN) the tracking receipt on a printer; the default one if none is named.',
    access: 'officer',
    input: z.strictObject({ id: uuid, printerId: z.string().max(64).optional() }),
    output: z.object({ printer: z.string(), copy: z.boolean(), file: z.string().nullable() }),
  }),
  'receipts.prepare': method({
    summary: 'Browser mode: a one-time link to the receipt page, which the browser prints or saves as PDF.',
    access: 'officer',
    input: z.strictObject({ id: uuid, paper: z.enum(paperSizes) }),
    output: z.object({ url: z.string(), copy: z.boolean() }),
  }),
  'printers.list': method({
    summary: 'Receipt printers of this counter.',
    access: 'officer',
    input: empty,
    output: z.array(printerView),
  }),
  'printers.save': method({
    summary: 'Add or change a receipt printer (admin).',
    access: 'admin',
    input: z.strictObject({
      id: z.string().max(64).optional(),
      name: text(2, 80),
      kind: z.enum(printerKinds),
      address: text(1, 300),
      paper: z.enum(paperSizes),
      codepageMapping: z
        .enum(['epson', 'star', 'xprinter', 'pos-5890', 'pos-8360', 'bixolon', 'citizen', 'sunmi'])
        .default('epson'),
      qrMode: z.enum(['native', 'raster']).default('native'),
      timeoutMs: z.number().int().min(1000).max(60_000).default(8000),
      isDefault: z.boolean().default(false),
      active: z.boolean().default(true),
    }),
    output: printerView,
  }),
  'printers.test': method({
    summary: 'Print a test page on a printer (admin).',
    access: 'admin',
    input: z.strictObject({ id: z.string().max(64) }),
    output: z.object({ printer: z.string() }),
  }),
};
