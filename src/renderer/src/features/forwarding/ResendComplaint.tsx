/** For a supervisor: send a complaint and its whole history to the central server again (it is idempotent). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorNotice, InfoNotice } from '../../components/Notice';
import { useSubmit } from '../../components/useSubmit';

export function ResendComplaint({ complaintId, onDone }: { complaintId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const resend = useSubmit();
  const [info, setInfo] = useState<string | null>(null);
  return (
    <div className="resend">
      <ErrorNotice error={resend.error} />
      <InfoNotice text={info} />
      <button
        type="button"
        disabled={resend.busy}
        onClick={async () => {
          const r = await resend.run(() => api['forwarding.resendComplaint']({ complaintId }));
          if (r) {
            setInfo(t('ui.forwarding.resentComplaint', { n: r.messages }));
            onDone();
          }
        }}
      >
        {t('ui.forwarding.resendComplaint')}
      </button>
    </div>
  );
}
