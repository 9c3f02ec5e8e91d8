/**
 * A small window that asks for the recovery passphrase before the desk starts (a Windows account
 * with no key of its own on this PC). Its page is inline and has no script of its own beyond the
 * form: the answer comes back through a one-off IPC channel, checked to come from this window.
 */
import { BrowserWindow, ipcMain } from 'electron';
import { windowWebPreferences } from './window';

const page = (attempt: number) => `<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>Meja Pengaduan: frasa pemulihan</title>
<style>body{font-family:system-ui,sans-serif;margin:24px}input{width:100%;font-size:16px;padding:6px}button{margin-top:12px;padding:6px 16px}</style>
</head><body>
<h1 style="font-size:18px">Kunci meja untuk akun Windows ini</h1>
<p>Meja di PC ini disiapkan dengan akun Windows lain. Masukkan frasa pemulihan (atau kode pemulihan dari brankas kantor) sekali untuk membuka data meja dengan akun ini.</p>
${attempt > 1 ? '<p style="color:#b00020" role="alert">Frasa pemulihan salah. Coba lagi.</p>' : ''}
<form id="f"><label for="p">Frasa pemulihan</label><input id="p" type="password" autofocus autocomplete="off">
<button type="submit">Buka meja</button> <button type="button" id="c">Batal</button></form>
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
