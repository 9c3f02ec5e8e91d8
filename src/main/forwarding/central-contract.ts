/**
 * The HTTP+JSON contract between the desk and the Pemkab's central server. docs/central-api.openapi.json
 * is generated from these schemas (npm run openapi) and a test keeps the two identical. The central
 * team implements from that document alone, so every rule the desk relies on is written here.
 */
import { z } from 'zod';
import { centralContentPaths } from '../../shared/contract/complaint-fields';
import { complaintStatuses, complaintTypes } from '../../shared/domain/complaint';
import { complaintActions } from '../../shared/domain/status-flow';
import { attachmentRef, sha256Hex } from './central-files';

/** UUIDv7, lower case: the desk makes every id offline and the server stores it as given. */
export const uuidV7 = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  .describe('UUIDv7 in lower case, made on the desk');
export const deskCodeSchema = z
  .string()
  .regex(/^[A-Z0-9]{2,8}$/)
  .describe('The desk code; equals the X-Desk-Code header of the request');
const instant = z
  .string()
  .max(30)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/)
  .describe('An instant in UTC, ISO 8601 with Z');
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('A calendar day in WIB (Asia/Jakarta), YYYY-MM-DD');
/** A stable code: agencies, channels and categories keep their code when renamed. */
const code = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Z0-9_.]+$/);
const kemendagri = (what: string) =>
  z
    .string()
    .regex(/^35\.13\.\d{2}(\.\d{4})?$/)
    .describe(`Kemendagri code of the ${what} (Kepmendagri 300.2.2-2430/2025)`);
const statusEnum = z.enum(complaintStatuses);

export const complaintRecord = z
  .object({
    id: uuidV7,
    receiptNumber: z
      .string()
      .max(40)
      .regex(/^[A-Z0-9]{2,8}-\d{8}-\d{4,6}-[0-9A-Z]$/)
      .describe('The number printed on the citizen’s receipt: desk-day-sequence-check'),
    deskCode: deskCodeSchema,
    type: z.enum(complaintTypes),
    channel: code(40).describe('Intake channel code (kanal.csv), e.g. TATAP_MUKA'),
    title: z.string().min(1).max(150),
    body: z.string().min(1).max(8000),
    incidentDate: day.nullable(),
    location: z.object({
      kecamatanCode: kemendagri('kecamatan').nullable(),
      desaCode: kemendagri('desa or kelurahan').nullable(),
      text: z.string().max(300).nullable(),
    }),
    categoryCode: code(120).nullable().describe('Stable category code (SP4N-LAPOR! top level)'),
    subcategoryCode: code(120)
      .nullable()
      .describe('Stable subcategory code: its category code, a dot, a name code'),
    agencyCode: code(40).describe('Target agency code (instansi-tujuan.csv, or a kecamatan code)'),
    supervisory: z.boolean().describe('Berkadar pengawasan (Permendagri 8/2023)'),
    anonymous: z.boolean(),
    confidential: z.boolean(),
    complainant: z
      .object({
        name: z.string().max(100).nullable(),
        nik: z
          .string()
          .regex(/^\d{16}$/)
          .nullable(),
        phone: z
          .string()
          .regex(/^0\d{8,12}$/)
          .nullable(),
        email: z.string().max(254).nullable(),
        address: z.string().max(300).nullable(),
      })
      .nullable()
      .describe('Null when the complaint is Anonim'),
    officer: z.string().max(100).describe('Display name of the officer who recorded it'),
    recordedAt: instant,
    deadlines: z.object({ verifyBy: day, followUpBy: day, answerBy: day }),
    attachments: z
      .array(
        z.object({ ...attachmentRef, name: z.string().max(200).describe('The file’s name as taken in') }),
      )
      .max(50)
      .describe('Files taken in with the complaint, each uploaded before the complaint is sent'),
  })
  .meta({ id: 'Complaint' });
export type ComplaintRecord = z.infer<typeof complaintRecord>;

/**
 * The daily register a supervisor closed (Tutup hari): its canonical content as kept on the desk and
 * that content's SHA-256, printed on the register. The server stores it as given and can check the
 * digest; a register never changes, so the same id always carries the same content.
 */
export const dayRegisterRecord = z
  .object({
    id: uuidV7,
    deskCode: deskCodeSchema,
    day: day.describe('The WIB day the register closes'),
    closedAt: instant,
    entries: z.number().int().min(0).describe('How many complaints the register lists'),
    digest: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('SHA-256 of `content` (its UTF-8 bytes), lower-case hex'),
    content: z
      .string()
      .min(2)
      .max(4_000_000)
      .describe(
        'The register as closed: JSON with its keys sorted at every level (no personal data: numbers, times, titles or "(Rahasia)", agencies, officers, statuses, deadlines, review outcomes, totals). From `format` meja-pengaduan/register-harian@2 it also holds `chain`: the head of the desk\'s hash chain over its audit trail and complaint history when the day closed ({"audit":{"id","hash"},"events":{"seq","hash"}}, SHA-256 hex), so that the central copy pins the trail as it stood; keep it unchanged',
      ),
  })
  .meta({ id: 'DayRegister' });
export type DayRegisterRecord = z.infer<typeof dayRegisterRecord>;

const emptyData = z.null();
const fieldChange = z.object({ before: z.unknown(), after: z.unknown() });
/**
 * The fields a correction may change, named as in Complaint (dotted for nested fields): the content
 * fields the central server receives, from the complaint's one definition.
 */
