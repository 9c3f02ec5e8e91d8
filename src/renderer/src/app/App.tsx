/** Which screen the desk shows: setup on first run, sign-in, the lock screen, or the workspace. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/contract';
import type { DeskError } from '../../../shared/result';
import { api, onAuthProblem } from '../api/client';
import { errorText } from '../i18n';
import type { SessionInfo } from '../data/session';
import { LockScreen } from '../features/auth/LockScreen';
import { SignInScreen } from '../features/auth/SignInScreen';
import { useIdleLock } from '../features/auth/useIdleLock';
import { SetupScreen } from '../features/setup/SetupScreen';
import { Workspace } from './Workspace';

type Status = MethodOutput<'app.status'>;

type Phase =
  | { kind: 'loading' }
  | { kind: 'failed'; error: DeskError }
  | { kind: 'setup'; status: Status }
  | { kind: 'signIn'; status: Status }
  | { kind: 'ready'; status: Status; session: SessionInfo };

/** Where the desk stands: asks main, never trusts what the page remembers. */
async function loadPhase(): Promise<Phase> {
  const status = await api['app.status']({});
  if (!status.ok) return { kind: 'failed', error: status.error };
  if (!status.value.setupDone) return { kind: 'setup', status: status.value };
  const session = await api['auth.session']({});
  if (!session.ok || !session.value) return { kind: 'signIn', status: status.value };
  return { kind: 'ready', status: status.value, session: session.value };
}

export function App() {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  const refresh = useCallback(() => void loadPhase().then(setPhase), []);

  useEffect(() => {
    let live = true;
    void loadPhase().then((p) => live && setPhase(p));
    const unsubscribe = onAuthProblem(refresh);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [refresh]);

  const session = phase.kind === 'ready' ? phase.session : null;
  useIdleLock(session && !session.locked ? session.idleLockMinutes : null, refresh);

  switch (phase.kind) {
    case 'loading':
      return <p className="centered">{t('ui.loading')}</p>;
    case 'failed':
      return (
        <p className="centered notice notice--error" role="alert">
          {errorText(phase.error)}
        </p>
      );
    case 'setup':
      return <SetupScreen onDone={refresh} />;
    case 'signIn':
      return <SignInScreen desk={phase.status.desk} onSignedIn={refresh} />;
    case 'ready':
      if (phase.session.locked) return <LockScreen session={phase.session} onChange={refresh} />;
      return <Workspace status={phase.status} session={phase.session} onSessionChange={refresh} />;
  }
}
