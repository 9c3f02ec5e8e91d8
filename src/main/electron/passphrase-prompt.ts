/**
 * A small window that asks for the recovery passphrase before the desk starts (a Windows account
 * with no key of its own on this PC). Its page is inline and has no script of its own beyond the
 * form: the answer comes back through a one-off IPC channel, checked to come from this window.
 */
import { BrowserWindow, ipcMain } from 'electron';
import { createI18n } from '../../shared/i18n';
import { escapeHtml } from '../platform/documents';
import { windowWebPreferences } from './window';

const id = createI18n('id');
const en = createI18n('en');
/** Before the desk opens nobody has chosen a language: each text in Bahasa Indonesia, then English. */
const both = (key: string) =>
  `${escapeHtml(id.t(`print.prompt.${key}`))}<br><small lang="en" style="color:#555">${escapeHtml(en.t(`print.prompt.${key}`))}</small>`;
const one = (key: string) => escapeHtml(`${id.t(`print.prompt.${key}`)} / ${en.t(`print.prompt.${key}`)}`);

const page = (attempt: number) => `<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${one('title')}</title>
<style>body{font-family:system-ui,sans-serif;margin:24px}input{width:100%;font-size:16px;padding:6px}button{margin-top:12px;padding:6px 16px}</style>
</head><body>
<h1 style="font-size:18px">${both('heading')}</h1>
<p>${both('intro')}</p>
${attempt > 1 ? `<p style="color:#b00020" role="alert">${both('wrong')}</p>` : ''}
<form id="f"><label for="p">${one('label')}</label><input id="p" type="password" autofocus autocomplete="off">
<button type="submit">${one('open')}</button> <button type="button" id="c">${one('cancel')}</button></form>
<script>
document.getElementById('f').addEventListener('submit', (e) => { e.preventDefault(); window.deskPrompt.answer(document.getElementById('p').value); });
document.getElementById('c').addEventListener('click', () => window.deskPrompt.answer(null));
</script></body></html>`;

export function askPassphrase(preload: string) {
  return (attempt: number) =>
    new Promise<string | null>((resolve) => {
      const win = new BrowserWindow({
        width: 520,
        height: 360,
        resizable: false,
        title: 'Meja Pengaduan',
        autoHideMenuBar: true,
        webPreferences: windowWebPreferences(preload),
      });
      let done = false;
      const finish = (value: string | null) => {
        if (done) return;
        done = true;
        ipcMain.removeHandler('desk-prompt:answer');
        if (!win.isDestroyed()) win.close();
        resolve(value);
      };
      ipcMain.handle('desk-prompt:answer', (event, value: unknown) => {
        if (event.sender !== win.webContents) return;
        finish(typeof value === 'string' && value.length <= 200 ? value : null);
      });
      win.on('closed', () => finish(null));
      void win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(page(attempt))}`);
    });
}
