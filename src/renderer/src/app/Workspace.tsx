/** The signed-in frame: header, navigation by role, and the chosen screen. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/contract';
import { roleAtLeast } from '../../../shared/domain/roles';
import { api } from '../api/client';
import {
  ForwardingAlert,
  ForwardingStatusLine,
  useForwardingStatus,
} from '../features/forwarding/ForwardingBar';
import { installScanner, scanInProgress } from '../components/scanner';
import { errorText } from '../i18n';
import { CheatSheet } from './CheatSheet';
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
  const [forwarding, setForwarding] = useForwardingStatus();
  const [help, setHelp] = useState(false);
  const [scanNote, setScanNote] = useState<string | null>(null);
  const visibleKeys = visible.map((s) => s.key).join(',');

  // Alt+N: new complaint, Alt+A: queue (antrean)..., from anywhere; F1 or "?" the cheat sheet.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      const typing = ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable;
      if (e.key === 'F1' || (e.key === '?' && !typing && !scanInProgress(e))) {
        e.preventDefault();
        setHelp(true);
        return;
      }
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const to = screens.find(
        (s) =>
          'shortcut' in s && s.shortcut === e.key.toUpperCase() && visibleKeys.split(',').includes(s.key),
      );
      if (to) {
        e.preventDefault();
        setScreen(to.key);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [visibleKeys]);

  // A receipt's QR read by the scanner opens that record, from any screen.
  useEffect(
    () =>
      installScanner((receiptNumber) => {
        void api['complaints.findByReceipt']({ receiptNumber }).then((r) => {
          if (r.ok) {
            setScanNote(null);
            setOpenId(r.value.id);
            setScreen('queue');
          } else
            setScanNote(
              r.error.code === 'NOT_FOUND' ? t('ui.scan.notFound', { n: receiptNumber }) : errorText(r.error),
            );
        });
      }),
    [t],
  );

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
          <div className="topbar__site">
            <strong>{t('app.name')}</strong> · {status.desk?.code} · {status.desk?.siteName}
          </div>
          <ForwardingStatusLine status={forwarding} setStatus={setForwarding} />
          <div className="topbar__user">
            <button type="button" onClick={() => setHelp(true)} title="F1">
              {t('ui.help.button')}
            </button>
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
          <ForwardingAlert status={forwarding} setStatus={setForwarding} role={role} />
          {/* Only the admin can enter holidays, so only the admin is told they are missing. */}
          {roleAtLeast(role, leastRole('reference.saveHoliday')) ? <HolidayWarning /> : null}
          {scanNote ? (
            <p className="notice notice--warn" role="alert">
              {scanNote}{' '}
              <button type="button" className="link" onClick={() => setScanNote(null)}>
                {t('ui.detail.close')}
              </button>
            </p>
          ) : null}
          {screens.find((s) => s.key === screen)?.render(context)}
        </main>
        <CheatSheet open={help} onClose={() => setHelp(false)} />
      </div>
    </ReferenceProvider>
  );
}