export const correctableFields = centralContentPaths as unknown as readonly [
  (typeof centralContentPaths)[number],
  ...(typeof centralContentPaths)[number][],
];

/** What each kind of event carries in `data`. */
export const eventData = {
  DITERIMA: emptyData,
  VERIFY: emptyData,
  FORWARD: z.object({ agencyCode: code(40), fromAgency: code(40).optional() }),
  FOLLOW_UP: emptyData,
  CITIZEN_REPLY: emptyData,
  DONE: emptyData,
  POSTPONE: emptyData,
  RESUME: z.object({ pausedWorkingDays: z.number().int().min(0) }),
  REROUTE: z.object({ agencyCode: code(40), fromAgency: code(40) }),
  ARCHIVE: z.object({
    archiveReason: z.string().max(40),
    duplicateOf: z.string().max(40).optional(),
    duplicateOfId: uuidV7.optional(),
  }),
  NOTE: emptyData,
  LAPOR_ID: z.object({ laporTrackingId: z.string().regex(/^\d{5,10}$/) }),
  KOREKSI: z.object({
    changes: z.partialRecord(z.enum(correctableFields), fieldChange),
    /** New values of the personal fields the correction changed (null clears one). */
    complainant: z
      .object({
        nik: z
          .string()
          .regex(/^\d{16}$/)
          .nullable()
          .optional(),
        phone: z
          .string()
          .regex(/^0\d{8,12}$/)
          .nullable()
          .optional(),
        email: z.string().max(254).nullable().optional(),
        address: z.string().max(300).nullable().optional(),
      })
      .optional(),
  }),
  CETAK: z.object({
    printer: z.string().max(100),
    kind: z.string().max(20),
    paper: z.string().max(10).optional(),
    copy: z.boolean(),
  }),
  /** A file added to the record after it was taken in; its bytes were uploaded before this event. */
  LAMPIRAN: z.object({ attachmentId: uuidV7, ...attachmentRef }),
  /** A file taken off the record (the reason in `reason`); the server stops showing it with the complaint. */
  LAMPIRAN_DIHAPUS: z.object({ attachmentId: uuidV7, sha256: sha256Hex }),
} as const;
export const forwardedEventKinds = [
  'DITERIMA',
  ...complaintActions,
  'KOREKSI',
  'CETAK',
  'LAMPIRAN',
  'LAMPIRAN_DIHAPUS',
] as const;
export type ForwardedEventKind = (typeof forwardedEventKinds)[number];

const eventBase = {
  id: uuidV7,
  complaintId: uuidV7.describe('Equals the {id} of the path'),
  at: instant,
  actor: z.string().max(100).nullable().describe('Display name at the time of the event'),
  fromStatus: statusEnum.nullable(),
  toStatus: statusEnum.nullable(),
  reason: z.string().max(8000).nullable(),
};
export const eventRecord = z
  .discriminatedUnion(
    'kind',
    forwardedEventKinds.map((kind) =>
      z
        .object({ ...eventBase, kind: z.literal(kind), data: eventData[kind].nullable() })
        .meta({ id: `Event_${kind}` }),
    ) as unknown as [z.ZodObject, ...z.ZodObject[]],
  )
  .meta({ id: 'Event' });
export type EventRecord = {
  id: string;
  complaintId: string;
  kind: ForwardedEventKind;
  at: string;
  actor: string | null;
  fromStatus: (typeof complaintStatuses)[number] | null;
  toStatus: (typeof complaintStatuses)[number] | null;
  reason: string | null;
  data: Record<string, unknown> | null;
};

/** A change made centrally: verification, disposition, agency follow-up, done, LAPOR! tracking ID. */
export const changeRecord = z
  .object({
    id: z.string().min(1).max(100).describe('Unique per change; a change sent twice is applied once'),
    complaintId: uuidV7,
    at: instant,
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
    agencyCode: code(40).optional(),
    agencyAnswer: z.string().max(8000).optional(),
    laporTrackingId: z
      .string()
      .regex(/^\d{5,10}$/)
      .optional(),
    note: z.string().max(2000).optional(),
  })
  .meta({ id: 'Change' });
export type ChangeRecord = z.infer<typeof changeRecord>;

export const changesLimit = { default: 100, max: 500 } as const;
export const changesPage = z
  .object({
    changes: z.array(changeRecord).max(changesLimit.max),
    next: z
      .string()
      .max(200)
      .describe('The cursor for the next request; on an empty page, the cursor that was sent'),
  })
  .meta({ id: 'ChangesPage' });

export const errorCodes = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'UNKNOWN_COMPLAINT',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INVALID',
  'RATE_LIMITED',
  'INTERNAL',
  'MAINTENANCE',
] as const;
export const errorBody = z
  .object({
    error: z.object({
      code: z
        .string()
        .max(60)
        .describe(`One of ${errorCodes.join(', ')}; other codes are shown as they are`),
      message: z.string().max(2000).describe('Shown to the desk’s supervisor; Bahasa Indonesia preferred'),
      field: z
        .string()
        .max(200)
        .optional()
        .describe('The JSON path of the offending field, when there is one'),
    }),
  })
  .meta({ id: 'Error' });

export const healthBody = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });

/**
 * Canonical JSON of a record: keys sorted at every level, no white space. Two PUTs of one id carry
 * "the same content" when their canonical JSON is identical (attachments included).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
