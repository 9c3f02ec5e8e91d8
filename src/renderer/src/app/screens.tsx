/**
 * The screens of the workspace, in menu order: key, label, shortcut, the contract method whose
 * access decides who sees the screen (so the menu and main's role check cannot disagree), and how
 * to show it. The workspace maps over this list; a new screen is one entry here.
 */
import type { ReactNode } from 'react';
import { ReportsScreen } from '../features/reports/ReportsScreen';
import { ReviewScreen } from '../features/review/ReviewScreen';
import { contract, type MethodName, type MethodOutput } from '../../../shared/contract';
import { roleAtLeast, type Role } from '../../../shared/domain/roles';
import { AccountsScreen } from '../features/accounts/AccountsScreen';
import { AuditScreen } from '../features/audit/AuditScreen';
import { AboutScreen } from '../features/about/AboutScreen';
import { BackupsScreen } from '../features/backups/BackupsScreen';
import { PrivacyScreen } from '../features/privacy/PrivacyScreen';
import { ForwardingScreen } from '../features/forwarding/ForwardingScreen';
import { HomeScreen } from '../features/home/HomeScreen';
import { IntakeScreen } from '../features/intake/IntakeScreen';
import { QueueScreen } from '../features/queue/QueueScreen';
import { PrintersScreen } from '../features/receipts/PrintersScreen';
import { ReferenceScreen } from '../features/reference/ReferenceScreen';
import { ChangeSecretScreen } from '../features/settings/ChangeSecretScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { SnippetsScreen } from '../features/snippets/SnippetsScreen';
import type { SessionInfo } from '../data/session';

export interface ScreenContext {
  status: MethodOutput<'app.status'>;
  session: SessionInfo;
  role: Role;
  /** The complaint open in the queue's detail pane. */
  openId: string | null;
  setOpenId: (id: string | null) => void;
  /** Shows a complaint in the queue, from any screen. */
  openComplaint: (id: string) => void;
  /** Goes to another screen (by its key). */
  show: (key: string) => void;
}

interface ScreenSpec {
  key: string;
  label: string;
  /** The method the screen is for: its access in the contract is who may see the screen. */
  method: MethodName;
  shortcut?: string;
  render: (c: ScreenContext) => ReactNode;
}

/** The least role a method allows (a public method: any signed-in officer). */
export const leastRole = (method: MethodName): Role => {
  const access = contract[method].access;
  return access === 'public' ? 'officer' : access;
};

export const screens = [
  {
    key: 'intake',
    label: 'ui.shell.intake',
    method: 'complaints.create',
    shortcut: 'N',
    render: (c) => <IntakeScreen shell={c.status.shell} onOpenComplaint={c.openComplaint} />,
  },
  {
    key: 'queue',
    label: 'ui.shell.queue',
    method: 'complaints.queue',
    shortcut: 'A',
    render: (c) => (
      <QueueScreen
        openId={c.openId}
        setOpenId={c.setOpenId}
        canReveal={roleAtLeast(c.role, leastRole('complaints.revealPersonalData'))}
        supervisor={roleAtLeast(c.role, 'supervisor')}
        shell={c.status.shell}
      />
    ),
  },
  {
    key: 'review',
    label: 'ui.shell.review',
    method: 'review.day',
    shortcut: 'T',
    render: (c) => <ReviewScreen shell={c.status.shell} />,
  },
  {
    key: 'reports',
    label: 'ui.shell.reports',
    method: 'reports.figures',
    shortcut: 'L',
    render: (c) => <ReportsScreen shell={c.status.shell} />,
  },
  {
    key: 'home',
    label: 'ui.shell.home',
    method: 'complaints.stats',
    render: (c) => (
      <HomeScreen
        status={c.status}
        onOpenComplaint={c.openComplaint}
        supervisor={roleAtLeast(c.role, leastRole('review.day'))}
        manageBackups={roleAtLeast(c.role, leastRole('backups.list'))}
        show={c.show}
      />
    ),
  },
  {
    key: 'accounts',
    label: 'ui.shell.accounts',
    method: 'accounts.list',
    render: (c) => <AccountsScreen selfId={c.session.account.id} />,
  },
  {
    key: 'reference',
    label: 'ui.shell.reference',
    method: 'reference.saveAgency',
    render: () => <ReferenceScreen />,
  },
  { key: 'snippets', label: 'ui.shell.snippets', method: 'snippets.save', render: () => <SnippetsScreen /> },
  {
    key: 'forwarding',
    label: 'ui.shell.forwarding',
    method: 'forwarding.parked',
    render: (c) => (
      <ForwardingScreen
        isAdmin={roleAtLeast(c.role, leastRole('forwarding.saveSettings'))}
        onOpenComplaint={c.openComplaint}
      />
    ),
  },
  { key: 'audit', label: 'ui.shell.audit', method: 'audit.list', render: () => <AuditScreen /> },
  {
    key: 'privacy',
    label: 'ui.shell.privacy',
    method: 'privacy.find',
    render: (c) => <PrivacyScreen canPurge={roleAtLeast(c.role, leastRole('privacy.purgeExpired'))} />,
  },
  { key: 'backups', label: 'ui.shell.backups', method: 'backups.list', render: () => <BackupsScreen /> },
  {
    key: 'settings',
    label: 'ui.shell.settings',
    method: 'settings.update',
    render: () => <SettingsScreen />,
  },
  {
    key: 'printers',
    label: 'ui.shell.printers',
    method: 'printers.save',
    render: (c) => <PrintersScreen shell={c.status.shell} />,
  },
  { key: 'about', label: 'ui.shell.about', method: 'app.about', render: () => <AboutScreen /> },
  {
    key: 'changeSecret',
    label: 'ui.shell.changeSecret',
    method: 'auth.changeSecret',
    render: () => <ChangeSecretScreen />,
  },
] as const satisfies readonly ScreenSpec[];

export type ScreenKey = (typeof screens)[number]['key'];
