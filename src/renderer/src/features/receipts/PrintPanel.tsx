/**
 * Printing a receipt from the screen: on the default printer, again (SALINAN), on another
 * printer, or through the browser's own print dialog (browser mode: print or save as PDF).
 * A failure says what went wrong; the complaint is saved either way.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorNotice, InfoNotice } from '../../components/Notice';
import { useQuery } from '../../components/useQuery';
import { useSubmit } from '../../components/useSubmit';

export function PrintPanel({
  complaintId,
  shell,
  onPrinted,
}: {
  complaintId: string;
  shell: 'electron' | 'browser';
  /** Called after a print or a browser receipt page was made (the history has a new CETAK event). */
  onPrinted?: () => void;
}) {
  const { t } = useTranslation();
  const { data: printers } = useQuery(() => api['printers.list']({}));
  const active = (printers ?? []).filter((p) => p.active);
  const [printerId, setPrinterId] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [paper, setPaper] = useState<'58mm' | '80mm' | 'A4'>('80mm');
  const job = useSubmit();
  const chosen = printerId || active.find((p) => p.isDefault)?.id || active[0]?.id || '';

  async function print() {
    setDone(null);
    const r = await job.run(() =>
      api['receipts.print']({ id: complaintId, ...(chosen ? { printerId: chosen } : {}) }),
    );
    if (r) {
      setDone(
        t(r.copy ? 'ui.print.doneCopy' : 'ui.print.done', { printer: r.printer }) +
          (r.file ? ` (${r.file})` : ''),
      );
      onPrinted?.();
    }
  }

  async function viaBrowser() {
    setDone(null);
    const r = await job.run(() => api['receipts.prepare']({ id: complaintId, paper }));
    if (r) {
      window.open(r.url, '_blank', 'noopener');
      onPrinted?.();
    }
  }

  return (
    <div className="print-panel" role="group" aria-label={t('ui.print.title')}>
      <ErrorNotice error={job.error} />
      <InfoNotice text={done} />
      {active.length ? (
        <div className="actions">
          {active.length > 1 ? (
            <select
              aria-label={t('ui.print.printer')}
              value={chosen}
              onChange={(e) => setPrinterId(e.target.value)}
            >
              {active.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          ) : null}
          <button type="button" className="primary" onClick={print} disabled={job.busy}>
            {job.error || done ? t('ui.print.reprint') : t('ui.print.print')}
          </button>
        </div>
      ) : (
        <p className="muted">{t('errors.noPrinter')}</p>
      )}
      {shell === 'browser' ? (
        <div className="actions">
          <select
            aria-label={t('fields.paper')}
            value={paper}
            onChange={(e) => setPaper(e.target.value as typeof paper)}
          >
            <option value="58mm">58 mm</option>
            <option value="80mm">80 mm</option>
            <option value="A4">A4</option>
          </select>
          <button type="button" onClick={viaBrowser} disabled={job.busy}>
            {t('ui.print.viaBrowser')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
