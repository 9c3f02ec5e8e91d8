/**
 * Always on screen: whether the central server is reachable, how many records wait and how many
 * are parked, the oldest waiting, the last success, and an alarm when something is stuck.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import { api } from '../../api/client';
import { wibDateTime } from '../../components/dates';

type Status = MethodOutput<'forwarding.status'>;

export function ForwardingBar() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);

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

  if (!status) return null;
  const cls =
    status.alarm || status.connection === 'paused' || status.warning || status.workerError
      ? 'fwd fwd--alarm'
      : status.parked
        ? 'fwd fwd--warn'
        : 'fwd';
  return (
    <section className={cls} aria-label={t('ui.forwarding.title')} aria-live="polite">
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
      {status.enabled ? (
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            const r = await api['forwarding.sendNow']({});
            setBusy(false);
            if (r.ok) setStatus(r.value);
          }}
        >
          {t('ui.forwarding.sendNow')}
        </button>
      ) : null}
    </section>
  );
}
