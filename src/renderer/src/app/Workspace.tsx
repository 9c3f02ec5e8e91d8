/** The signed-in frame: header, navigation by role, and the chosen screen. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/contract';
import { roleAtLeast, type Role } from '../../../shared/domain/roles';
import { api } from '../api/client';
import { AccountsScreen } from '../features/accounts/AccountsScreen';
import { AuditScreen } from '../features/audit/AuditScreen';
import { HomeScreen } from '../features/home/HomeScreen';
import { ReferenceScreen } from '../features/reference/ReferenceScreen';
import { ChangeSecretScreen } from '../features/settings/ChangeSecretScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { setLanguage } from '../i18n';
import type { SessionInfo } from './App';

const screens = [
  { key: 'home', label: 'ui.shell.home', minRole: 'officer' },
  { key: 'accounts', label: 'ui.shell.accounts', minRole: 'admin' },
  { key: 'reference', label: 'ui.shell.reference', minRole: 'admin' },
  { key: 'audit', label: 'ui.shell.audit', minRole: 'supervisor' },
  { key: 'settings', label: 'ui.shell.settings', minRole: 'admin' },
  { key: 'changeSecret', label: 'ui.shell.changeSecret', minRole: 'officer' },
] as const satisfies ReadonlyArray<{ key: string; label: string; minRole: Role }>;
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
  const [screen, setScreen] = useState<ScreenKey>('home');
  const role = session.account.role;
  const visible = screens.filter((s) => roleAtLeast(role, s.minRole));

  async function signOut() {
    await api['auth.signOut']({});
    onSessionChange();
  }
  async function lockNow() {
    await api['auth.lock']({});
    onSessionChange();
  }

  return (
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
        {screen === 'home' && <HomeScreen status={status} />}
        {screen === 'accounts' && <AccountsScreen selfId={session.account.id} />}
        {screen === 'reference' && <ReferenceScreen />}
        {screen === 'audit' && <AuditScreen />}
        {screen === 'settings' && <SettingsScreen />}
        {screen === 'changeSecret' && <ChangeSecretScreen />}
      </main>
    </div>
  );
}
