/** The day review's duplicate check: open complaints of the same citizen (phone or NIK blind index). */

/** Open complaints sharing a blind index with any of the day's records (one query per index). */
export const openSharing = (column: 'phone_bidx' | 'nik_bidx') => `
  SELECT id, receipt_number AS receiptNumber, received_at AS receivedAt, ${column} AS bidx
  FROM complaints
  WHERE status NOT IN ('SELESAI', 'DIARSIPKAN')
    AND ${column} IN (SELECT ${column} FROM complaints WHERE received_day = ? AND ${column} IS NOT NULL)
  ORDER BY received_at, id`;

export type Sharing = { id: string; receiptNumber: string; receivedAt: string; bidx: string };

/**
 * For each of the day's records, the receipt number of the newest open complaint received before it
 * (or at the same moment) with the same phone or NIK: a possible duplicate. Grouped in memory, so a
 * day of one citizen's hundreds of records costs a sort, not a scan per record.
 */
export function possibleDuplicates(
  rows: Array<{ id: string; receivedAt: string; phoneBidx: string | null; nikBidx: string | null }>,
  byPhone: Sharing[],
  byNik: Sharing[],
): Map<string, string> {
  const group = (list: Sharing[]) => {
    const groups = new Map<string, Sharing[]>();
    for (const o of list) (groups.get(o.bidx) ?? groups.set(o.bidx, []).get(o.bidx)!).push(o);
    return groups;
  };
  const phones = group(byPhone);
  const niks = group(byNik);
  /** The newest of `list` (sorted by time) at or before `at`, other than the record itself. */
  const newestBefore = (list: Sharing[] | undefined, at: string, self: string) => {
    if (!list) return null;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.receivedAt <= at) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0; i--) if (list[i]!.id !== self) return list[i]!;
    return null;
  };
  const found = new Map<string, string>();
  for (const r of rows) {
    const a = r.phoneBidx ? newestBefore(phones.get(r.phoneBidx), r.receivedAt, r.id) : null;
    const b = r.nikBidx ? newestBefore(niks.get(r.nikBidx), r.receivedAt, r.id) : null;
    const newest = a && b ? (a.receivedAt >= b.receivedAt ? a : b) : (a ?? b);
    if (newest) found.set(r.id, newest.receiptNumber);
  }
  return found;
}
