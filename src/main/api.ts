/**
 * The handler table: every contract method -> its service call, behind one dispatch that
 * validates input (zod), enforces the caller's role and screen lock, and maps every outcome to
 * { ok: true, value } | { ok: false, error }. Transport-agnostic: the Electron IPC bridge and the
 * browser-mode HTTP host both call dispatch(), so both get exactly the same checks.
 */
import {
  contract,
  isMethodName,
  type MethodName,
  type MethodOutput,
  type MethodParsedInput,
} from '../shared/contract';
import { roleAtLeast } from '../shared/domain/roles';
import { msg } from '../shared/i18n';
import { fail, ok, type ErrorCode, type Result } from '../shared/result';
import type { Language } from '../shared/i18n';
import { inLanguage } from './platform/language';
import { toAccountView } from './accounts/accounts';
import type { Session } from './accounts/sessions';
import type { Core } from './core';
import { DeskFailure } from './platform/failure';
import { describeIssues, findForbiddenKey } from './platform/validation';

type AccountRow = ReturnType<Core['accounts']['byId']>;

export interface Call {
  /** Identifies the window (ipc:<webContentsId>) or browser tab (http:<tab id>) calling. */
  callerKey: string;
  session: Session | null;
  account: AccountRow | null;
}

type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  call: Call,
) => MethodOutput<M> | Promise<MethodOutput<M>>;
export type HandlerTable = { [M in MethodName]: Handler<M> };

const actor = (call: Call) => call.account!.id;

