/**
 * A USB barcode scanner types like a keyboard, fast, ending in Enter. Whatever has the focus gets
 * those characters first; once the Enter shows that a burst was a scanned receipt, every field the
 * burst typed into gets its value back (as if the scan had not typed there), the Enter is swallowed
 * (it would submit a form or click a button), and the receipt is handed to `onScan`.
 */
import { receiptFromScan, ScanDetector } from '../../../shared/domain/scanned';

type Editable = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
interface Snapshot {
  value: string;
  start: number | null;
  end: number | null;
}

const detector = new ScanDetector();
let lastKeyAt = -Infinity;

/**
 * True when this key is part of a burst at a scanner's pace: shortcuts ("/", "?", the queue's 1-7)
 * should leave it alone, it may be a scan. Judged on the keys' own timestamps (when the keyboard or
 * scanner sent them), never on when the page got round to handling them: a busy page handles a
 * scanner's keys late, and they are still a burst.
 */
export function scanInProgress(e: { timeStamp: number }): boolean {
  return detector.length >= 2 && e.timeStamp - lastKeyAt < 1;
}

const editable = (el: Element | null): el is Editable =>
  el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;

function restore(el: Editable, s: Snapshot) {
  if (el.value === s.value) return;
  // The native setter, then an input event: React's controlled fields follow the DOM this way.
  const proto =
    el instanceof HTMLInputElement
      ? HTMLInputElement.prototype
      : el instanceof HTMLTextAreaElement
        ? HTMLTextAreaElement.prototype
        : HTMLSelectElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, s.value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  if (!(el instanceof HTMLSelectElement) && s.start !== null) {
    try {
      el.setSelectionRange(s.start, s.end ?? s.start);
    } catch {
      // type=email and friends have no selection
    }
  }
}

export function installScanner(onScan: (receiptNumber: string) => void): () => void {
  let touched = new Map<Editable, Snapshot>();

  const onKeyDown = (e: KeyboardEvent) => {
    const now = e.timeStamp || performance.now();
    if (e.key === 'Enter' && !e.ctrlKey && !e.altKey && !e.metaKey) {
      const text = detector.enter(now);
      const fields = touched;
      touched = new Map();
      const receipt = text === null ? null : receiptFromScan(text);
      if (receipt) {
        e.preventDefault();
        e.stopPropagation();
        for (const [el, s] of fields) restore(el, s);
        onScan(receipt);
      }
      return;
    }
    // What the QR holds (a receipt number, a URL) has no spaces: a space is a person (marking rows).
    if (e.key.length !== 1 || e.key === ' ' || e.ctrlKey || e.altKey || e.metaKey) {
      if (e.key !== 'Shift') {
        detector.reset();
        touched = new Map();
      }
      return;
    }
    if (detector.key(e.key, now)) touched = new Map();
    lastKeyAt = now;
    const el = document.activeElement;
    if (editable(el) && !touched.has(el)) {
      const text = !(el instanceof HTMLSelectElement);
      let start: number | null = null;
      let end: number | null = null;
      if (text) {
        try {
          start = el.selectionStart;
          end = el.selectionEnd;
        } catch {
          // no selection on this input type
        }
      }
      touched.set(el, { value: el.value, start, end });
    }
  };

  window.addEventListener('keydown', onKeyDown, true);
  return () => window.removeEventListener('keydown', onKeyDown, true);
}
