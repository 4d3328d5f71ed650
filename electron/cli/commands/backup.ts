// `backup` and `restore`: a checked online backup (into the store's backups folder or --out), and a restore
// that backs up the current store first and continues as a new replica. A store too damaged to open is set
// aside (renamed, never deleted) and the backup put in its place.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError, toAppError } from '../../../shared/errors';
import { makeBackup, restoreBackup, restoreOverDamagedFile } from '../../core/store/backups';
import { openStore } from '../../core/store/open-store';
import { EXIT_OK, requireOption, type CliIo } from '../context';

export async function backupCommand(dbPath: string, out: string | undefined, io: CliIo): Promise<number> {
  const store = openStore(dbPath, { create: false });
  try {
    const b = await makeBackup(store, 'manual', out ? { outDir: resolve(io.env.INIT_CWD || process.cwd(), out) } : {});
    io.out(`已备份（已通过完整性检查）：${b.path}`);
    return EXIT_OK;
  } finally {
    store.close();
  }
}

export async function restoreCommand(dbPath: string, positionals: string[], io: CliIo): Promise<number> {
  if (positionals.length > 1) throw new AppError('bad_input', `多余的参数：${positionals.slice(1).join(' ')}`, 'extra positionals');
  const backup = resolve(io.env.INIT_CWD || process.cwd(), requireOption(positionals[0], '备份文件', '要恢复的备份 .db 文件'));
  if (!existsSync(backup)) throw new AppError('not_found', `找不到备份文件“${backup}”。`, `no backup ${backup}`);
  let store;
  try {
    store = openStore(dbPath, { create: false });
  } catch (err) {
    const e = toAppError(err);
    if (e.code !== 'store_corrupt') throw e;
    const aside = await restoreOverDamagedFile(dbPath, backup);
    io.out(`台账文件已损坏，已改名保留为：${aside}`);
    store = openStore(dbPath, { create: false });
    io.out(`已从备份恢复。本机已启用新的密钥，指纹须由其他单位重新核对。`);
    store.close();
    return EXIT_OK;
  }
  try {
    const r = await restoreBackup(store, backup);
    io.out(`已从 ${r.restoredFrom} 恢复（${r.events} 条记录）。恢复前的台账已备份为 ${r.safetyBackup}。`);
    io.out(`本机已启用新的密钥，指纹 ${r.fingerprint}：其他单位导入本机下一个同步包时须核对。`);
    return EXIT_OK;
  } finally {
    store.close();
  }
}
