/**
 * The HTTP+JSON contract between the desk and the Pemkab's central server. docs/central-api.openapi.json
 * is generated from these schemas (npm run openapi) and a test keeps the two identical.
 */
import { z } from 'zod';

const isoInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const complaintRecord = z
  .object({
    id: z.string().uuid(),
    receiptNumber: z.string(),
    deskCode: z.string(),
    type: z.enum(['PENGADUAN', 'ASPIRASI', 'PERMINTAAN_INFORMASI']),
    channel: z.string(),
    title: z.string(),
    body: z.string(),
    incidentDate: isoDate.nullable(),
    location: z.object({
      kecamatanCode: z.string().nullable(),
      desaCode: z.string().nullable(),
      text: z.string().nullable(),
    }),
    categoryId: z.number().int().nullable(),
    subcategoryId: z.number().int().nullable(),
    agencyCode: z.string(),
    supervisory: z.boolean(),
    anonymous: z.boolean(),
    confidential: z.boolean(),
    /** Absent when the complaint is Anonim. */
    complainant: z
      .object({
        name: z.string().nullable(),
        nik: z.string().nullable(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
        address: z.string().nullable(),
      })
      .nullable(),
    officer: z.string(),
    recordedAt: isoInstant,
    deadlines: z.object({ verifyBy: isoDate, followUpBy: isoDate, answerBy: isoDate }),
    attachments: z.array(
      z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), name: z.string(), size: z.number().int() }),
    ),
  })
  .meta({ id: 'Complaint' });
export type ComplaintRecord = z.infer<typeof complaintRecord>;

export const eventRecord = z
  .object({
    id: z.string().uuid(),
    complaintId: z.string().uuid(),
    kind: z.string(),
    at: isoInstant,
    actor: z.string().nullable(),
    fromStatus: z.string().nullable(),
    toStatus: z.string().nullable(),
    reason: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'Event' });
export type EventRecord = z.infer<typeof eventRecord>;

/** A change made centrally: verification, disposition, agency follow-up, done, LAPOR! tracking ID. */
export const changeRecord = z
  .object({
    id: z.string().min(1).max(100),
    complaintId: z.string().uuid(),
    at: isoInstant,
    status: z
      .enum([
        'TERVERIFIKASI',
        'TERDISPOSISI',
        'DITINDAKLANJUTI',
        'DITANGGAPI',
        'SELESAI',
        'TUNDA',
        'DIARSIPKAN',
      ])
      .optional(),
    agencyCode: z.string().max(40).optional(),
    agencyAnswer: z.string().max(8000).optional(),
    laporTrackingId: z
      .string()
      .regex(/^\d{5,10}$/)
      .optional(),
    note: z.string().max(2000).optional(),
  })
  .meta({ id: 'Change' });
export type ChangeRecord = z.infer<typeof changeRecord>;

export const changesPage = z
  .object({ changes: z.array(changeRecord), next: z.string().max(200) })
  .meta({ id: 'ChangesPage' });

export const errorBody = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .meta({ id: 'Error' });

export const healthBody = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
