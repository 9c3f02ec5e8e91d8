/** Laporan berkala: periodic figures, charts and exports for supervisors. */
import { z } from 'zod';
import { isCalendarDate, text } from './common';
import { method } from './define';

const year = z.number().int().min(2000).max(2199);
const day = z.string().refine(isCalendarDate, { message: 'date' });

export const periodSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('month'), year, index: z.number().int().min(1).max(12) }),
    z.strictObject({ kind: z.literal('quarter'), year, index: z.number().int().min(1).max(4) }),
    z.strictObject({ kind: z.literal('semester'), year, index: z.number().int().min(1).max(2) }),
    z.strictObject({ kind: z.literal('year'), year }),
    z.strictObject({ kind: z.literal('range'), from: day, to: day }),
  ])
  // An impossible range: the end before the start, or longer than ten years.
  .refine((p) => p.kind !== 'range' || p.from <= p.to, { message: 'periodOrder', path: ['to'] })
  .refine((p) => p.kind !== 'range' || Date.parse(p.to) - Date.parse(p.from) <= 3660 * 86_400_000, {
    message: 'periodLength',
    path: ['to'],
  });

export const scopeKinds = ['desk', 'agency', 'kecamatan', 'category', 'channel'] as const;
export const scopeSchema = z
  .strictObject({ kind: z.enum(scopeKinds), code: z.string().min(1).max(40).optional() })
  .refine((s) => s.kind === 'desk' || s.code !== undefined, { message: 'scopeCode', path: ['code'] });

const counts = z.record(z.string(), z.number());
const stage = z.object({
  judged: z.number(),
  kept: z.number(),
  share: z.number().nullable(),
  medianDays: z.number().nullable(),
  p90Days: z.number().nullable(),
  /** The oldest 100 at most (an export lists them all); lateCount counts all. */
  lateAtEnd: z.array(z.object({ receiptNumber: z.string(), due: z.string(), workingDaysLate: z.number() })),
  lateCount: z.number(),
});
export const figuresSchema = z.object({
  received: z.number(),
  byType: counts,
  byChannel: counts,
  byCategory: counts,
  bySubcategory: counts,
  byAgency: counts,
  byKecamatan: counts,
  byDesa: counts,
  byOfficer: counts,
  statusAtEnd: counts,
  compliance: z.object({ verify: stage, followUp: stage, answer: stage }),
  complianceByAgency: z.record(
    z.string(),
    z.object({
      followUp: z.object({ judged: z.number(), kept: z.number() }),
      answer: z.object({ judged: z.number(), kept: z.number() }),
    }),
  ),
  anonymous: z.number(),
  confidential: z.number(),
  supervisory: z.number(),
  delivery: z.object({ sent: z.number(), waiting: z.number(), parked: z.number(), none: z.number() }),
  topSubcategories: z.array(z.object({ id: z.number(), count: z.number() })),
  series: z.object({
    unit: z.enum(['day', 'week']),
    points: z.array(z.object({ start: z.string(), count: z.number() })),
  }),
});
export type FiguresView = z.infer<typeof figuresSchema>;

/** A name the caller gives long work, to ask how far it is or to cancel it (reports.progress, reports.cancel). */
const jobId = z.uuid().optional();

export const reportInput = z.strictObject({
  period: periodSchema,
  scope: scopeSchema.default({ kind: 'desk' }),
  jobId,
});

export const jobProgress = z.object({
  /** 'read': counting the records; 'write': writing the file. */
  phase: z.string(),
  done: z.number(),
  total: z.number().nullable(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
});

export const reportView = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  previous: z.object({ from: z.string(), to: z.string() }),
  scope: z.object({ kind: z.enum(scopeKinds), code: z.string().optional(), name: z.string() }),
  current: figuresSchema,
  before: figuresSchema,
  /** SVG images drawn by main (the same drawing goes into the PDF). */
  charts: z.object({
    intake: z.string(),
    channels: z.string(),
    agencies: z.string(),
    agencyCompliance: z.string(),
    compliance: z.string(),
  }),
  generatedAt: z.string(),
});
export type ReportView = z.infer<typeof reportView>;

export const exportFormats = ['csv', 'xlsx', 'pdf'] as const;

export const reportMethods = {
  'reports.figures': method({
    summary:
      'A periodic report: figures of the records received in the period (and the one before), time-limit compliance per stage, charts (supervisor).',
    access: 'supervisor',
    input: reportInput,
    output: reportView,
  }),
  'reports.export': method({
    summary:
      'Export a report as CSV, XLSX or PDF into the export folder (an audit event); personal data only when asked for with a reason (supervisor).',
    access: 'supervisor',
    input: z.strictObject({
      period: periodSchema,
      scope: scopeSchema.default({ kind: 'desk' }),
      format: z.enum(exportFormats),
      /** CSV: ';' opens in Excel on an Indonesian Windows, ',' elsewhere. */
      separator: z.enum([';', ',']).default(';'),
      includePersonal: z.boolean().default(false),
      reason: text(5, 300).optional(),
      jobId,
    }),
    /** file: where it was written (null for browser mode's PDF page); url: browser mode's one-time link. */
    output: z.object({
      file: z.string().nullable(),
      name: z.string(),
      url: z.string().nullable(),
      bytes: z.number(),
    }),
  }),
  'reports.prepare': method({
    summary:
      'The reports screen is open: start the thread that counts a period before beside its report, so the first report has it ready (supervisor).',
    access: 'supervisor',
    input: z.strictObject({}),
    output: z.object({ preparing: z.boolean() }),
  }),
  'reports.progress': method({
    summary:
      'How far a report or an export started with this jobId is (only its own account sees it); null when unknown or long finished (supervisor).',
    access: 'supervisor',
    input: z.strictObject({ jobId: z.uuid() }),
    output: jobProgress.nullable(),
  }),
  'reports.cancel': method({
    summary:
      'Cancel a running report or export started with this jobId: it stops within a moment, answers CANCELLED and leaves no file (supervisor).',
    access: 'supervisor',
    input: z.strictObject({ jobId: z.uuid() }),
    output: z.object({ cancelled: z.boolean() }),
  }),
};
