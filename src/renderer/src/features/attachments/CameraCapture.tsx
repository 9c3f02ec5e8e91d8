/**
 * A webcam or document camera, for a photo of the evidence the citizen holds up: video alone (the
 * desktop shell grants the camera to its own page and nothing else), stopped when the view closes.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Overlay } from './Overlay';

export function CameraCapture({ onShot, onClose }: { onShot: (file: File) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<'starting' | 'ready' | 'failed'>('starting');

  useEffect(() => {
    let live = true;
    let stream: MediaStream | null = null;
    const stop = (s: MediaStream) => s.getTracks().forEach((track) => track.stop());
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then(async (s) => {
        if (!live) return stop(s);
        stream = s;
        video.current!.srcObject = s;
        await video.current!.play();
        setState('ready');
      })
      .catch(() => live && setState('failed'));
    return () => {
      live = false;
      if (stream) stop(stream);
    };
  }, []);

  function shoot() {
    const v = video.current!;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')!.drawImage(v, 0, 0);
    canvas.toBlob(
      (blob) => {
        if (blob)
          onShot(
            new File([blob], `kamera-${new Date().toISOString().slice(0, 19)}.jpg`, { type: 'image/jpeg' }),
          );
      },
      'image/jpeg',
      0.92,
    );
  }

  return (
    <Overlay label={t('ui.attachments.camera')} onClose={onClose}>
      {state === 'failed' ? <p role="alert">{t('ui.attachments.noCamera')}</p> : null}
      <video
        ref={video}
        className="attachment-large"
        muted
        playsInline
        aria-label={t('ui.attachments.camera')}
      />
      <div className="attachment-actions">
        <button type="button" disabled={state !== 'ready'} onClick={shoot}>
          {t('ui.attachments.shoot')}
        </button>
        <button type="button" autoFocus onClick={onClose}>
          {t('ui.attachments.close')}
        </button>
      </div>
    </Overlay>
  );
}
