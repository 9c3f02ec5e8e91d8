/**
 * Time limits per complaint type and from a day on (settings.deadline_rules, append-only). The
 * limits of a record are those in force on the day it was received: the newest rule in force that
 * day for its type or for every type (the type's own rule wins a tie), else the desk's settings.
 */
import { v7 as uuidv7 } from 'uuid';
import { wibDate } from '../../shared/calendar/working-days';
import type { ComplaintType, DeadlineRules } from '../../shared/domain/complaint';
import { say } from '../../shared/i18n';
import type { AuditTrail } from '../platform/audit-trail';
import type { CoreContext } from '../platform/context';
import { DeskFailure } from '../platform/failure';
import { deadlineRules } from './schema';

export interface DeadlineRuleInput extends DeadlineRules {
  complaintType: ComplaintType | null;
  effectiveFrom: string;
}

export function createDeadlineRules(ctx: CoreContext, audit: AuditTrail, fallback: () => DeadlineRules) {
  const { db, clock } = ctx;
  // A handful of rows, read on every save: kept in memory, dropped when one is added.
  let rows: Array<typeof deadlineRules.$inferSelect> | null = null;
  const all = () => (rows ??= db.select().from(deadlineRules).all());

  return {
    /** The limits in force for a record of this type received on this day. */
    forRecord(type: ComplaintType, day: string): DeadlineRules {
      let best: typeof deadlineRules.$inferSelect | null = null;
      for (const r of all()) {
        if (r.effectiveFrom > day || (r.complaintType !== null && r.complaintType !== type)) continue;
        if (
          !best ||
          r.effectiveFrom > best.effectiveFrom ||
          (r.effectiveFrom === best.effectiveFrom &&
            r.complaintType !== null &&
            best.complaintType === null) ||
          (r.effectiveFrom === best.effectiveFrom &&
            (r.complaintType === null) === (best.complaintType === null) &&
            r.createdAt > best.createdAt)
        )
          best = r;
      }
      if (!best) return fallback();
      return {
        verifyWorkingDays: best.verifyWorkingDays,
        followUpWorkingDays: best.followUpWorkingDays,
        answerCalendarDays: best.answerCalendarDays,
      };
    },

    list() {
      return [...all()].sort((a, b) =>
        a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0,
      );
    },

    /** A new rule, in force from today or a later day: a limit never changes for days already past. */
    add(actorId: string, input: DeadlineRuleInput) {
      const today = wibDate(clock());
      if (input.effectiveFrom < today) {
        const message = say('errors.ruleInThePast', { today });
        throw new DeskFailure('VALIDATION', message, { effectiveFrom: message });
      }
      const row = { id: uuidv7(), ...input, createdBy: actorId, createdAt: clock().toISOString() };
      db.insert(deadlineRules).values(row).run();
      rows = null;
      audit.record(actorId, 'settings.deadlineRule', input.complaintType ?? 'SEMUA', input);
      return row;
    },
  };
}
export type DeadlineRulesService = ReturnType<typeof createDeadlineRules>;
