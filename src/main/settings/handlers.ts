/** The settings feature's methods. */
import type { AuditTrail } from '../platform/audit-trail';
import { actor, type Handlers } from '../platform/handlers';
import type { SettingsService } from './settings';

export function settingsHandlers(settings: SettingsService, audit: AuditTrail) {
  return {
    'settings.get': () => settings.get(),
    'settings.update': (input, call) => {
      const next = settings.update(input);
      audit.record(actor(call), 'settings.update', null, input);
      return next;
    },
    'settings.deadlineRules': () => settings.deadlineRules.list(),
    'settings.addDeadlineRule': (input, call) => settings.deadlineRules.add(actor(call), input),
  } satisfies Handlers<'settings'>;
}
