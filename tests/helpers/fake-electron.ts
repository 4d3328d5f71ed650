// A stand-in for the 'electron' module, so the main process and the preload run under Node and the tests can
// read what they registered. Use it as
//   vi.mock('electron', () => import('../helpers/fake-electron'));
//   import { fake } from '../helpers/fake-electron';
// The mock and the test then share this one module instance, so `fake` is what the code under test was given;
// each test file runs in its own module registry, so the records start empty per file.
import { tmpdir } from 'node:os';
import { vi } from 'vitest';
import { forkCore } from './core-child';

const windows: { options: Record<string, unknown>; url?: string }[] = [];
const appListeners = new Map<string, (...args: unknown[]) => void>();
const ipcHandlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
let fireReady: () => void = () => {};
// Held back until the test has set argv: the main module reads it when the app is ready.
const whenReady = new Promise<void>((r) => (fireReady = r));

export class BrowserWindow {
  webContents = {};
  constructor(options: Record<string, unknown>) {
    windows.push({ options });
  }
  once() {}
  show() {}
  loadURL(url: string) {
    windows.at(-1)!.url = url;
    return Promise.resolve();
  }
}

export const app = {
  isPackaged: true,
  whenReady: () => whenReady,
  on: vi.fn((name: string, fn: (...args: unknown[]) => void) => appListeners.set(name, fn)),
  requestSingleInstanceLock: vi.fn(() => true),
  enableSandbox: vi.fn(),
  getVersion: () => '0.0.0-test',
  quit: vi.fn(),
  exit: vi.fn(),
  getPath: vi.fn((_name: string) => tmpdir()),
};
/**
 * Electron's utility process, played by a Node child process running the core's real entry from source (the
 * path the shell asks for is the built file, which a test run does not have).
 */
export const utilityProcess = { fork: vi.fn((_path: string, _args: string[], _options: unknown) => forkCore().port) };
export const ipcMain = { handle: vi.fn((channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => ipcHandlers.set(channel, fn)) };
export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
// 0 is the first button: the person agrees to what is offered (restoring a backup).
export const dialog = {
  showErrorBox: vi.fn(),
  showMessageBoxSync: vi.fn((_options: { detail: string; buttons: string[] }) => 0),
  // Cancelled unless a test says where to save.
  showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({ canceled: true })),
};

export const contextBridge = { exposeInMainWorld: vi.fn() };
// Echoes what it was asked, so a test sees which channel a preload function invoked.
export const ipcRenderer = { invoke: vi.fn(async (channel: string, input: unknown) => ({ channel, input })) };
export const webUtils = { getPathForFile: vi.fn((file: { name: string }) => `/media/usb/${file.name}`) };

const electron = { app, BrowserWindow, ipcMain, protocol, dialog, contextBridge, ipcRenderer, webUtils, utilityProcess };
export default electron;

export const fake = { electron, windows, appListeners, ipcHandlers, ready: () => fireReady() };

/** Starts the real main module on the store `db` and waits for its window (its core process opens the store first). */
export async function startMain(db: string): Promise<void> {
  process.argv.push(`--db=${db}`);
  await import('../../electron/main/index');
  fake.ready();
  for (let i = 0; i < 200 && windows.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
}

/** Quits as Electron would: the main process stops its core process (closing the store) before it ends. */
export async function quitMain(): Promise<void> {
  appListeners.get('will-quit')?.({ preventDefault: () => {} });
  for (let i = 0; i < 200 && app.quit.mock.calls.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
}
