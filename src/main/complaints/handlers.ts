/** The complaints feature's methods: intake, the queue, actions, corrections, canned texts, drafts. */
import { actor, type Handlers } from '../platform/handlers';
import type { Actions } from './actions';
import type { Complaints } from './complaints';
import type { Corrections } from './corrections';
import type { Drafts } from './drafts';
import type { Queue } from './queue';
import type { Similar } from './similar';
import type { Snippets } from './snippets';

export interface ComplaintServices {
  complaints: Complaints;
  queue: Queue;
  actions: Actions;
  similar: Similar;
  corrections: Corrections;
  snippets: Snippets;
  drafts: Drafts;
}

export function complaintHandlers(s: ComplaintServices) {
  return {
    'complaints.create': (input, call) => s.complaints.create(actor(call), input),
    'complaints.get': (input) => s.complaints.get(input.id),
    'complaints.findByReceipt': (input) => s.complaints.findByReceipt(input.receiptNumber),
    'complaints.findByContact': (input) => s.complaints.findByContact(input),
    'complaints.revealPersonalData': (input, call) =>
      s.complaints.reveal(actor(call), input.id, input.reason),
    'complaints.stats': () => s.complaints.stats(),
    'complaints.queue': (input) => s.queue.page(input),
    'complaints.count': (input) => s.queue.count(input),
    'complaints.act': (input, call) => s.actions.act(actor(call), input),
    'complaints.similar': (input) => s.similar.find(input),
    'complaints.correct': (input, call) => s.corrections.correct(actor(call), input, call.account!.role),
    'snippets.list': () => s.snippets.list(),
    'snippets.save': (input, call) => s.snippets.save(actor(call), input),
    'drafts.get': (_input, call) => s.drafts.get(actor(call)),
    'drafts.save': (input, call) => {
      s.drafts.save(actor(call), input.data);
      return null;
    },
    'drafts.clear': (_input, call) => {
      s.drafts.clear(actor(call));
      return null;
    },
  } satisfies Handlers<'complaints' | 'snippets' | 'drafts'>;
}
