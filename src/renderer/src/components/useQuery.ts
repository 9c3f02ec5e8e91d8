import { useCallback, useEffect, useState } from 'react';
import type { DeskError, Result } from '../../../shared/result';

/** Loads data from main when mounted and on reload(); ignores answers that arrive after unmount. */
export function useQuery<T>(fetcher: () => Promise<Result<T>>) {
  const [state, setState] = useState<{ data: T | null; error: DeskError | null }>({
    data: null,
    error: null,
  });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void fetcher().then((r) => {
      if (live) setState(r.ok ? { data: r.value, error: null } : { data: null, error: r.error });
    });
    return () => {
      live = false;
    };
    // The fetcher is a fresh closure each render; reloads are driven by `version`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}
