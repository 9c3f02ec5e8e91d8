import type { DeskError } from '../../../shared/result';

/** A form-level message; text only, so nothing a user typed can run as markup. */
export function ErrorNotice({ error }: { error: DeskError | null }) {
  if (!error) return null;
  return (
    <div className="notice notice--error" role="alert">
      {error.message}
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
