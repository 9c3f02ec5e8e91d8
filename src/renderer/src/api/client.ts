/**
 * The renderer's one door to main: window.desk when Electron's preload is there, otherwise the
 * browser-mode HTTP client with the same shape. Components never know which.
 */
import { methodNames, type DeskApi } from '../../../shared/contract';
import { render, say } from '../../../shared/i18n';
import type { ErrorCode, Result } from '../../../shared/result';

declare global {
  interface Window {
    desk?: DeskApi;
  }
}

const tokenKey = 'desk.launchToken';
const tabKey = 'desk.tabId';

/** Takes the launch token from #token=… once, keeps it for this tab, and clears it from the URL. */
function launchToken(): string | null {
  const match = /[#&]token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(tokenKey, match[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(tokenKey);
}

function tabId(): string {
  let id = sessionStorage.getItem(tabKey);
  if (!id) {
    id = crypto.randomUUID();
    sessionStorage.setItem(tabKey, id);
  }
  return id;
}

/** A refusal made here, carried as a key so the screen shows it in its language (see i18n.errorText). */
const refusal = (code: ErrorCode, key: string): Result<never> => ({
  ok: false,
  error: { code, message: render(say(key)), text: say(key) },
});

function httpApi(): DeskApi {
  const token = launchToken();
  const tab = tabId();
  const call = async (name: string, input: unknown): Promise<Result<unknown>> => {
    if (!token) {
      return refusal('UNAUTHENTICATED', 'errors.browserToken');
    }
    try {
      const response = await fetch(`/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'X-Desk-Tab': tab },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as Result<unknown>;
    } catch {
      return refusal('INTERNAL', 'errors.deskNotAnswering');
    }
  };
  return Object.fromEntries(methodNames.map((n) => [n, (input: unknown) => call(n, input)])) as DeskApi;
}

type AuthListener = (code: 'SESSION_LOCKED' | 'UNAUTHENTICATED') => void;
const authListeners = new Set<AuthListener>();

/** Tells the app shell when main says the screen is locked or the session is gone. */
export function onAuthProblem(listener: AuthListener): () => void {
  authListeners.add(listener);
  return () => authListeners.delete(listener);
}

function watched(inner: DeskApi): DeskApi {
  return Object.fromEntries(
    methodNames.map((name) => [
      name,
      async (input: unknown) => {
        const result = await (inner[name] as (i: unknown) => Promise<Result<unknown>>)(input);
        if (!result.ok && !name.startsWith('auth.')) {
          const code = result.error.code;
          if (code === 'SESSION_LOCKED' || code === 'UNAUTHENTICATED') authListeners.forEach((l) => l(code));
        }
        return result;
      },
    ]),
  ) as DeskApi;
}

export const api: DeskApi = watched(window.desk ?? httpApi());
