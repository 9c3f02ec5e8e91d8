/** The day review's duplicate check, on its own: the newest open complaint of the same citizen before each record. */
import { describe, expect, it } from 'vitest';
import { possibleDuplicates, type Sharing } from '../../src/main/review/duplicates';

const at = (hh: number) => `2026-11-27T0${hh}:00:00.000Z`;
const open = (id: string, hh: number, bidx: string): Sharing => ({
  id,
  receiptNumber: `R-${id}`,
  receivedAt: at(hh),
  bidx,
});

describe('possible duplicates', () => {
  it('names the newest open complaint with the same phone or NIK received before (or with) the record, never itself', () => {
    const rows = [
      { id: 'a', receivedAt: at(1), phoneBidx: 'P1', nikBidx: null },
      { id: 'b', receivedAt: at(3), phoneBidx: 'P1', nikBidx: 'N1' },
      { id: 'c', receivedAt: at(5), phoneBidx: null, nikBidx: 'N1' },
      { id: 'd', receivedAt: at(6), phoneBidx: 'P2', nikBidx: null },
      { id: 'e', receivedAt: at(7), phoneBidx: null, nikBidx: null },
    ];
    // Open complaints sharing an index (as the query gives them: sorted by time); x is older, y newer, z later.
    const byPhone = [
      open('x', 0, 'P1'),
      open('a', 1, 'P1'),
      open('y', 2, 'P1'),
      open('b', 3, 'P1'),
      open('z', 8, 'P1'),
    ];
    const byNik = [open('b', 3, 'N1'), open('w', 4, 'N1'), open('c', 5, 'N1')];
    const found = possibleDuplicates(rows, byPhone, byNik);
    expect(Object.fromEntries(found)).toEqual({
      a: 'R-x', // the older one, not itself
      b: 'R-y', // the newest before it by phone (y at 2 beats x at 0; its own NIK row is itself)
      c: 'R-w', // by NIK
    });
    expect(found.has('d')).toBe(false); // nobody else with P2
    expect(found.has('e')).toBe(false); // nothing to match on
  });

  it('takes the newer of a phone match and a NIK match, and one at the same moment counts', () => {
    const rows = [{ id: 'r', receivedAt: at(5), phoneBidx: 'P', nikBidx: 'N' }];
    expect(possibleDuplicates(rows, [open('p', 2, 'P')], [open('n', 4, 'N')]).get('r')).toBe('R-n');
    expect(possibleDuplicates(rows, [open('p', 4, 'P')], [open('n', 2, 'N')]).get('r')).toBe('R-p');
    expect(possibleDuplicates(rows, [open('same', 5, 'P'), open('r', 5, 'P')], []).get('r')).toBe('R-same');
  });
});
