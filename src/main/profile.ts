/**
 * A desk's profile, for setting up the next counter PC: its settings, time limits, reference-data
 * edits, printers and central server (never the token) as one validated file. Every part is checked
 * with the input schema of the method that sets it (the contract is the one definition), applied
 * through that method's handler, and the whole import is one transaction: a file with one bad line
 * changes nothing and names the line. Lives beside the dispatcher because it spans several features.
 */
import { z } from 'zod';
import { contract, type MethodName, type MethodParsedInput } from '../shared/contract';
import { wibDate } from '../shared/calendar/working-days';
import { say } from '../shared/i18n';
import type { Core } from './core';
import { DeskFailure } from './platform/failure';
import type { Call, Handler, HandlerTable } from './platform/handlers';
import { describeIssues } from './platform/validation';

export const profileFormat = 'meja-pengaduan/profil@1';
/** A real profile is a few tens of kilobytes; anything far larger is not one. */
export const maxProfileBytes = 1_000_000;

const sections = {
  holidays: 'reference.saveHoliday',
  agencies: 'reference.saveAgency',
  channels: 'reference.saveChannel',
  deadlineRules: 'settings.addDeadlineRule',
  printers: 'printers.save',
} as const satisfies Record<string, MethodName>;

const profileShape = z.strictObject({
  format: z.literal(profileFormat),
  exportedAt: z.string().max(40),
  deskCode: z.string().max(20),
  settings: z.record(z.string(), z.unknown()),
  holidays: z.array(z.unknown()).max(2000),
  agencies: z.array(z.unknown()).max(2000),
  channels: z.array(z.unknown()).max(200),
  categories: z
    .array(
      // As reference.all lists them (other fields, such as the LAPOR! code, are not set from here).
      z.object({
        id: z.number().int().positive(),
        name: z.string().min(1).max(120),
        parentId: z.number().int().positive().nullable(),
        active: z.boolean(),
      }),
    )
    .max(2000),
  deadlineRules: z.array(z.unknown()).max(500),
  printers: z.array(z.unknown()).max(50),
  forwarding: z.unknown(),
});

const withoutNulls = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as Partial<T>;

export function exportProfile(core: Core) {
  const ref = core.reference.all();
  const settings = core.settings.get();
  const server = core.forwarding.settings();
  const profile = {
    format: profileFormat,
    exportedAt: core.ctx.clock().toISOString(),
    deskCode: core.settings.deskCode(),
    settings,
    // As the methods that set them take them: an absent note or basis is left out, not null.
    holidays: ref.holidays.map(withoutNulls),
    agencies: ref.agencies.map(withoutNulls),
    channels: ref.channels.map(withoutNulls),
    categories: ref.categories,
    deadlineRules: core.settings.deadlineRules.list().map((r) => ({
      complaintType: r.complaintType,
      verifyWorkingDays: r.verifyWorkingDays,
      followUpWorkingDays: r.followUpWorkingDays,
      answerCalendarDays: r.answerCalendarDays,
      effectiveFrom: r.effectiveFrom,
    })),
    printers: core.receipts.listPrinters().map(({ id: _id, updatedAt: _u, ...p }) => p),
    // The central server without its token: each desk is given its own.
    forwarding: {
      url: server.url,
      caCertificate: server.caCertificate,
      enabled: server.enabled,
      plainHttpHost: server.plainHttpHost,
      pullEverySeconds: server.pullEverySeconds,
    },
  };
  return {
    text: JSON.stringify(profile, null, 2),
    fileName: `profil-meja-${profile.deskCode}-${wibDate(core.ctx.clock())}.json`,
  };
}

/** Validates one part with its method's input schema; a refusal names the line (e.g. agencies.3.name). */
function parsed<M extends MethodName>(method: M, value: unknown, path: string): MethodParsedInput<M> {
  const result = contract[method].input.safeParse(value);
  if (result.success) return result.data as MethodParsedInput<M>;
  const fields = Object.fromEntries(
    Object.entries(describeIssues(result.error.issues, value)).map(([k, m]) => [`${path}.${k}`, m]),
  );
  throw new DeskFailure(
    'VALIDATION',
    say('errors.profileInvalid', { where: Object.keys(fields)[0] ?? path }),
    fields,
  );
}

