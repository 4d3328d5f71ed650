// Opening the store when the application starts (Electron or browser mode): a damaged store is never opened
// for writing — the newest good backup is offered, with what restoring it would lose — and a healthy one gets
// its daily backup.
import { AppError, toAppError } from '../../../shared/errors';
import { newestGoodBackup, dailyBackup } from './backups';
import { reconsiderQuarantine } from '../sync/release';
import { openStore } from './open-store';
import type { Store } from './store';

export interface Recovery {
  /** The newest backup that passed its check. */
  backup: { path: string; file: string; at: string; events: number };
  /** In Chinese: what restoring it means, for a dialog or the terminal. */
  advice: string;
}

export type StartResult = { ok: true; store: Store } | { ok: false; error: AppError; recovery: Recovery | null };

export function recoveryFor(path: string): Recovery | null {
  const good = newestGoodBackup(path);
  if (!good) return null;
  return {
    backup: { path: good.path, file: good.file, at: good.at, events: good.events },
    advice:
      `最近一份完好的备份是 ${good.at} 的“${good.file}”（${good.events} 条记录）。恢复后，该时间之后在本机所做的修改会丢失；` +
      '其中已发给其他单位的，可从对方的同步包重新导入。损坏的文件会改名保留，不会删除。',
  };
}

export async function startStore(path: string, log: (line: string) => void = () => {}): Promise<StartResult> {
  let store: Store;
  try {
    // A new ledger starts without a plan: the first screen asks for the office's own plan or the built-in one.
    store = openStore(path, { withoutSeed: true });
  } catch (err) {
    const error = toAppError(err);
    return { ok: false, error, recovery: error.code === 'store_corrupt' ? recoveryFor(path) : null };
  }
  try {
    // Records held for their clock apply once this machine's clock has reached them.
    const released = reconsiderQuarantine(store);
    if (released) log(`${released} 条此前暂缓的记录已生效。`);
  } catch (err) {
    const e = toAppError(err);
    log(`暂缓的记录未能重新检查：${e.message} (${e.detail})`);
  }
  return { ok: true, store };
}

/**
 * The day's backup, once the window or the server is up: the backup API copies in steps between other work,
 * so starting is not kept waiting. A failure is said and tried again at the next start.
 */
export async function backupAfterStart(store: Store, log: (line: string) => void): Promise<void> {
  try {
    const b = await dailyBackup(store);
    if (b) log(`已备份：${b.path}`);
  } catch (err) {
    const e = toAppError(err);
    log(`今日自动备份未完成：${e.message} (${e.detail})`);
  }
}
