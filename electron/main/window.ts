import { BrowserWindow } from 'electron';
import { appTitle } from '../../shared/labels';
import { APP_ORIGIN, secureWebPreferences } from './security';

export function createMainWindow(preload: string, devServerUrl: string | undefined): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: appTitle,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#f5f5f5',
    webPreferences: secureWebPreferences(preload),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
}
