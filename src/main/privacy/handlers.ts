/** The privacy feature's methods. */
import { actor, type Handlers } from '../platform/handlers';
import type { Privacy } from './privacy';

export function privacyHandlers(privacy: Privacy) {
  return {
    'privacy.find': (input, call) => privacy.find(actor(call), input.person),
    'privacy.copy': (input, call) => privacy.copy(actor(call), input.person, input.reason),
    'privacy.erase': (input, call) => privacy.erase(actor(call), input.person, input.reason),
    'privacy.hold': (input, call) => privacy.hold(actor(call), input.id, input.reason),
    'privacy.purgeExpired': (_input, call) => privacy.purgeExpired(actor(call)),
  } satisfies Handlers<'privacy'>;
}
