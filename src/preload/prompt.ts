/** The recovery-passphrase prompt's bridge: one function, one channel (main/electron/passphrase-prompt.ts). */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('deskPrompt', {
  answer: (value: string | null) => ipcRenderer.invoke('desk-prompt:answer', value),
});
