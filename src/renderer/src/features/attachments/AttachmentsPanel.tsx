/**
 * A record's attachments in its detail pane: thumbnails (those holding personal data masked), added
 * by the file picker, by dropping files on the panel, by pasting an image into it or from a camera;
 * Enter on a
 * thumbnail opens the larger view. A PDF is never shown here: it is saved out, for the PC's reader.
 */
import { useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Overlay } from './Overlay';
import type { MethodOutput } from '../../../../shared/contract';
import type { DeskError } from '../../../../shared/result';
import { api } from '../../api/client';
import { TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { useQuery } from '../../components/useQuery';
import { useSubmit } from '../../components/useSubmit';
import { CameraCapture } from './CameraCapture';
import { FilePicker } from './FilePicker';
import { uploadFile } from './upload';

type Attachment = MethodOutput<'attachments.list'>['attachments'][number];
type Opened = MethodOutput<'attachments.open'>;

export function AttachmentsPanel({
  complaintId,
  canOpenPersonal,
  onChanged,
}: {
  complaintId: string;
  canOpenPersonal: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { data, reload } = useQuery(() => api['attachments.list']({ complaintId }));
  const [sending, setSending] = useState<{ name: string; sent: number; total: number } | null>(null);
  const [failure, setFailure] = useState<DeskError | null>(null);
  const [personal, setPersonal] = useState(false);
  const [open, setOpen] = useState<{ item: Attachment; file: Opened | null } | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const [camera, setCamera] = useState(false);

  async function add(files: File[]) {
    setFailure(null);
    for (const file of files) {
      setSending({ name: file.name, sent: 0, total: file.size });
      const up = await uploadFile(file, (sent, total) => setSending({ name: file.name, sent, total }));
      const r = up.ok
        ? await api['attachments.add']({
            uploadId: up.value,
            complaintId,
            name: file.name || t('ui.attachments.pasted'),
            personal,
          })
        : up;
      if (!r.ok) {
        setFailure(r.error);
        break;
      }
    }
    setSending(null);
    reload();
    onChanged();
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    void add([...e.dataTransfer.files]);
  };
  const onPaste = (e: ClipboardEvent) => {
    const files = [...e.clipboardData.files];
    if (!files.length) return;
    e.preventDefault();
    void add(files);
  };

  const items = data?.attachments ?? [];
  return (
    <section
      className="attachments"
      aria-labelledby="attachments-heading"
      tabIndex={-1}
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
      onPaste={onPaste}
    >
      <h3 id="attachments-heading">{t('ui.attachments.title', { count: items.length })}</h3>
      <ErrorNotice error={failure} />
      {items.length ? (
        <ul className="attachment-list">
          {items.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                className="attachment-thumb"
                aria-label={t('ui.attachments.open', {
                  name: a.masked ? t('ui.attachments.masked') : a.name,
                })}
                onClick={() => setOpen({ item: a, file: null })}
              >
                {a.thumbnail ? (
                  <img src={a.thumbnail} alt="" />
                ) : (
                  <span className="attachment-kind">
                    {a.masked ? t('ui.attachments.masked') : a.mime === 'application/pdf' ? 'PDF' : '—'}
                  </span>
                )}
                <small>{a.masked ? t('ui.attachments.masked') : a.name}</small>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('ui.attachments.none')}</p>
      )}
      <div className="attachment-add">
        <FilePicker input={picker} onFiles={(files) => void add(files)} />
        <button type="button" disabled={sending !== null} onClick={() => picker.current?.click()}>
          {t('ui.attachments.add')}
        </button>
        <button type="button" disabled={sending !== null} onClick={() => setCamera(true)}>
          {t('ui.attachments.camera')}
        </button>
        <label className="check">
          <input type="checkbox" checked={personal} onChange={(e) => setPersonal(e.target.checked)} />
          {t('ui.attachments.personal')}
        </label>
        <span className="muted">{t('ui.attachments.hint')}</span>
      </div>
      {sending ? (
        <p role="status">
          {t('ui.attachments.sending', {
            name: sending.name,
            sent: (sending.sent / 1024 / 1024).toFixed(1),
            total: (sending.total / 1024 / 1024).toFixed(1),
          })}
        </p>
      ) : null}
      {camera ? (
        <CameraCapture
          onShot={(file) => {
            setCamera(false);
            void add([file]);
          }}
          onClose={() => setCamera(false)}
        />
      ) : null}
      {open ? (
        <AttachmentView
          item={open.item}
          canOpenPersonal={canOpenPersonal}
          onClose={() => setOpen(null)}
          onChanged={() => {
            setOpen(null);
            reload();
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}

/** The larger view of one attachment, with saving out, marking and removing. */
function AttachmentView({
  item,
  canOpenPersonal,
  onClose,
  onChanged,
}: {
  item: Attachment;
  canOpenPersonal: boolean;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  // An attachment without personal data opens at once; a masked one waits for the reason.
  const shown = useQuery(() =>
    item.masked
      ? Promise.resolve({ ok: true as const, value: null })
      : api['attachments.open']({ id: item.id }),
  );
  const [unmasked, setUnmasked] = useState<Opened | null>(null);
  const file = unmasked ?? shown.data;
  const [reason, setReason] = useState('');
  const [removeReason, setRemoveReason] = useState('');
  const opening = useSubmit();
  const acting = useSubmit();
  const load = async () => {
    const r = await opening.run(() => api['attachments.open']({ id: item.id, reason }));
    if (r) setUnmasked(r);
  };

  return (
    <Overlay label={t('ui.attachments.viewTitle')} onClose={onClose}>
      <ErrorNotice error={opening.error ?? shown.error ?? acting.error} />
      {item.masked && !file ? (
        canOpenPersonal ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void load();
            }}
          >
            <TextField
              label={t('ui.attachments.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              error={opening.fieldError('reason')}
              autoFocus
            />
            <button type="submit">{t('ui.attachments.openPersonal')}</button>
          </form>
        ) : (
          <p>{t('errors.attachmentPersonal')}</p>
        )
      ) : null}
      {file && file.mime !== 'application/pdf' ? (
        <img className="attachment-large" src={file.dataUrl} alt={file.name} />
      ) : null}
      {file ? (
        <a href={file.dataUrl} download={file.name}>
          {t('ui.attachments.save', { name: file.name })}
        </a>
      ) : null}
      <form
        className="attachment-remove"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await acting.run(() => api['attachments.remove']({ id: item.id, reason: removeReason })))
            onChanged();
        }}
      >
        <TextField
          label={t('ui.attachments.removeReason')}
          value={removeReason}
          onChange={(e) => setRemoveReason(e.target.value)}
          error={acting.fieldError('reason')}
        />
        <button type="submit">{t('ui.attachments.remove')}</button>
      </form>
      <div className="attachment-actions">
        <button
          type="button"
          onClick={async () => {
            if (await acting.run(() => api['attachments.mark']({ id: item.id, personal: !item.personal })))
              onChanged();
          }}
        >
          {item.personal ? t('ui.attachments.unmark') : t('ui.attachments.mark')}
        </button>
        <button type="button" autoFocus={!item.masked} onClick={onClose}>
          {t('ui.attachments.close')}
        </button>
      </div>
    </Overlay>
  );
}
