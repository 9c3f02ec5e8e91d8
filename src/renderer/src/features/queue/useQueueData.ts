/** Pages of the queue for the current filters; stale answers are dropped, more pages load on demand. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../../shared/contract';
import type { DeskError } from '../../../../shared/result';
import { api } from '../../api/client';

export type QueueRequest = Omit<MethodInput<'complaints.queue'>, 'cursor' | 'limit'>;
type Row = MethodOutput<'complaints.queue'>['rows'][number];

export function useQueueData(request: QueueRequest, refreshKey: number) {
  const [rows, setRows] = useState<Row[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<DeskError | null>(null);
  const [searchKind, setSearchKind] = useState<MethodOutput<'complaints.queue'>['searchKind']>(null);
  const [count, setCount] = useState<MethodOutput<'complaints.count'> | null>(null);
  const [loading, setLoading] = useState(true);
  /** The search whose answer is on screen (tests and timing read it from the list). */
  const [shownSearch, setShownSearch] = useState('');
  const generation = useRef(0);
  const loadingMore = useRef(false);
  const key = JSON.stringify(request);

  useEffect(() => {
    const mine = ++generation.current;
    const req = JSON.parse(key) as QueueRequest;
    void api['complaints.queue']({ ...req, limit: 100 }).then((r) => {
      if (mine !== generation.current) return; // a newer search has started
      setLoading(false);
      setShownSearch(req.search ?? '');
      if (!r.ok) {
        setError(r.error);
        setRows([]);
        setCursor(null);
        return;
      }
      setError(null);
      setRows(r.value.rows);
      setCursor(r.value.nextCursor);
      setSearchKind(r.value.searchKind);
    });
    const { sort: _sort, ...filters } = req;
    // The count waits until the officer pauses, so it never queues in front of the next page.
    const countTimer = window.setTimeout(() => {
      void api['complaints.count'](filters).then(
        (r) => mine === generation.current && setCount(r.ok ? r.value : null),
      );
    }, 300);
    return () => window.clearTimeout(countTimer);
  }, [key, refreshKey]);

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore.current) return;
    loadingMore.current = true;
    const mine = generation.current;
    const r = await api['complaints.queue']({ ...(JSON.parse(key) as QueueRequest), cursor, limit: 200 });
    loadingMore.current = false;
    if (mine !== generation.current || !r.ok) return;
    setRows((prev) => [...prev, ...r.value.rows]);
    setCursor(r.value.nextCursor);
  }, [cursor, key]);

  return { rows, hasMore: cursor !== null, loadMore, error, searchKind, count, loading, shownSearch };
}
