/**
 * System printers and PDF files in the desktop shell: the receipt HTML is loaded in a hidden,
 * sandboxed window, fonts and images are awaited, then it is printed silently to the named printer
 * (page size in microns, no margins) or saved as PDF. One timeout covers loading and printing, and
 * the window is closed in `finally` whatever happens: a window left open would keep the app (and its
 * single-instance lock) alive after the desk is closed. A print is never closed before its callback.
 */
import { writeFile } from 'node:fs/promises';
import { BrowserWindow } from 'electron';
import type { DesktopPrinting } from '../receipts/receipts';
import { paperMicrons, type Paper } from '../receipts/html';

function hiddenWindow(): BrowserWindow {
  return new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: true },
  });
}

async function load(win: BrowserWindow, html: string): Promise<void> {
  await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`);
  await win.webContents.executeJavaScript(
    'document.fonts.ready.then(() => Promise.all([...document.images].map((i) => i.decode().catch(() => null)))).then(() => true)',
  );
}

/** Runs a job in a hidden window with one deadline over all of it, and always closes the window. */
async function inHiddenWindow<T>(
  html: string,
  timeoutMs: number,
  what: string,
  job: (win: BrowserWindow) => Promise<T>,
): Promise<T> {
  const win = hiddenWindow();
  try {
    return await withTimeout(
      (async () => {
        await load(win, html);
        return job(win);
      })(),
      timeoutMs,
      what,
    );
  } finally {
    if (!win.isDestroyed()) win.close();
  }
}

function withTimeout<T>(job: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`${what} tidak selesai dalam ${Math.round(ms / 1000)} detik.`));
    }, ms);
    job.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

export function printOptions(deviceName: string, paper: Paper) {
  return {
    silent: true,
    deviceName,
    printBackground: true,
    pageSize: paperMicrons[paper],
    margins: { marginType: 'none' as const },
  };
}

export const desktopPrinting: DesktopPrinting = {
  async printHtml(html, { deviceName, paper, timeoutMs }) {
    await inHiddenWindow(
      html,
      timeoutMs,
      `Pencetakan ke ${deviceName}`,
      (win) =>
        new Promise<void>((resolve, reject) => {
          win.webContents.print(printOptions(deviceName, paper), (success, failureReason) => {
            if (success) resolve();
            else reject(new Error(`Printer ${deviceName} gagal mencetak (${failureReason}).`));
          });
        }),
    );
  },

  async savePdf(html, { paper, file, timeoutMs, cssPage = false }) {
    const { width, height } = paperMicrons[paper];
    const pdf = await inHiddenWindow(html, timeoutMs, 'Pembuatan PDF', (win) =>
      win.webContents.printToPDF(
        cssPage
          ? { printBackground: true, preferCSSPageSize: true }
          : {
              printBackground: true,
              pageSize: { width: width / 25_400, height: height / 25_400 },
              margins: { top: 0, bottom: 0, left: 0, right: 0 },
            },
      ),
    );
    await writeFile(file, pdf);
    return file;
  },
};
