/** The review feature's methods: the day review, returned records, closing the day, the register. */
import { roleAtLeast } from '../../shared/domain/roles';
import { actor, type Handlers } from '../platform/handlers';
import type { Registers } from './register';
import type { Review } from './review';

export function reviewHandlers(s: { review: Review; registers: Registers }) {
  return {
    'review.day': (input) => {
      const { day, today, list, summary } = s.review.day(input.day);
      return { day, today, summary, records: list, register: s.registers.of(day) };
    },
    'review.mark': (input, call) => s.review.mark(actor(call), input.id, input.outcome),
    'review.return': (input, call) => s.review.returnToOfficer(actor(call), input.id, input.note),
    // An officer sees what waits on them; a supervisor sees every record returned and not yet corrected.
    'review.returned': (_input, call) =>
      s.review.returned(roleAtLeast(call.account!.role, 'supervisor') ? null : actor(call)),
    'review.home': (_input, call) =>
      s.review.home(actor(call), roleAtLeast(call.account!.role, 'supervisor')),
    'review.closeDay': (input, call) => s.registers.close(actor(call), input.day, input.reason),
    'review.registerPage': (input, call) => s.registers.page(actor(call), input.day),
  } satisfies Handlers<'review'>;
}
