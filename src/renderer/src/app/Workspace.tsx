/** The signed-in frame: header, navigation by role, and the chosen screen. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/contract';
import { roleAtLeast } from '../../../shared/domain/roles';
import { api } from '../api/client';
import { ForwardingBar } from '../features/forwarding/ForwardingBar';
import { setLanguage } from '../i18n';
import type { SessionInfo } from '../data/session';
import { HolidayWarning } from './HolidayWarning';
import { ReferenceProvider } from '../data/reference';
import { leastRole, screens, type ScreenContext, type ScreenKey } from './screens';

export function Workspace({
  status,
  session,
  onSessionChange,
}: {
  status: MethodOutput<'app.status'>;
  session: SessionInfo;
  onSessionChange: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [screen, setScreen] = useState<ScreenKey>('intake');
  const [openId, setOpenId] = useState<string | null>(null);
  const role = session.account.role;
  const visible = screens.filter((s) => roleAtLeast(role, leastRole(s.method)));

  // Alt+N: new complaint, Alt+A: queue (antrean), from anywhere in the workspace.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const target = screens.find((s) => 'shortcut' in s && s.shortcut === e.key.toUpperCase());
      if (target) {
        e.preventDefault();
        setScreen(target.key);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const context: ScreenContext = {
    status,
    session,
    role,
    openId,
    setOpenId,
    openComplaint: (id) => {
      setOpenId(id);
      setScreen('queue');
    },
    show: (key) => setScreen(key as ScreenKey),
  };

  async function signOut() {
    await api['auth.signOut']({});
    onSessionChange();
  }
  async function lockNow() {
    await api['auth.lock']({});
    onSessionChange();
  }

  return (
    <ReferenceProvider>
      <div className="workspace">
        <header className="topbar">
          <div>
            <strong>{t('app.name')}</strong> · {status.desk?.code} · {status.desk?.siteName}
          </div>
          <div className="topbar__user">
            <span>
              {t('ui.shell.signedInAs', { name: session.account.displayName, role: t(`roles.${role}`) })}
            </span>
            <select
              aria-label={t('ui.language')}
              value={i18n.language}
              onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'id')}
            >
              <option value="id">Bahasa Indonesia</option>
              <option value="en">English</option>
            </select>
            <button type="button" onClick={lockNow}>
              {t('ui.shell.lockNow')}
            </button>
            <button type="button" onClick={signOut}>
              {t('ui.shell.signOut')}
            </button>
          </div>
        </header>
        <nav className="sidenav" aria-label="Menu">
          {visible.map((s) => (
            <button
              key={s.key}
              type="button"
              aria-current={screen === s.key ? 'page' : undefined}
              onClick={() => setScreen(s.key)}
            >
              {t(s.label)}
            </button>
          ))}
        </nav>
        <main className="content">
          <ForwardingBar />
          <HolidayWarning isAdmin={role === 'admin'} />
          {screens.find((s) => s.key === screen)?.render(context)}
        </main>
      </div>
    </ReferenceProvider>
  );
}
