/** The reference data's methods: read all, and the admin's edits. */
import { actor, type Handlers } from '../platform/handlers';
import type { Reference } from './reference';

export function referenceHandlers(reference: Reference) {
  return {
    'reference.all': () => reference.all(),
    'reference.saveHoliday': (input, call) =>
      reference.saveHoliday(actor(call), { ...input, basis: input.basis ?? null }),
    'reference.deleteHoliday': (input, call) => {
      reference.deleteHoliday(actor(call), input.date);
      return null;
    },
    'reference.saveAgency': (input, call) =>
      reference.saveAgency(actor(call), { ...input, note: input.note ?? null }),
    'reference.saveCategory': (input, call) => reference.saveCategory(actor(call), input),
    'reference.saveChannel': (input, call) => reference.saveChannel(actor(call), input),
  } satisfies Handlers<'reference'>;
}
