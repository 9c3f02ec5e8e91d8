import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../shared/result';
import { errorText } from '../i18n';

/** A form-level message; text only, so nothing a user typed can run as markup. */
export function ErrorNotice({ error }: { error: DeskError | null }) {
  useTranslation(); // shown again in the new language when the officer switches
  if (!error) return null;
  return (
    <div className="notice notice--error" role="alert">
      {errorText(error)}
    </div>
  );
}

export function InfoNotice({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <div className="notice notice--info" role="status">
      {text}
    </div>
  );
}
