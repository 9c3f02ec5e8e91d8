/**
 * What a USB barcode scanner typed, read as a receipt: the bare number the QR holds when no status
 * page is set, or the status page's URL with `nomor=<receipt>` (receipts/model.ts makes both).
 * Anything else is not a receipt (null), so a scanned product code or URL of another site is ignored.
 */
import { parseReceiptNumber } from './receipt-number';

export function receiptFromScan(raw: string): string | null {
  const text = raw.trim();
  if (!text || text.length > 2048) return null;
  let candidate = text;
  if (/^https?:\/\//i.test(text)) {
    // The query's `nomor` (a plain regular expression: shared code has no URL class in every shell).
    const nomor = /[?&]nomor=([^&#]*)/.exec(text)?.[1];
    if (!nomor) return null;
    try {
      candidate = decodeURIComponent(nomor.replace(/\+/g, ' '));
    } catch {
      return null;
    }
  }
  const parsed = parseReceiptNumber(candidate);
  return parsed.valid ? parsed.number : null;
}

/**
 * Tells a scanner from a person by speed: a scanner types a whole code in a burst, a few
 * milliseconds a key, and ends with Enter; a person types tens of milliseconds apart at best.
 * Fed every printable key and every Enter with its time; answers the burst's text when an Enter
 * ends a fast enough burst of at least `minLength` characters.
 */
export class ScanDetector {
  private text = '';
  private first = 0;
  private last = -Infinity;

  constructor(
    /** The longest pause between two keys of one burst. */
    private readonly maxGapMs = 50,
    /** The slowest average a burst may have and still be a scanner. */
    private readonly maxAverageMs = 25,
    private readonly minLength = 10,
  ) {}

  /** A printable character; true when it starts a new burst. */
  key(char: string, at: number): boolean {
    const fresh = at - this.last > this.maxGapMs;
    if (fresh) {
      this.text = '';
      this.first = at;
    }
    this.text += char;
    this.last = at;
    return fresh;
  }

  /** Enter: the scanned text if what came before was a scanner's burst, else null. Resets. */
  enter(at: number): string | null {
    const { text, first, last } = this;
    this.reset();
    if (text.length < this.minLength || at - last > this.maxGapMs) return null;
    const average = (at - first) / text.length;
    return average <= this.maxAverageMs ? text : null;
  }

  /** Anything else (a modifier chord, a click): the burst is over. */
  reset(): void {
    this.text = '';
    this.last = -Infinity;
  }

  /** How many characters the current burst holds (to undo them in the field they went into). */
  get length(): number {
    return this.text.length;
  }
}
