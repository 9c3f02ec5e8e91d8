/**
 * The IPC bridge: one ipcMain.handle per contract method under the desk: namespace. Each call
 * must come from the app's own main frame, then goes through the same dispatch as browser mode.
 */
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { channelFor, methodNames } from '../../shared/contract';
import { msg } from '../../shared/i18n';
import { fail } from '../../shared/result';
import type { Api } from '../api';

export interface TrustedWindow {
  /** The main frame of the desk's window, or null when no window is open. */
  mainFrame(): WebFrameMain | null;
  /** The URL prefix the app is loaded from (file://…/index.html or the dev server). */
  appUrlPrefix(): string;
}

export function isTrustedSender(event: IpcMainInvokeEvent, trusted: TrustedWindow): boolean {
  const frame = event.senderFrame;
  const mainFrame = trusted.mainFrame();
  if (!frame || !mainFrame) return false;
  if (frame !== mainFrame || frame.parent !== null) return false;
  return frame.url.startsWith(trusted.appUrlPrefix());
}

export function registerIpc(ipcMain: IpcMain, api: Api, trusted: TrustedWindow): void {
  for (const name of methodNames) {
    ipcMain.handle(channelFor(name), async (event, input: unknown) => {
      if (!isTrustedSender(event, trusted)) return fail('FORBIDDEN', msg('errors.badOrigin'));
      return api.dispatch(name, input, `ipc:${event.sender.id}`);
    });
  }
}
