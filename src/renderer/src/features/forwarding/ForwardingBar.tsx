/**
 * Whether records reach the central server. Everyone sees one compact line in the top bar
 * (connected or not, how many wait); those who can act on a problem (a supervisor for parked
 * records and alarms, the admin for the server settings) also see a bar that says what is wrong.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import { roleAtLeast, type Role } from '../../../../shared/domain/roles';
import { api } from '../../api/client';
import { wibDateTime } from '../../components/dates';

export type ForwardingStatus = MethodOutput<'forwarding.status'>;

/** The forwarding status, polled every five seconds while the workspace is open. */
export function useForwardingStatus() {
  const [status, setStatus] = useState<ForwardingStatus | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => void api['forwarding.status']({}).then((r) => live && r.ok && setStatus(r.value));
    load();
    const timer = window.setInterval(load, 5000);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, []);
  return [status, setStatus] as const;
}

function SendNow({ onDone }: { onDone: (s: ForwardingStatus) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        const r = await api['forwarding.sendNow']({});
        setBusy(false);
        if (r.ok) onDone(r.value);
      }}
    >
      {t('ui.forwarding.sendNow')}
    </button>
  );
}

/** The top bar's line: connection and how many wait, and Kirim sekarang when something waits. */
export function ForwardingStatusLine({
  status,
  setStatus,
}: {
  status: ForwardingStatus | null;
  setStatus: (s: ForwardingStatus) => void;
}) {
  const { t } = useTranslation();
  if (!status) return null;
  const bad = status.connection !== 'online';
  return (
    <section
      className={bad ? 'fwd-line fwd-line--off' : 'fwd-line'}
      aria-label={t('ui.forwarding.title')}
      aria-live="polite"
    >
      <span className="fwd-line__dot" aria-hidden="true" />
      <span>{t(`ui.forwarding.connection.${status.connection}`)}</span>
      <span>· {t('ui.forwarding.waiting', { n: status.waiting })}</span>
      {status.enabled && status.waiting > 0 ? <SendNow onDone={setStatus} /> : null}
    </section>
  );
}

/** What needs someone's action, for the role that can act on it; nothing when all is well. */
export function needsAttention(status: ForwardingStatus, role: Role): boolean {
  if (!roleAtLeast(role, 'supervisor')) return false;
  if (status.alarm || status.parked > 0 || status.workerError || status.connection === 'paused') return true;
  return role === 'admin' && (!status.configured || !status.enabled || status.warning !== null);
}

export function ForwardingAlert({
  status,
  setStatus,
  role,
}: {
  status: ForwardingStatus | null;
  setStatus: (s: ForwardingStatus) => void;
  role: Role;
}) {
  const { t } = useTranslation();
  if (!status || !needsAttention(status, role)) return null;
  const cls =
    status.alarm || status.connection === 'paused' || status.warning || status.workerError
      ? 'fwd fwd--alarm'
      : status.parked
        ? 'fwd fwd--warn'
        : 'fwd';
  return (
    <section className={cls} aria-label={t('ui.forwarding.attention')}>
      <strong>{t(`ui.forwarding.connection.${status.connection}`)}</strong>
      <span>{t('ui.forwarding.waiting', { n: status.waiting })}</span>
      <span>{t('ui.forwarding.parked', { n: status.parked })}</span>
      {status.held ? <span>{t('ui.forwarding.held', { n: status.held })}</span> : null}
      {status.oldestWaitingAt ? (
        <span>{t('ui.forwarding.oldest', { at: wibDateTime(status.oldestWaitingAt) })}</span>
      ) : null}
      <span>
        {status.lastSuccessAt
          ? t('ui.forwarding.lastSuccess', { at: wibDateTime(status.lastSuccessAt) })
          : t('ui.forwarding.never')}
      </span>
      {status.alarm ? <b>{t('ui.forwarding.alarm')}</b> : null}
      {status.workerError ? (
        <b role="alert">
          {t('ui.forwarding.workerError', {
            at: wibDateTime(status.workerError.at),
            message: status.workerError.message,
          })}
        </b>
      ) : null}
      {status.pausedReason ? <b>{t('ui.forwarding.paused', { reason: status.pausedReason })}</b> : null}
      {status.warning === 'plainHttp' ? (
        <b>{t('ui.forwarding.warnPlainHttp', { host: status.plainHttpHost })}</b>
      ) : status.warning === 'urlRefused' ? (
        <b>{t('ui.forwarding.warnUrlRefused')}</b>
      ) : null}
      {status.enabled ? <SendNow onDone={setStatus} /> : null}
    </section>
  );
}
