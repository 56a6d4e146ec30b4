// Registers one ipcMain handler per contract method (Electron, thin). Each checks that the sender is the app
// window's own main frame before the dispatcher validates the payload and calls the service.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelOf } from '../../shared/ipc/channels';
import { METHODS } from '../../shared/ipc/contract';
import type { Dispatcher } from '../ipc/dispatch';
import { isTrustedSender, type SenderInfo } from './security';

export function senderInfo(event: IpcMainInvokeEvent): SenderInfo | null {
  const frame = event.senderFrame;
  if (!frame) return null;
  return { webContentsId: event.sender.id, isMainFrame: frame === event.sender.mainFrame, frameUrl: frame.url };
}

export function registerIpc(dispatch: Dispatcher, appWebContentsId: () => number | null): void {
  for (const method of METHODS) {
    ipcMain.handle(channelOf(method), async (event, ...args: unknown[]) => {
      if (!isTrustedSender(senderInfo(event), appWebContentsId())) {
        return { ok: false, error: { code: 'forbidden', message: '请求来源不受信任，已拒绝。' } };
      }
      return dispatch(method, args);
    });
  }
}
