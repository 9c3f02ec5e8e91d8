/** The receipts feature's methods: printing, and the printers an admin sets up. */
import { actor, type Handlers } from '../platform/handlers';
import type { Receipts } from './receipts';

export function receiptHandlers(receipts: Receipts) {
  return {
    'receipts.print': (input, call) => receipts.print(actor(call), input),
    'receipts.prepare': (input, call) => receipts.prepare(actor(call), input),
    'printers.list': () => receipts.listPrinters(),
    'printers.save': (input, call) => receipts.savePrinter(actor(call), input),
    'printers.test': (input, call) => receipts.testPage(actor(call), input.id),
  } satisfies Handlers<'receipts' | 'printers'>;
}
