/** The forwarding feature's methods: its status, sending now, parked records, settings. */
import { actor, type Handlers } from '../platform/handlers';
import type { Forwarding } from './forwarding';

export function forwardingHandlers(forwarding: Forwarding) {
  return {
    'forwarding.status': () => forwarding.status(),
    'forwarding.sendNow': async () => {
      await forwarding.wake();
      await forwarding.pull();
      return forwarding.status();
    },
    'forwarding.parked': () => forwarding.parkedList(),
    'forwarding.resend': (input, call) => ({ resent: forwarding.resend(actor(call), input.id) }),
    'forwarding.resendComplaint': (input, call) => ({
      messages: forwarding.resendComplaint(actor(call), input.complaintId),
    }),
    'forwarding.settings': () => forwarding.settings(),
    'forwarding.saveSettings': (input, call) => forwarding.saveSettings(actor(call), input),
    'forwarding.resume': (_input, call) => {
      forwarding.resume(actor(call));
      return forwarding.status();
    },
  } satisfies Handlers<'forwarding'>;
}