export function createHandlers(
  core: Core,
  /** The language each window asked for (app.setLanguage); a window that never said gets Indonesian. */
  languageOf = new Map<string, Language>(),
): HandlerTable {
  const {
    accounts,
    sessions,
    settings,
    reference,
    complaints,
    audit,
    queue,
    actions,
    similar,
    corrections,
    snippets,
    drafts,
    receipts,
    forwarding,
  } = core;
  const reports = rateLimit(20, 60_000, () => core.ctx.clock().getTime());

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
    'app.status': () => {
      return {
        setupDone: accounts.isSetUp(),
        desk: settings.desk(),
        shell: core.shell,
        version: core.version,
        setupDefaults: { followUpContact: core.reference.defaultContact() },
      };
    },
    'app.reportError': (input, call) => {
      // A page can report in a loop: a few a minute per window reach the log, the rest are counted.
      if (reports.allow(call.callerKey))
        core.log.error(
          'renderer.error',
          Object.assign(new Error(input.message), { stack: input.stack ?? '' }),
          {
            where: input.where,
          },
        );
      return null;
    },
    'app.setLanguage': (input, call) => {
      languageOf.set(call.callerKey, input.language);
      return null;
    },
    'setup.initialize': (input) => {
      const { followUpContact, statusUrl, ...desk } = input;
      const done = accounts.setup(desk);
      // What the citizen's receipt says about where to ask: asked at setup, editable in Pengaturan.
      core.settings.update({ followUpContact: followUpContact ?? '', statusUrl: statusUrl ?? '' });
      return done;
    },

    'auth.signIn': async (input, call) => {
      if (!accounts.isSetUp()) throw new DeskFailure('SETUP_REQUIRED', msg('errors.SETUP_REQUIRED'));
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
        throw new DeskFailure('UNAUTHENTICATED', msg('errors.wrongCredentials', { left: '-' }));
      }
      call.session!.locked = false;
      sessions.touch(call.session!);
      return sessionView(call)!;
    },
    'auth.changeSecret': async (input, call) => {
      if (!(await accounts.checkSecret(actor(call), input.current))) {
        throw new DeskFailure('VALIDATION', msg('errors.wrongCurrentSecret'), {
          current: msg('errors.wrongCurrentSecret'),
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

    'settings.get': () => settings.get(),
    'settings.update': (input, call) => {
      const next = settings.update(input);
      audit.record(actor(call), 'settings.update', null, input);
      return next;
    },

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

    'complaints.create': (input, call) => complaints.create(actor(call), input),
    'complaints.get': (input) => complaints.get(input.id),
    'complaints.findByReceipt': (input) => complaints.findByReceipt(input.receiptNumber),
    'complaints.findByContact': (input) => complaints.findByContact(input),
    'complaints.revealPersonalData': (input, call) => complaints.reveal(actor(call), input.id, input.reason),
    'complaints.stats': () => complaints.stats(),
    'complaints.queue': (input) => queue.page(input),
    'complaints.count': (input) => queue.count(input),
    'complaints.act': (input, call) => actions.act(actor(call), input),
    'complaints.similar': (input) => similar.find(input),
    'complaints.correct': (input, call) => corrections.correct(actor(call), input),
    'receipts.print': (input, call) => receipts.print(actor(call), input),
    'receipts.prepare': (input, call) => receipts.prepare(actor(call), input),
    'printers.list': () => receipts.listPrinters(),
    'printers.save': (input, call) => receipts.savePrinter(actor(call), input),
    'printers.test': (input, call) => receipts.testPage(actor(call), input.id),
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
    'snippets.list': () => snippets.list(),
    'snippets.save': (input, call) => snippets.save(actor(call), input),
    'drafts.get': (_input, call) => drafts.get(actor(call)),
    'drafts.save': (input, call) => {
      drafts.save(actor(call), input.data);
      return null;
    },
    'drafts.clear': (_input, call) => {
      drafts.clear(actor(call));
      return null;
    },

    'audit.list': (input) => audit.list(input.limit, input.beforeId),
  };
}

export interface Api {
  dispatch(method: string, rawInput: unknown, callerKey: string): Promise<Result<unknown>>;
}

export function createApi(core: Core): Api {
  const languageOf = new Map<string, Language>();
  const handlers = createHandlers(core, languageOf);
  const inCallerLanguage = (callerKey: string) => {
    const language = languageOf.get(callerKey) ?? 'id';
    return <T>(work: () => T) => inLanguage(language, work);
  };
  const { log } = core;
  /** A call turned away for what it is (unknown, not allowed, hostile keys): logged for support. */
  const refused = (method: string, code: ErrorCode, callerKey: string) => {
    log.warn('call.refused', { method: method.slice(0, 80), code, caller: callerKey.split(':')[0] });
  };

  const dispatch = (method: string, rawInput: unknown, callerKey: string): Promise<Result<unknown>> =>
    inCallerLanguage(callerKey)(() => serve(method, rawInput, callerKey));

  async function serve(method: string, rawInput: unknown, callerKey: string): Promise<Result<unknown>> {
    if (!isMethodName(method)) {
      refused(method, 'UNKNOWN_METHOD', callerKey);
      return fail('UNKNOWN_METHOD', msg('errors.UNKNOWN_METHOD', { method: method.slice(0, 80) }));
    }
    const spec = contract[method];
    core.maintenance.touch();
    try {
      const badKey = findForbiddenKey(rawInput);
      if (badKey) refused(method, 'VALIDATION', callerKey);
      if (badKey)
        return fail('VALIDATION', msg('errors.forbiddenKey', { key: badKey }), {
          [badKey]: msg('errors.forbiddenKey', { key: badKey }),
        });

      const call: Call = { callerKey, session: null, account: null };
      if (spec.access !== 'public' || method === 'auth.signOut' || method === 'auth.session') {
        const session = core.sessions.get(callerKey, core.settings.get().idleLockMinutes) ?? null;
        const account = session ? (core.accounts.findById(session.accountId) ?? null) : null;
        if (session && (!account || account.disabled)) core.sessions.end(callerKey);
        if (session && account && !account.disabled) {
          call.session = session;
          call.account = account;
        }
      }
      if (spec.access !== 'public') {
        if (!call.session || !call.account) return fail('UNAUTHENTICATED', msg('errors.UNAUTHENTICATED'));
        if (call.session.locked && !spec.whileLocked)
          return fail('SESSION_LOCKED', msg('errors.SESSION_LOCKED'));
        if (!roleAtLeast(call.account.role, spec.access)) {
          core.audit.record(call.account.id, 'access.denied', method);
          refused(method, 'FORBIDDEN', callerKey);
          return fail('FORBIDDEN', msg('errors.FORBIDDEN'));
        }
      }

      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success)
        return fail('VALIDATION', msg('errors.VALIDATION'), describeIssues(parsed.error.issues, rawInput));

      const value = await (handlers[method] as Handler<MethodName>)(parsed.data as never, call);
      // A background poll (the status bar) is not a person at the desk: it must not keep the screen awake.
      if (call.session && !call.session.locked && method !== 'auth.session' && !spec.passive)
        core.sessions.touch(call.session);
      return ok(spec.output.parse(value));
    } catch (error) {
      if (error instanceof DeskFailure) return fail(error.code, error.message, error.fields);
      log.error('call.failed', error, { method });
      return fail('INTERNAL', msg('errors.INTERNAL'));
    }
  }

  return { dispatch };
}

/** At most `max` events per key in any `windowMs`. */
function rateLimit(max: number, windowMs: number, now: () => number) {
  const seen = new Map<string, number[]>();
  return {
    allow(key: string): boolean {
      const t = now();
      const recent = (seen.get(key) ?? []).filter((x) => t - x < windowMs);
      if (seen.size > 1000) seen.clear();
      seen.set(key, recent.length < max ? [...recent, t] : recent);
      return recent.length < max;
    },
  };
}
