/**
 * A USB barcode scanner as the browser sees one: every character of the code, then Enter, each key
 * stamped 3 ms after the one before (the HID reports' pace), however long the page takes to handle
 * them. Sent through the DevTools protocol with those timestamps, because the time a test tool
 * happens to dispatch a key is not when a scanner sent it (a busy or throttled page would stretch the
 * burst and turn a scanner into a slow typist).
 */
import type { CDPSession, Page } from '@playwright/test';

const sessions = new WeakMap<Page, CDPSession>();

export async function scanInto(page: Page, text: string, msPerKey = 3): Promise<void> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  const start = Date.now() / 1000;
  const at = (i: number) => start + (i * msPerKey) / 1000;
  const keys = [...text];
  for (const [i, c] of keys.entries()) {
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: c, text: c, timestamp: at(i) });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: c, timestamp: at(i) + 0.001 });
  }
  const end = at(keys.length);
  const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 };
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...enter, text: '\r', timestamp: end });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...enter, timestamp: end + 0.001 });
}
