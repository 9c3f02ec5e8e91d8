/**
 * Long work in main (a report, an export) started with a name of ours (a UUID), so that after a
 * moment the screen can show how far it is and offer to cancel it (reports.progress, reports.cancel).
 * A cancel comes back as CANCELLED: said as information, not as a failure.
 */
import { useEffect, useRef, useState } from 'react';
import type { MethodOutput } from '../../../../shared/contract';
import type { DeskError, Result } from '../../../../shared/result';
import { api } from '../../api/client';
import { fieldErrorText } from '../../i18n';

export type Progress = NonNullable<MethodOutput<'reports.progress'>>;

/** Work shorter than this shows no progress at all (no flicker for a month's report). */
const quietMs = 400;
const pollMs = 250;

export function useJob() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskError | null>(null);
  const [cancelled, setCancelled] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | 'starting' | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const current = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const stop = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => stop, []);

  async function run<T>(call: (jobId: string) => Promise<Result<T>>): Promise<T | undefined> {
    const jobId = crypto.randomUUID();
    current.current = jobId;
    setBusy(true);
    setError(null);
    setCancelled(null);
    setCancelling(false);
    setProgress(null);
    const poll = async () => {
      const p = await api['reports.progress']({ jobId });
      if (current.current !== jobId) return;
      if (p.ok && p.value) setProgress(p.value);
      timer.current = setTimeout(() => void poll(), pollMs);
    };
    timer.current = setTimeout(() => {
      setProgress('starting');
      void poll();
    }, quietMs);
    try {
      const result = await call(jobId);
      if (!result.ok) {
        if (result.error.code === 'CANCELLED') setCancelled(result.error.message);
        else setError(result.error);
        return undefined;
      }
      return result.value;
    } finally {
      stop();
      current.current = null;
      setBusy(false);
      setProgress(null);
      setCancelling(false);
    }
  }

  async function cancel() {
    const jobId = current.current;
    if (!jobId) return;
    setCancelling(true);
    await api['reports.cancel']({ jobId });
  }

  return {
    busy,
    error,
    cancelled,
    progress,
    cancelling,
    cancel,
    run,
    fieldError: (name: string) => fieldErrorText(error, name),
  };
}
export type JobState = ReturnType<typeof useJob>;
