/** Reference data: read for forms and filters; edited by admins, every change audited. */
import { asc, eq, sql } from 'drizzle-orm';
import type { AgencyView, CategoryView, ChannelView, HolidayView } from '../../shared/contract/reference';
import { WorkingCalendar } from '../../shared/calendar/working-days';
import { say } from '../../shared/i18n';
import type { AuditTrail } from '../platform/audit-trail';
import type { CoreContext } from '../platform/context';
import { ensureCategoryCodes } from './category-codes';
import { DeskFailure } from '../platform/failure';
import { agencies, categories, channels, holidays, regions } from './schema';

export function createReference(ctx: CoreContext, audit: AuditTrail) {
  const { db } = ctx;
  let calendar: WorkingCalendar | null = null;

  const listHolidays = (): HolidayView[] => db.select().from(holidays).orderBy(asc(holidays.date)).all();
  // Every save checks its references: prepared once (building a drizzle query per call costs more than
  // the lookup itself).
  const byCode = sql.placeholder('code');
  const regionStatement = db.select().from(regions).where(eq(regions.code, byCode)).prepare();
  const agencyStatement = db.select().from(agencies).where(eq(agencies.code, byCode)).prepare();
  const channelStatement = db.select().from(channels).where(eq(channels.code, byCode)).prepare();
  const categoryStatement = db
    .select()
    .from(categories)
    .where(eq(categories.id, sql.placeholder('id')))
    .prepare();

  return {
    all() {
      return {
        regions: db.select().from(regions).orderBy(asc(regions.code)).all(),
        categories: db.select().from(categories).orderBy(asc(categories.name)).all(),
        agencies: db.select().from(agencies).orderBy(asc(agencies.name)).all(),
        channels: db.select().from(channels).all(),
        holidays: listHolidays(),
      };
    },

    /** The working-day calendar from the holiday table, rebuilt whenever a holiday changes. */
    calendar(): WorkingCalendar {
      calendar ??= new WorkingCalendar(listHolidays().map((h) => h.date));
      return calendar;
    },

    region: (code: string) => regionStatement.get({ code }),
    agency: (code: string) => agencyStatement.get({ code }),
    channel: (code: string) => channelStatement.get({ code }),
    category: (id: number) => categoryStatement.get({ id }),

    saveHoliday(actorId: string, h: HolidayView): HolidayView {
      db.insert(holidays)
        .values(h)
        .onConflictDoUpdate({
          target: holidays.date,
          set: { kind: h.kind, description: h.description, basis: h.basis },
        })
        .run();
      calendar = null;
      audit.record(actorId, 'reference.saveHoliday', h.date, h);
      return h;
    },

    deleteHoliday(actorId: string, date: string): void {
      const gone = db.delete(holidays).where(eq(holidays.date, date)).run();
      if (gone.changes === 0) throw new DeskFailure('NOT_FOUND', say('errors.NOT_FOUND'));
      calendar = null;
      audit.record(actorId, 'reference.deleteHoliday', date);
    },

    saveAgency(actorId: string, a: AgencyView): AgencyView {
      db.insert(agencies)
        .values(a)
        .onConflictDoUpdate({
          target: agencies.code,
          set: { name: a.name, kind: a.kind, note: a.note, active: a.active },
        })
        .run();
      audit.record(actorId, 'reference.saveAgency', a.code, a);
      return a;
    },

    saveChannel(actorId: string, c: ChannelView): ChannelView {
      db.insert(channels)
        .values(c)
        .onConflictDoUpdate({ target: channels.code, set: { name: c.name, active: c.active } })
        .run();
      audit.record(actorId, 'reference.saveChannel', c.code, c);
      return c;
    },

    /** The Pemkab's complaint line from the channel list (kanal.csv), e.g. "WhatsApp Halo SAE 0821-3100-1001". */
    defaultContact(): string {
      const name = db.select().from(channels).where(eq(channels.code, 'WHATSAPP')).get()?.name ?? '';
      const line = /Halo SAE[^)]*/.exec(name)?.[0]?.trim();
      return line ? `WhatsApp ${line}` : '';
    },
    saveCategory(actorId: string, c: Omit<CategoryView, 'id'> & { id?: number }): CategoryView {
      if (c.parentId !== null) {
        const parent = db.select().from(categories).where(eq(categories.id, c.parentId)).get();
        if (!parent || parent.parentId !== null) {
          throw new DeskFailure(
            'VALIDATION',
            say('errors.unknownReference', { field: say('fields.parentId') }),
            {
              parentId: say('errors.unknownReference', { field: say('fields.parentId') }),
            },
          );
        }
      }
      try {
        const saved = c.id
          ? db
              .update(categories)
              .set({ name: c.name, parentId: c.parentId, active: c.active })
              .where(eq(categories.id, c.id))
              .returning()
              .get()
          : db
              .insert(categories)
              .values({ name: c.name, parentId: c.parentId, active: c.active })
              .returning()
              .get();
        if (!saved) throw new DeskFailure('NOT_FOUND', say('errors.NOT_FOUND'));
        ensureCategoryCodes(ctx.sqlite);
        audit.record(actorId, 'reference.saveCategory', String(saved.id), c);
        return saved;
      } catch (error) {
        if (error instanceof Error && /UNIQUE/.test(error.message)) {
          throw new DeskFailure('CONFLICT', say('errors.CONFLICT'), { name: say('errors.CONFLICT') });
        }
        throw error;
      }
    },
  };
}
export type Reference = ReturnType<typeof createReference>;
