/**
 * The records past their limit at a period's end, oldest deadline first: every one (an export lists
 * them), or only the `limit` oldest with the count of all (a report on screen: a year at 1M
 * complaints has 100,000 of them a stage, 36 MB of answer for a number the screen shows).
 */
interface Late {
  receiptNumber: string;
  due: string;
  /** The order it came in: equal deadlines keep it. */
  seq: number;
}

export class LateList {
  /** How many were added, kept or not. */
  count = 0;
  private readonly items: Late[] = [];
  /** The index of the one to give up first (latest deadline, the later of equals), or -1 to find it. */
  private worst = -1;

  constructor(private readonly limit: number | null) {}

  add(receiptNumber: string, due: string): void {
    const seq = this.count++;
    if (this.limit === null || this.items.length < this.limit) {
      this.items.push({ receiptNumber, due, seq });
      this.worst = -1;
      return;
    }
    if (this.limit === 0) return;
    if (this.worst < 0) this.worst = this.findWorst();
    // Only an earlier deadline displaces one kept: an equal one came later, so it ranks after.
    if (due < this.items[this.worst]!.due) {
      this.items[this.worst] = { receiptNumber, due, seq };
      this.worst = -1;
    }
  }

  private findWorst(): number {
    let at = 0;
    for (let i = 1; i < this.items.length; i++) {
      const a = this.items[i]!;
      const b = this.items[at]!;
      if (a.due > b.due || (a.due === b.due && a.seq > b.seq)) at = i;
    }
    return at;
  }

  /** Oldest deadline first; equal deadlines in the order they came. */
  sorted(): Array<{ receiptNumber: string; due: string }> {
    return this.items
      .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.seq - b.seq))
      .map(({ receiptNumber, due }) => ({ receiptNumber, due }));
  }
}
