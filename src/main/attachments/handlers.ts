/** The attachments feature's methods. */
import { actor, type Handlers } from '../platform/handlers';
import type { Attachments } from './attachments';

export function attachmentHandlers(attachments: Attachments) {
  return {
    'attachments.upload': (input, call) => attachments.upload(actor(call), input),
    'attachments.add': (input, call) => attachments.add(actor(call), input),
    'attachments.list': (input) => attachments.list(input.complaintId),
    'attachments.open': (input, call) =>
      attachments.open({ id: actor(call), role: call.account!.role }, input.id, input.reason),
    'attachments.mark': (input, call) => attachments.mark(actor(call), input.id, input.personal),
    'attachments.remove': (input, call) => attachments.remove(actor(call), input.id, input.reason),
  } satisfies Handlers<'attachments'>;
}
