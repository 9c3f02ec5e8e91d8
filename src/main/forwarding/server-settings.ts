/**
 * The central server's settings: URL, desk token (sealed, never returned), extra CA, on/off, how often
 * to pull changes, and the one host an admin may allow over plain http. HTTPS is required everywhere
 * else but loopback: the desk sends NIK, names and phone numbers.
 */
import { say } from '../../shared/i18n';
import type { AuditTrail } from '../platform/audit-trail';
import { DeskFailure } from '../platform/failure';
import type { CoreContext } from '../platform/context';
import type { SyncState } from './state';

export interface ServerSettings {
  url: string;
  tokenEnc: string | null;
  caCertificate: string | null;
  enabled: boolean;
  /** A host an admin allowed over plain http (recorded in the audit, shown as a standing warning). */
  plainHttpHost?: string | null;
  pullEverySeconds?: number;
}

export interface ServerSettingsInput {
  url: string;
  token?: string | undefined;
  caCertificate?: string | undefined;
  enabled: boolean;
  plainHttpHost?: string | undefined;
  pullEverySeconds?: number | undefined;
}

export const defaultPullEverySeconds = 60;

const isLoopback = (host: string) =>
  host === 'localhost' || host === '[::1]' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

/** Why a URL may not be used ('httpsRequired', 'urlPlain'), or null when it may. */
export function urlProblem(url: string, plainHttpHost: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'url';
  }
  if (parsed.username || parsed.password || parsed.search || parsed.hash) return 'urlPlain';
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol !== 'http:') return 'url';
  const host = parsed.hostname.toLowerCase();
  if (isLoopback(host)) return null;
  return plainHttpHost && host === plainHttpHost.toLowerCase() ? null : 'httpsRequired';
}

export function createServerSettings(ctx: CoreContext, state: SyncState, audit: AuditTrail) {
  const { cipher } = ctx;
  const row = () => state.get<ServerSettings>('server');

  return {
    row,
    token(): string | null {
      const s = row();
      return s?.tokenEnc ? cipher.decrypt('secret', s.tokenEnc) : null;
    },
    /** The settings a usable client needs, or null with nothing to do until an admin changes them. */
    usable(): (ServerSettings & { tokenEnc: string }) | null {
      const s = row();
      if (!s?.enabled || !s.url || !s.tokenEnc) return null;
      if (urlProblem(s.url, s.plainHttpHost)) return null;
      return s as ServerSettings & { tokenEnc: string };
    },
    pullEveryMs: () => (row()?.pullEverySeconds ?? defaultPullEverySeconds) * 1000,
    view() {
      const s = row();
      return {
        url: s?.url ?? '',
        tokenSet: Boolean(s?.tokenEnc),
        caCertificate: s?.caCertificate ?? '',
        enabled: Boolean(s?.enabled),
        plainHttpHost: s?.plainHttpHost ?? '',
        pullEverySeconds: s?.pullEverySeconds ?? defaultPullEverySeconds,
      };
    },
    /** Returns whether the token changed (the fix for a 401/403 pause). */
    save(actorId: string, input: ServerSettingsInput): { tokenChanged: boolean } {
      const previous = row();
      const plainHttpHost =
        input.plainHttpHost === undefined
          ? (previous?.plainHttpHost ?? null)
          : input.plainHttpHost.trim().toLowerCase() || null;
      const problem = urlProblem(input.url, plainHttpHost);
      if (problem) {
        const message = say(`validation.${problem}`);
        throw new DeskFailure('VALIDATION', say('errors.VALIDATION'), { url: message });
      }
      state.set('server', {
        url: input.url,
        tokenEnc: input.token ? cipher.encrypt('secret', input.token) : (previous?.tokenEnc ?? null),
        caCertificate:
          input.caCertificate === undefined ? (previous?.caCertificate ?? null) : input.caCertificate || null,
        enabled: input.enabled,
        plainHttpHost,
        pullEverySeconds: input.pullEverySeconds ?? previous?.pullEverySeconds ?? defaultPullEverySeconds,
      } satisfies ServerSettings);
      audit.record(actorId, 'forwarding.settings', null, {
        url: input.url,
        enabled: input.enabled,
        tokenChanged: Boolean(input.token),
        pullEverySeconds: input.pullEverySeconds ?? null,
      });
      if (plainHttpHost !== (previous?.plainHttpHost ?? null))
        audit.record(
          actorId,
          plainHttpHost ? 'forwarding.plainHttpAllowed' : 'forwarding.plainHttpRevoked',
          plainHttpHost,
        );
      return { tokenChanged: Boolean(input.token) };
    },
  };
}
export type ServerSettingsStore = ReturnType<typeof createServerSettings>;
