import { useState } from 'react';
import type { DeskError, Result } from '../../../shared/result';
import { fieldErrorText } from '../i18n';

/** Runs one API call for a form: busy flag, the error, and per-field messages. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskError | null>(null);

  async function run<T>(call: () => Promise<Result<T>>): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    try {
      const result = await call();
      if (!result.ok) {
        setError(result.error);
        return undefined;
      }
      return result.value;
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, setError, fieldError: (name: string) => fieldErrorText(error, name), run };
}
