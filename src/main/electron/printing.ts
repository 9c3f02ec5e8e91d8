/**
 * System printers and PDF files in the desktop shell: the receipt HTML is loaded in a hidden,
 * sandboxed window, fonts and images are awaited, then it is printed silently to the named printer
 * (page size in microns, no margins) or saved as PDF. The window closes only in the print callback,
 * and a timeout ends a job that never calls back.
 */
import { writeFile } from 'node:fs/promises';
import { BrowserWindow } from 'electron';
import type { DesktopPrinting } from '../receipts/receipts';
import { paperMicrons, type Paper } from '../receipts/html';

async function loadHidden(html: string): Promise<BrowserWindow> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: true },
  });
  await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`);
  await win.webContents.executeJavaScript(
    'document.fonts.ready.then(() => Promise.all([...document.images].map((i) => i.decode().catch(() => null)))).then(() => true)',
  );
  return win;
}

function withTimeout<T>(job: Promise<T>, ms: number, what: string, onTimeout: () => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout();
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
    const win = await loadHidden(html);
    const close = () => {
      if (!win.isDestroyed()) win.close();
    };
    const job = new Promise<void>((resolve, reject) => {
      win.webContents.print(printOptions(deviceName, paper), (success, failureReason) => {
        close(); // only here: closing earlier would cancel the job
        if (success) resolve();
        else reject(new Error(`Printer ${deviceName} gagal mencetak (${failureReason}).`));
      });
    });
    await withTimeout(job, timeoutMs, `Pencetakan ke ${deviceName}`, close);
  },

  async savePdf(html, { paper, file, timeoutMs }) {
    const win = await loadHidden(html);
    try {
      const { width, height } = paperMicrons[paper];
      const pdf = await withTimeout(
        win.webContents.printToPDF({
          printBackground: true,
          pageSize: { width: width / 25_400, height: height / 25_400 },
          margins: { top: 0, bottom: 0, left: 0, right: 0 },
        }),
        timeoutMs,
        'Pembuatan PDF',
        () => undefined,
      );
      await writeFile(file, pdf);
      return file;
    } finally {
      if (!win.isDestroyed()) win.close();
    }
  },
};
