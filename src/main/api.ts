/**
 * The dispatcher: every contract method -> its handler (each feature owns its slice of the table),
 * behind one dispatch that validates input (zod), enforces the caller's role and screen lock, serves
 * the call in the caller's language, and maps every outcome to { ok: true, value } or
 * { ok: false, error }. Transport-agnostic: the Electron IPC bridge and the browser-mode HTTP host
 * both call dispatch(), so both get exactly the same checks.
 */
import { contract, isMethodName, type MethodName } from '../shared/contract';
import { roleAtLeast } from '../shared/domain/roles';
import { say, type Language } from '../shared/i18n';
import { fail, ok, type ErrorCode, type Result } from '../shared/result';
import { inLanguage } from './platform/language';
import { accountHandlers } from './accounts/handlers';
import { attachmentHandlers } from './attachments/handlers';
import { auditHandlers } from './audit/handlers';
import { backupHandlers } from './backups/handlers';
import { trailHandlers } from './trail/handlers';
import { privacyHandlers } from './privacy/handlers';
import { complaintHandlers } from './complaints/handlers';
import type { Core } from './core';
import { forwardingHandlers } from './forwarding/handlers';
import type { Call, Handler, HandlerTable } from './platform/handlers';
import { receiptHandlers } from './receipts/handlers';
import { referenceHandlers } from './reference/handlers';
import { reportHandlers } from './reports/handlers';
import { reviewHandlers } from './review/handlers';
import { settingsHandlers } from './settings/handlers';
import { DeskFailure } from './platform/failure';
import { about } from './about';
import { exportProfile, importProfile } from './profile';
import { describeIssues, findForbiddenKey } from './platform/validation';

/** The whole handler table: the app's own methods here, each feature's slice from the feature. */
export function createHandlers(
  core: Core,
  /** The language each window asked for (app.setLanguage); a window that never said gets Indonesian. */
  languageOf = new Map<string, Language>(),
): HandlerTable {
  const reports = rateLimit(20, 60_000, () => core.ctx.clock().getTime());
  const table: HandlerTable = {
    'app.status': () => ({
      setupDone: core.accounts.isSetUp(),
      desk: core.settings.desk(),
      shell: core.shell,
      version: core.version,
      setupDefaults: { followUpContact: core.reference.defaultContact() },
    }),
    'app.about': () => about(core),
    'app.reportError': (input, call) => {
      // A page can report in a loop: a few a minute per window reach the log, the rest are dropped.
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
      // One entry per window or tab; a flood of made-up tab ids cannot grow it without bound.
      if (languageOf.size > 1000 && !languageOf.has(call.callerKey)) languageOf.clear();
      languageOf.set(call.callerKey, input.language);
      return null;
    },
    ...accountHandlers(core.accounts, core.sessions, core.settings, core.audit),
    ...settingsHandlers(core.settings, core.audit),
    ...auditHandlers(core.audit),
    ...referenceHandlers(core.reference),
    ...complaintHandlers(core),
    ...receiptHandlers(core.receipts),
    ...attachmentHandlers(core.attachments),
    ...forwardingHandlers(core.forwarding),
    ...reviewHandlers(core),
    ...backupHandlers(core.backups),
    ...trailHandlers(core.trail, core.audit),
    ...privacyHandlers(core.privacy),
    ...reportHandlers({ ...core, officerName: (id) => core.centralRecords.officerName(id) }),
    'profile.export': () => exportProfile(core),
    // The import applies each part through the handler that sets it (validation in one place).
    'profile.import': (input, call) => importProfile(core, table, call, input.text),
  };
  return table;
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
    inCallerLanguage(callerKey)(() => serve(method, rawInput, callerKey)).finally(() =>
      core.maintenance.settle(),
    );

  async function serve(method: string, rawInput: unknown, callerKey: string): Promise<Result<unknown>> {
    if (!isMethodName(method)) {
      refused(method, 'UNKNOWN_METHOD', callerKey);
      return fail('UNKNOWN_METHOD', say('errors.UNKNOWN_METHOD', { method: method.slice(0, 80) }));
    }
    const spec = contract[method];
    core.maintenance.touch();
    try {
      const badKey = findForbiddenKey(rawInput);
      if (badKey) refused(method, 'VALIDATION', callerKey);
      if (badKey)
        return fail('VALIDATION', say('errors.forbiddenKey', { key: badKey }), {
          [badKey]: say('errors.forbiddenKey', { key: badKey }),
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
        if (!call.session || !call.account) return fail('UNAUTHENTICATED', say('errors.UNAUTHENTICATED'));
        if (call.session.locked && !spec.whileLocked)
          return fail('SESSION_LOCKED', say('errors.SESSION_LOCKED'));
        if (!roleAtLeast(call.account.role, spec.access)) {
          core.audit.record(call.account.id, 'access.denied', method);
          refused(method, 'FORBIDDEN', callerKey);
          return fail('FORBIDDEN', say('errors.FORBIDDEN'));
        }
      }

      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success)
        return fail('VALIDATION', say('errors.VALIDATION'), describeIssues(parsed.error.issues, rawInput));

      const value = await (handlers[method] as Handler<MethodName>)(parsed.data as never, call);
      // A background poll (the status bar) is not a person at the desk: it must not keep the screen awake.
      if (call.session && !call.session.locked && method !== 'auth.session' && !spec.passive)
        core.sessions.touch(call.session);
      return ok(spec.output.parse(value));
    } catch (error) {
      if (error instanceof DeskFailure) return fail(error.code, error.text, error.fields);
      log.error('call.failed', error, { method });
      // The disk refused the write: SQLite rolled the transaction back whole; the screen keeps what was typed.
      const sqliteCode = (error as { code?: unknown }).code;
      if (sqliteCode === 'SQLITE_FULL') return fail('DISK_FULL', say('errors.diskFull'));
      if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_IOERR'))
        return fail('DISK_FULL', say('errors.diskError'));
      return fail('INTERNAL', say('errors.INTERNAL'));
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
