// Builds the native menu from main/menuTemplate.ts (plain data) and forwards commands to the renderer (Electron, thin).
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { channelOf } from '../../shared/ipc/channels';
import { menuTemplate, type MenuItemSpec } from '../menuTemplate';

export function installMenu(getWindow: () => BrowserWindow | null, devTools: boolean): void {
  const toItem = (spec: MenuItemSpec): MenuItemConstructorOptions => {
    switch (spec.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'role':
        return { label: spec.label, role: spec.role, accelerator: spec.accelerator };
      case 'command':
        return {
          label: spec.label,
          accelerator: spec.accelerator,
          click: () => getWindow()?.webContents.send(channelOf('menuCommand'), spec.command),
        };
    }
  };
  const template = menuTemplate({ isMac: process.platform === 'darwin', devTools }).map((m) => ({
    label: m.label,
    submenu: m.items.map(toItem),
  }));
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
