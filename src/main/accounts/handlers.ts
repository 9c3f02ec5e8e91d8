/** The accounts feature's methods: first-run setup, signing in and out, the lock, and accounts. */
import { say } from '../../shared/i18n';
import type { AuditTrail } from '../platform/audit-trail';
import { DeskFailure } from '../platform/failure';
import { actor, type Call, type Handlers } from '../platform/handlers';
import type { SettingsService } from '../settings';
import { toAccountView, type Accounts } from './accounts';
import type { SessionStore } from './sessions';

export function accountHandlers(
  accounts: Accounts,
  sessions: SessionStore,
  settings: SettingsService,
  audit: AuditTrail,
) {
  const sessionView = (call: Call) => {
    const session = call.session ?? sessions.get(call.callerKey, settings.get().idleLockMinutes);
    if (!session) return null;
    return {
      account: toAccountView(accounts.byId(session.accountId)),
      locked: session.locked,
      idleLockMinutes: settings.get().idleLockMinutes,
    };
  };

  return {
    'setup.initialize': (input) => {
      const { followUpContact, statusUrl, ...desk } = input;
      const done = accounts.setup(desk);
      // What the citizen's receipt says about where to ask: asked at setup, editable in Pengaturan.
      settings.update({ followUpContact: followUpContact ?? '', statusUrl: statusUrl ?? '' });
      return done;
    },

    'auth.signIn': async (input, call) => {
      if (!accounts.isSetUp()) throw new DeskFailure('SETUP_REQUIRED', say('errors.SETUP_REQUIRED'));
      const row = await accounts.signIn(input.name, input.secret);
      sessions.start(call.callerKey, row.id);
      return sessionView({ ...call, session: null })!;
    },
    'auth.signOut': (_input, call) => {
      if (call.account) audit.record(call.account.id, 'auth.signOut');
      sessions.end(call.callerKey);
      return null;
    },
    'auth.session': (_input, call) => sessionView(call),
    'auth.lock': (_input, call) => {
      call.session!.locked = true;
      return null;
    },
    'auth.unlock': async (input, call) => {
      if (!(await accounts.checkSecret(actor(call), input.secret))) {
        // Wrong PIN on the lock screen counts like a wrong sign-in: it ends the session.
        sessions.end(call.callerKey);
        audit.record(actor(call), 'auth.unlock.failed', actor(call));
        throw new DeskFailure('UNAUTHENTICATED', say('errors.wrongCredentials', { left: '-' }));
      }
      call.session!.locked = false;
      sessions.touch(call.session!);
      return sessionView(call)!;
    },
    'auth.changeSecret': async (input, call) => {
      if (!(await accounts.checkSecret(actor(call), input.current))) {
        throw new DeskFailure('VALIDATION', say('errors.wrongCurrentSecret'), {
          current: say('errors.wrongCurrentSecret'),
        });
      }
      await accounts.setSecret(actor(call), actor(call), input.next);
      return null;
    },

    'accounts.list': () => accounts.list(),
    'accounts.officers': () =>
      accounts.list().map((a) => ({ id: a.id, displayName: a.displayName, disabled: a.disabled })),
    'accounts.create': (input, call) => accounts.create(actor(call), input),
    'accounts.update': (input, call) => {
      const view = accounts.update(actor(call), input);
      if (view.disabled) sessions.endAllFor(view.id);
      return view;
    },
    'accounts.resetSecret': async (input, call) => {
      await accounts.setSecret(actor(call), input.id, input.secret);
      if (input.id !== actor(call)) sessions.endAllFor(input.id);
      return null;
    },
  } satisfies Handlers<'setup' | 'auth' | 'accounts'>;
}
