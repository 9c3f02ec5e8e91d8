/** The signed-in frame: header, navigation by role, and the chosen screen. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/contract';
import { roleAtLeast, type Role } from '../../../shared/domain/roles';
import { api } from '../api/client';
import { AccountsScreen } from '../features/accounts/AccountsScreen';
import { AuditScreen } from '../features/audit/AuditScreen';
import { HomeScreen } from '../features/home/HomeScreen';
import { IntakeScreen } from '../features/intake/IntakeScreen';
import { QueueScreen } from '../features/queue/QueueScreen';
import { ReferenceScreen } from '../features/reference/ReferenceScreen';
import { ForwardingBar } from '../features/forwarding/ForwardingBar';
import { ForwardingScreen } from '../features/forwarding/ForwardingScreen';
import { SnippetsScreen } from '../features/snippets/SnippetsScreen';
import { PrintersScreen } from '../features/receipts/PrintersScreen';
import { ChangeSecretScreen } from '../features/settings/ChangeSecretScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { setLanguage } from '../i18n';
import type { SessionInfo } from '../data/session';
import { HolidayWarning } from './HolidayWarning';
import { ReferenceProvider } from '../data/reference';

const screens = [
  { key: 'intake', label: 'ui.shell.intake', minRole: 'officer', shortcut: 'N' },
  { key: 'queue', label: 'ui.shell.queue', minRole: 'officer', shortcut: 'A' },
  { key: 'home', label: 'ui.shell.home', minRole: 'officer' },
  { key: 'accounts', label: 'ui.shell.accounts', minRole: 'admin' },
  { key: 'reference', label: 'ui.shell.reference', minRole: 'admin' },
  { key: 'snippets', label: 'ui.shell.snippets', minRole: 'supervisor' },
  { key: 'forwarding', label: 'ui.shell.forwarding', minRole: 'supervisor' },
  { key: 'audit', label: 'ui.shell.audit', minRole: 'supervisor' },
  { key: 'settings', label: 'ui.shell.settings', minRole: 'admin' },
  { key: 'printers', label: 'ui.shell.printers', minRole: 'admin' },
  { key: 'changeSecret', label: 'ui.shell.changeSecret', minRole: 'officer' },
] as const satisfies ReadonlyArray<{ key: string; label: string; minRole: Role; shortcut?: string }>;
type ScreenKey = (typeof screens)[number]['key'];

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
  const visible = screens.filter((s) => roleAtLeast(role, s.minRole));

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
          {screen === 'intake' && (
            <IntakeScreen
              shell={status.shell}
              onOpenComplaint={(id) => {
                setOpenId(id);
                setScreen('queue');
              }}
            />
          )}
          {screen === 'queue' && (
            <QueueScreen
              openId={openId}
              setOpenId={setOpenId}
              canReveal={roleAtLeast(role, 'supervisor')}
              shell={status.shell}
            />
          )}
          {screen === 'home' && <HomeScreen status={status} />}
          {screen === 'accounts' && <AccountsScreen selfId={session.account.id} />}
          {screen === 'reference' && <ReferenceScreen />}
          {screen === 'snippets' && <SnippetsScreen />}
          {screen === 'forwarding' && (
            <ForwardingScreen
              isAdmin={role === 'admin'}
              onOpenComplaint={(id) => {
                setOpenId(id);
                setScreen('queue');
              }}
            />
          )}
          {screen === 'audit' && <AuditScreen />}
          {screen === 'settings' && <SettingsScreen />}
          {screen === 'printers' && <PrintersScreen shell={status.shell} />}
          {screen === 'changeSecret' && <ChangeSecretScreen />}
        </main>
      </div>
    </ReferenceProvider>
  );
}
