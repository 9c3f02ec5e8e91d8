/**
 * The content of a complaint, defined once: for each field, what the form sends (input), what a
 * screen reads back (view), how the intake form holds it (its empty value and kind: how the typed
 * text becomes the request, and how the column stores it), and where the central server's Complaint
 * carries it (central: a dotted path, or null for a field the desk keeps to itself). Derived from
 * this table: the contract's input and view, the table's columns (main/complaints/schema.ts), the
 * columns a save and a correction write, the view main builds, the Complaint body the central
 * server receives and the field names of a correction it is told of, and the intake form's state.
 * Personal data (NIK, phone, e-mail, address) and routing (the agency) are kept apart: they are
 * handled with more care. A new field: a line here, a migration (npm run db:generate), its box in
 * the intake form, and its label in the two catalogues.
 */
import { z } from 'zod';
import { complaintTypes, type ComplaintType } from '../domain/complaint';
import { complaintLimits } from '../domain/complaint-rules';
import { isoDate, optionalText, text } from './common';

/**
 * How the intake form turns what was typed into the request, and how the column keeps it: raw is
 * required text, optional and date are text or null, id is an integer or null, flag a boolean.
 */
export type FormKind = 'raw' | 'optional' | 'id' | 'flag' | 'date';

/** Where the central server's Complaint carries the field (checked against it in main). */
type CentralPath = string | null;

interface FieldSpec<I extends z.ZodType, V extends z.ZodType, F, K extends FormKind, C extends CentralPath> {
  input: I;
  view: V;
  empty: F;
  kind: K;
  central: C;
}
const field = <I extends z.ZodType, V extends z.ZodType, F, K extends FormKind, const C extends CentralPath>(
  spec: FieldSpec<I, V, F, K, C>,
) => spec;

const optionalTextField = <const C extends CentralPath>(max: number, central: C) =>
  field({ input: optionalText(max), view: z.string().nullable(), empty: '', kind: 'optional', central });
const optionalCode = <const C extends CentralPath>(central: C) =>
  field({
    input: z.string().max(20).optional(),
    view: z.string().nullable(),
    empty: '',
    kind: 'optional',
    central,
  });
/** A reference by id; the central server receives the stable code instead. */
const idField = <const C extends CentralPath>(central: C) =>
  field({
    input: z.number().int().positive().optional(),
    view: z.number().nullable(),
    empty: '',
    kind: 'id',
    central,
  });
const flagField = <const C extends CentralPath>(central: C) =>
  field({ input: z.boolean().default(false), view: z.boolean(), empty: false, kind: 'flag', central });

export const complaintContent = {
  type: field({
    input: z.enum(complaintTypes),
    view: z.enum(complaintTypes),
    empty: 'PENGADUAN' as ComplaintType,
    kind: 'raw',
    central: 'type',
  }),
  channel: field({
    input: z.string().min(1).max(40),
    view: z.string(),
    empty: 'TATAP_MUKA',
    kind: 'raw',
    central: 'channel',
  }),
  title: field({
    input: text(...complaintLimits.title),
    view: z.string(),
    empty: '',
    kind: 'raw',
    central: 'title',
  }),
  body: field({
    input: text(...complaintLimits.body),
    view: z.string(),
    empty: '',
    kind: 'raw',
    central: 'body',
  }),
  /** Typed as 20/11/2026, "kemarin" …; sent as YYYY-MM-DD. */
  incidentDate: field({
    input: isoDate.optional(),
    view: z.string().nullable(),
    empty: '',
    kind: 'date',
    central: 'incidentDate',
  }),
  kecamatanCode: optionalCode('location.kecamatanCode'),
  desaCode: optionalCode('location.desaCode'),
  locationDetail: optionalTextField(complaintLimits.locationDetail[1], 'location.text'),
  categoryId: idField('categoryCode'),
  subcategoryId: idField('subcategoryCode'),
  supervisory: flagField('supervisory'),
  anonymous: flagField('anonymous'),
  confidential: flagField('confidential'),
  complainantName: optionalTextField(complaintLimits.complainantName[1], 'complainant.name'),
};

type Content = typeof complaintContent;
export type ContentKey = keyof Content;
export const contentKeys = Object.keys(complaintContent) as ContentKey[];

const shape = <P extends 'input' | 'view'>(part: P) =>
  Object.fromEntries(contentKeys.map((k) => [k, complaintContent[k][part]])) as {
    [K in ContentKey]: Content[K][P];
  };
/** The content part of what the form sends. */
export const contentInput = shape('input');
/** The content part of what a screen reads back. */
export const contentView = shape('view');
/** How the intake form holds each content field, and its empty value. */
export type ContentForm = { [K in ContentKey]: Content[K]['empty'] };
export const emptyContent = Object.fromEntries(
  contentKeys.map((k) => [k, complaintContent[k].empty]),
) as ContentForm;
export const contentFormKind = (key: ContentKey): FormKind => complaintContent[key].kind;

/** The kind of each field, as a type (main derives each column's type from it). */
export type ContentKind<K extends ContentKey> = Content[K]['kind'];
/** Where the central Complaint carries each field (null: the desk keeps it to itself). */
export type CentralPathOf<K extends ContentKey> = Content[K]['central'];
export const centralPath = <K extends ContentKey>(key: K): CentralPathOf<K> => complaintContent[key].central;
/** The content fields the central server receives, by their path in its Complaint. */
export const centralContentPaths = contentKeys
  .map((k) => complaintContent[k].central)
  .filter((p): p is NonNullable<CentralPathOf<ContentKey>> => p !== null);
