// The thin Electron shell: the only module tree that imports 'electron'. It opens the store through the
// core, registers the contract's channels on IPC and shows the renderer; everything else lives in core.
import { app, BrowserWindow, dialog, ipcMain, protocol } from 'electron';
import { toAppError } from '../../shared/errors';
import { createHandlers } from '../core/handlers';
import { resourcePaths } from '../core/paths';
import { resolveStorePath } from '../core/store/data-dir';
import { restoreOverDamagedFile } from '../core/store/backups';
import type { Store } from '../core/store/store';
import { backupAfterStart, startStore } from '../core/store/startup';
import { forgetVerified } from '../core/sync/import';
import { privilegedScheme, serveRenderer } from './app-protocol';
import { registerIpc } from './ipc';
import { hardenWebContents, trustedOrigins } from './security';
import { createMainWindow } from './window';

const resources = resourcePaths();
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const origins = trustedOrigins(devServerUrl);
const log = (line: string) => process.stderr.write(`${line}\n`);

protocol.registerSchemesAsPrivileged([privilegedScheme]);
app.enableSandbox();

let store: Store | undefined;
let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same store; hand over to the first one instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents, origins));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    forgetVerified();
    store?.close();
  });

  void app.whenReady().then(async () => {
    const dbArg = process.argv.find((a) => a.startsWith('--db='))?.slice('--db='.length);
    const path = resolveStorePath(dbArg);
    let started = await startStore(path, log);
    if (!started.ok && started.recovery) {
      // A damaged store is never opened for writing: offer the newest good backup, saying what it would lose.
      const choice = dialog.showMessageBoxSync({
        type: 'error',
        title: '台账文件已损坏',
        message: started.error.message,
        detail: started.recovery.advice,
        buttons: ['恢复该备份', '退出'],
        defaultId: 0,
        cancelId: 1,
      });
      if (choice === 0) {
        try {
          await restoreOverDamagedFile(path, started.recovery.backup.path);
          started = await startStore(path, log);
        } catch (err) {
          started = { ok: false, error: toAppError(err), recovery: null };
        }
      }
    }
    if (!started.ok) {
      const e = started.error;
      dialog.showErrorBox('专班台账无法打开台账', `${e.message}\n\n${e.detail}`);
      app.exit(2);
      return;
    }
    store = started.store;
    serveRenderer(protocol, resources.rendererDir);
    registerIpc(ipcMain, createHandlers({ store, version: app.getVersion() }), origins, log);
    mainWindow = createMainWindow(resources.preloadFile, devServerUrl);
    void backupAfterStart(store, log);
  });
}
