import { z } from 'zod';
import { empty, isoDate, optionalText, text } from './common';
import { method } from './define';

export const regionLevels = ['kabupaten', 'kecamatan', 'desa', 'kelurahan'] as const;
export const agencyKinds = ['opd', 'tenant_mpp', 'kecamatan', 'lainnya'] as const;
export const holidayKinds = ['libur_nasional', 'cuti_bersama'] as const;

export const regionView = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(regionLevels),
  parentCode: z.string().nullable(),
});
export const categoryView = z.object({
  id: z.number(),
  name: z.string(),
  parentId: z.number().nullable(),
  active: z.boolean(),
});
export const agencyView = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(agencyKinds),
  note: z.string().nullable(),
  active: z.boolean(),
});
export const channelView = z.object({ code: z.string(), name: z.string(), active: z.boolean() });
export const holidayView = z.object({
  date: z.string(),
  kind: z.enum(holidayKinds),
  description: z.string(),
  basis: z.string().nullable(),
});
export type RegionView = z.infer<typeof regionView>;
export type CategoryView = z.infer<typeof categoryView>;
export type AgencyView = z.infer<typeof agencyView>;
export type ChannelView = z.infer<typeof channelView>;
export type HolidayView = z.infer<typeof holidayView>;

const refCode = z
  .string()
  .max(160)
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9_.]{2,40}$/, { message: 'invalid' }));

export const referenceMethods = {
  'reference.all': method({
    summary: 'Regions, categories, agencies, channels and holidays, for forms and filters.',
    access: 'officer',
    input: empty,
    output: z.object({
      regions: z.array(regionView),
      categories: z.array(categoryView),
      agencies: z.array(agencyView),
      channels: z.array(channelView),
      holidays: z.array(holidayView),
    }),
  }),
  'reference.saveHoliday': method({
    summary: 'Add or change a holiday or cuti bersama day (admin); deadlines use it from then on.',
    access: 'admin',
    input: z.strictObject({
      date: isoDate,
      kind: z.enum(holidayKinds),
      description: text(3, 200),
      basis: optionalText(200),
    }),
    output: holidayView,
  }),
  'reference.deleteHoliday': method({
    summary: 'Remove a holiday (admin), e.g. when moon sighting moves an Islamic date.',
    access: 'admin',
    input: z.strictObject({ date: isoDate }),
    output: z.null(),
  }),
  'reference.saveAgency': method({
    summary: 'Add or change a target agency (admin); agencies are deactivated, never deleted.',
    access: 'admin',
    input: z.strictObject({
      code: refCode,
      name: text(3, 200),
      kind: z.enum(agencyKinds),
      note: optionalText(500),
      active: z.boolean(),
    }),
    output: agencyView,
  }),
  'reference.saveCategory': method({
    summary: 'Add or change a category or subcategory (admin); deactivated, never deleted.',
    access: 'admin',
    input: z.strictObject({
      id: z.number().int().positive().optional(),
      name: text(2, 120),
      parentId: z.number().int().positive().nullable(),
      active: z.boolean(),
    }),
    output: categoryView,
  }),
  'reference.saveChannel': method({
    summary: 'Add or change an intake channel (admin).',
    access: 'admin',
    input: z.strictObject({ code: refCode, name: text(2, 120), active: z.boolean() }),
    output: channelView,
  }),
};
