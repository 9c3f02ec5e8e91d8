/**
 * The content of a complaint, defined once: for each field, what the form sends (input), what a
 * screen reads back (view), and how the intake form holds it (form: its empty value and how the
 * typed text becomes the request). The contract's input and view, the columns a save writes, the
 * view main builds and the intake form's state are all derived from this table. Personal data
 * (NIK, phone, e-mail, address) and routing (the agency) are kept apart: they are handled with
 * more care. A new field: a line here, its column in main/complaints/schema.ts (and a migration),
 * its box in the intake form, and its label in the two catalogues.
 */
import { z } from 'zod';
import { complaintTypes, type ComplaintType } from '../domain/complaint';
import { complaintLimits } from '../domain/complaint-rules';
import { isoDate, optionalText, text } from './common';

/** How the intake form turns what was typed into the request. */
type FormKind = 'raw' | 'optional' | 'id' | 'flag' | 'date';

interface FieldSpec<I extends z.ZodType, V extends z.ZodType, F> {
  input: I;
  view: V;
  empty: F;
  kind: FormKind;
}
const field = <I extends z.ZodType, V extends z.ZodType, F>(spec: FieldSpec<I, V, F>) => spec;

const optionalTextField = (max: number) =>
  field({ input: optionalText(max), view: z.string().nullable(), empty: '', kind: 'optional' });
const optionalCode = () =>
  field({ input: z.string().max(20).optional(), view: z.string().nullable(), empty: '', kind: 'optional' });
const idField = () =>
  field({
    input: z.number().int().positive().optional(),
    view: z.number().nullable(),
    empty: '',
    kind: 'id',
  });
const flagField = () =>
  field({ input: z.boolean().default(false), view: z.boolean(), empty: false, kind: 'flag' });

export const complaintContent = {
  type: field({
    input: z.enum(complaintTypes),
    view: z.enum(complaintTypes),
    empty: 'PENGADUAN' as ComplaintType,
    kind: 'raw',
  }),
  channel: field({ input: z.string().min(1).max(40), view: z.string(), empty: 'TATAP_MUKA', kind: 'raw' }),
  title: field({ input: text(...complaintLimits.title), view: z.string(), empty: '', kind: 'raw' }),
  body: field({ input: text(...complaintLimits.body), view: z.string(), empty: '', kind: 'raw' }),
  /** Typed as 20/11/2026, "kemarin" …; sent as YYYY-MM-DD. */
  incidentDate: field({ input: isoDate.optional(), view: z.string().nullable(), empty: '', kind: 'date' }),
  kecamatanCode: optionalCode(),
  desaCode: optionalCode(),
  locationDetail: optionalTextField(complaintLimits.locationDetail[1]),
  categoryId: idField(),
  subcategoryId: idField(),
  supervisory: flagField(),
  anonymous: flagField(),
  confidential: flagField(),
  complainantName: optionalTextField(complaintLimits.complainantName[1]),
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
