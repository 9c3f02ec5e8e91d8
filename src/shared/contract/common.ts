import { z } from 'zod';
import { deskCodePattern } from '../domain/receipt-number';
import { roles } from '../domain/roles';

/** Text an officer types: trimmed, bounded, no control characters but newlines and tabs. */
export const text = (min: number, max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(min)
        .max(max)
        // eslint-disable-next-line no-control-regex -- refusing control characters is the point
        .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), {
          message: 'invalid',
        }),
    );

export const optionalText = (max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().max(max))
    .optional()
    .transform((s) => (s ? s : undefined));

/** A real calendar day (no 2026-02-30, no month 13), between 1900 and 2199. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' })
  .refine(isCalendarDate, { message: 'date' });
export const isoInstant = z.string();
export const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
export const roleSchema = z.enum(roles);
export const deskCode = z
  .string()
  .max(32)
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(deskCodePattern, { message: 'deskCode' }));
export const userName = z
  .string()
  .max(200)
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(2)
      .max(40)
      .regex(/^[\p{L}\p{N} ._-]+$/u, { message: 'invalid' }),
  );
export const secret = z.string().min(4, { message: 'secret' }).max(128);
export const empty = z.strictObject({});
export const nothing = z.null();
