// The per-user application data folder, by each platform's convention (the same folder Electron's
// app.getPath('appData') points at), so the desktop app, browser mode and the CLI find the same ledger.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const DATA_FOLDER_NAME = 'zhuanban-ledger';
export const STORE_FILE_NAME = 'ledger.db';

export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA ?? join(env.USERPROFILE ?? homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(homedir(), '.config');
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return join(appDataDir(env, platform), DATA_FOLDER_NAME);
}

/**
 * `--db` wins, then LEDGER_DB, then the default folder. Relative paths are taken from where the user typed
 * the command: `npm run` moves to the package root but keeps that folder in INIT_CWD.
 */
export function resolveStorePath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const base = env.INIT_CWD || cwd;
  if (flag) return resolve(base, flag);
  if (env.LEDGER_DB) return resolve(base, env.LEDGER_DB);
  return join(defaultDataDir(env), STORE_FILE_NAME);
}
