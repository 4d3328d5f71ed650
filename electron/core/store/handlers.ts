// backup.list|create|restore (shared/contract/store.ts).
import type { storeContract } from '../../../shared/contract/store';
import { AppError } from '../../../shared/errors';
import type { CoreContext, HandlersOf } from '../handler-context';
import { backupsDir, listBackups, makeBackup, restoreBackup } from './backups';

export function storeHandlers({ store }: CoreContext): HandlersOf<typeof storeContract> {
  return {
    'backup.list': () => ({ dir: backupsDir(store.path), backups: listBackups(store.path).map(({ file, at, reason, size }) => ({ file, at, reason, size })) }),
    'backup.create': async () => {
      const b = await makeBackup(store, 'manual');
      return { file: b.file, size: b.size };
    },
    'backup.restore': async ({ file }) => {
      // Only a backup of this store's folder, by name: the interface never hands the core a path.
      const found = listBackups(store.path).find((b) => b.file === file);
      if (!found) throw new AppError('not_found', `备份“${file}”不存在。`, `no backup ${file}`);
      const r = await restoreBackup(store, found.path);
      return { restoredFrom: r.restoredFrom, safetyBackup: r.safetyBackup, fingerprint: r.fingerprint, events: r.events };
    },
  };
}
