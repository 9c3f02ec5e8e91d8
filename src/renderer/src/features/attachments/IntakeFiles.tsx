/**
 * The intake form's files: picked (Alt+B), dropped on the form, pasted into it or taken with the
 * camera; each shown with how much has gone up, and removable before the save. A row under the form,
 * so every field stays on a 1366×768 screen.
 */
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/Notice';
import { CameraCapture } from './CameraCapture';
import { FilePicker } from './FilePicker';
import type { IntakeFilesState } from './useIntakeFiles';

/** A file's size as the officer reads it: kB below a megabyte. */
const sizeText = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} kB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function IntakeFiles({
  state,
  picker,
}: {
  state: IntakeFilesState;
  /** The file input, for the form's Alt+B. */
  picker: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const [personal, setPersonal] = useState(false);
  const [camera, setCamera] = useState(false);
  const failed = state.files.find((f) => f.error)?.error ?? null;
  const input = picker;

  return (
    <div className="intake-files" role="group" aria-label={t('ui.attachments.intakeLabel')}>
      <FilePicker input={input} onFiles={(files) => state.add(files, personal)} />
      <button type="button" onClick={() => input.current?.click()}>
        {t('ui.attachments.add')} <kbd>Alt+B</kbd>
      </button>
      <button type="button" onClick={() => setCamera(true)}>
        {t('ui.attachments.camera')}
      </button>
      <label className="check">
        <input type="checkbox" checked={personal} onChange={(e) => setPersonal(e.target.checked)} />
        {t('ui.attachments.personalShort')}
      </label>
      {state.files.length ? (
        <ul className="intake-files__list">
          {state.files.map((f) => (
            <li key={f.key} className={f.error ? 'failed' : f.uploadId ? 'ready' : 'sending'}>
              <span>{f.name}</span>{' '}
              <small className="muted">
                {f.error
                  ? t('ui.attachments.failed')
                  : f.uploadId
                    ? `${sizeText(f.size)}${f.personal ? ` · ${t('ui.attachments.masked')}` : ''}`
                    : t('ui.attachments.percent', {
                        percent: Math.floor((f.sent / Math.max(f.size, 1)) * 100),
                      })}
              </small>
              <button
                type="button"
                className="link"
                aria-label={t('ui.attachments.drop', { name: f.name })}
                onClick={() => state.remove(f.key)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <span className="muted">{t('ui.attachments.intakeHint')}</span>
      )}
      <ErrorNotice error={failed} />
      {camera ? (
        <CameraCapture
          onShot={(file) => {
            setCamera(false);
            state.add([file], personal);
          }}
          onClose={() => setCamera(false)}
        />
      ) : null}
    </div>
  );
}
