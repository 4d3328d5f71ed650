// The thin Electron shell: the only module tree that imports 'electron'. It forks the core into a utility
// process of its own (electron/core-process), relays the contract's channels to it over IPC, answers the save
// dialog, and shows the renderer. It never opens the store itself, so the window stays responsive while the
// core works.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, utilityProcess } from 'electron';
import { resourcePaths } from '../core/paths';
import { resolveStorePath } from '../core/store/data-dir';
import { privilegedScheme, serveRenderer } from './app-protocol';
import { CoreClient, type CoreChild } from './core-client';
import { registerIpc } from './ipc';
import { saveFileHandler } from './save-file';
import { hardenWebContents, trustedOrigins } from './security';
import { createMainWindow } from './window';

const resources = resourcePaths();
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const origins = trustedOrigins(devServerUrl);
const log = (line: string) => process.stderr.write(`${line}\n`);

protocol.registerSchemesAsPrivileged([privilegedScheme]);
app.enableSandbox();

let core: CoreClient | undefined;
let mainWindow: BrowserWindow | undefined;
let outboxDir: string | undefined;
/** The made files not yet saved go with the application: the folder is its own, made for this run. */
const removeOutbox = () => {
  if (outboxDir) rmSync(outboxDir, { recursive: true, force: true });
};

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
  let stopping = false;
  app.on('will-quit', (e) => {
    // The store is closed by its own process before the application ends.
    if (!core || stopping) return;
    stopping = true;
    e.preventDefault();
    void core.stop().then(() => {
      removeOutbox();
      app.quit();
    });
  });

  void app.whenReady().then(async () => {
    const dbArg = process.argv.find((a) => a.startsWith('--db='))?.slice('--db='.length);
    const dbPath = resolveStorePath(dbArg);
    // A new private folder (0700, a name nobody can take first): on a shared machine's /tmp another user must
    // neither read the bundles, documents and evidence waiting there nor put a folder or a link of theirs in its place.
    const outbox = (outboxDir = mkdtempSync(join(app.getPath('temp'), 'zhuanban-outbox-')));
    const version = app.getVersion();
    // The installed program's resources (migrations, seed) are named to the core explicitly, whatever its process
    // is told of them itself.
    const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
    const args = resourcesPath ? [`--resources-path=${resourcesPath}`] : [];
    core = new CoreClient(utilityProcess.fork(resources.coreProcessFile, args, { serviceName: '专班台账核心', stdio: 'inherit' }) as unknown as CoreChild, log);
    let started = await core.start({ type: 'start', dbPath, outboxDir: outbox, version });
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
      if (choice === 0) started = await core.start({ type: 'restore', dbPath, backupPath: started.recovery.backup.path, outboxDir: outbox, version });
    }
    if (!started.ok) {
      const e = started.error;
      dialog.showErrorBox('专班台账无法打开台账', `${e.message}\n\n${e.detail}`);
      await core.stop();
      removeOutbox();
      app.exit(2);
      return;
    }
    serveRenderer(protocol, resources.rendererDir);
    const saveDialog = {
      choose: async (suggestedName: string) => {
        const options = { title: '保存文件', defaultPath: join(app.getPath('documents'), suggestedName) };
        const r = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
        return r.canceled ? undefined : r.filePath;
      },
    };
    registerIpc(ipcMain, core.call, origins, log, saveFileHandler(outbox, saveDialog, core.call));
    mainWindow = createMainWindow(resources.preloadFile, devServerUrl);
  });
}
