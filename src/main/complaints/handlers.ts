/** The complaints feature's methods: intake, the queue, actions, corrections, canned texts, drafts. */
import { roleAtLeast } from '../../shared/domain/roles';
import { actor, type Call, type Handlers } from '../platform/handlers';
import type { IntakeFile } from '../../shared/contract/complaints';
import type { Actions } from './actions';
import type { Complaints, IntakeFiles } from './complaints';
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
  /** The files taken in with a new complaint, made safe for its transaction (the attachments feature). */
  intakeFiles: (actorId: string, items: IntakeFile[]) => Promise<IntakeFiles & { done(): void }>;
}

/** The queue's caller: "mine" is theirs; a supervisor's "returned" view holds everyone's. */
const caller = (call: Call) => ({
  id: actor(call),
  seesAllReturned: roleAtLeast(call.account!.role, 'supervisor'),
});

export function complaintHandlers(s: ComplaintServices) {
  return {
    'complaints.create': async (input, call) => {
      const files = input.attachments.length
        ? await s.intakeFiles(actor(call), input.attachments)
        : undefined;
      const saved = s.complaints.create(actor(call), input, files);
      files?.done();
      return saved;
    },
    'complaints.get': (input) => s.complaints.get(input.id),
    'complaints.findByReceipt': (input) => s.complaints.findByReceipt(input.receiptNumber),
    'complaints.findByContact': (input) => s.complaints.findByContact(input),
    'complaints.revealPersonalData': (input, call) =>
      s.complaints.reveal(actor(call), input.id, input.reason),
    'complaints.stats': () => s.complaints.stats(),
    'complaints.queue': (input, call) => s.queue.page(input, caller(call)),
    'complaints.count': (input, call) => s.queue.count(input, caller(call)),
    'complaints.viewCounts': (_input, call) => s.queue.viewCounts(caller(call)),
    'complaints.act': (input, call) => s.actions.act(actor(call), input),
    'complaints.actMany': (input, call) => s.actions.actMany(actor(call), input.action, input.ids),
    'complaints.similar': (input) => s.similar.find(input),
    'complaints.earlier': (input) => s.similar.earlier(input),
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