/** A refusal from a method the import applies, named by the line it came from (printers.0.address). */
function at<T>(where: string, apply: () => T): T {
  try {
    return apply();
  } catch (error) {
    if (!(error instanceof DeskFailure)) throw error;
    const fields = Object.fromEntries(
      Object.entries(error.fields ?? {}).map(([k, m]) => [`${where}.${k}`, m]),
    );
    throw new DeskFailure(
      error.code,
      say('errors.profileInvalid', { where: Object.keys(fields)[0] ?? where }),
      {
        [where]: error.text,
        ...fields,
      },
    );
  }
}

export function importProfile(core: Core, handlers: HandlerTable, call: Call, text: string) {
  if (Buffer.byteLength(text, 'utf8') > maxProfileBytes) {
    const message = say('errors.profileTooLarge');
    throw new DeskFailure('VALIDATION', message, { text: message });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const message = say('errors.profileNotJson');
    throw new DeskFailure('VALIDATION', message, { text: message });
  }
  const shape = profileShape.safeParse(raw);
  if (!shape.success) {
    const fields = describeIssues(shape.error.issues, raw);
    throw new DeskFailure(
      'VALIDATION',
      say('errors.profileInvalid', { where: Object.keys(fields)[0] ?? 'format' }),
      fields,
    );
  }
  const profile = shape.data;
  const today = wibDate(core.ctx.clock());
  const run = <M extends MethodName>(method: M, input: unknown) =>
    (handlers[method] as Handler<M>)(input as never, call);
  const applied: Record<string, number> = {};
  let skippedRules = 0;

  // Everything validated first, then applied in one transaction: all of it, or nothing.
  const settingsInput = parsed('settings.update', profile.settings, 'settings');
  const parts = Object.entries(sections).map(([section, method]) => ({
    section,
    method,
    items: (profile[section as keyof typeof sections] as unknown[]).map((item, i) =>
      parsed(method, item, `${section}.${i}`),
    ),
  }));
  const forwarding = parsed('forwarding.saveSettings', profile.forwarding, 'forwarding');

  core.ctx.sqlite.transaction(() => {
    for (const { section, method, items } of parts) {
      let n = 0;
      for (const [i, item] of items.entries()) {
        // A time limit from a day already past concerns records this desk never received.
        if (section === 'deadlineRules' && (item as { effectiveFrom: string }).effectiveFrom < today) {
          skippedRules++;
          continue;
        }
        const where = `${section}.${i}`;
        if (section === 'printers') {
          const same = core.receipts.listPrinters().find((p) => p.name === (item as { name: string }).name);
          at(where, () => run(method, same ? { ...(item as object), id: same.id } : item));
        } else at(where, () => run(method, item));
        n++;
      }
      applied[section] = n;
    }
    // Categories: the same seed gives the same ids; a category made on the other desk is made here.
    const known = new Map(core.reference.all().categories.map((c) => [c.id, c]));
    const idFor = new Map<number, number>();
    const ordered = [...profile.categories].sort(
      (a, b) => Number(a.parentId !== null) - Number(b.parentId !== null),
    );
    for (const c of ordered) {
      const parentId = c.parentId === null ? null : (idFor.get(c.parentId) ?? c.parentId);
      const here = known.get(c.id);
      const input =
        here && here.parentId === parentId
          ? { id: c.id, name: c.name, parentId, active: c.active }
          : { name: c.name, parentId, active: c.active };
      const saved = run(
        'reference.saveCategory',
        parsed('reference.saveCategory', input, `categories.${c.id}`),
      ) as { id: number };
      idFor.set(c.id, saved.id);
    }
    applied.categories = ordered.length;
    run('settings.update', settingsInput);
    // The token is never in a profile: the one this desk has (if any) is kept.
    run('forwarding.saveSettings', { ...forwarding, token: undefined });
  })();
  const tokenNeeded = forwarding.enabled && !core.forwarding.settings().tokenSet;
  core.audit.record(call.account!.id, 'profile.import', profile.deskCode, { applied, skippedRules });
  return { applied, skippedRules, tokenNeeded };
}
