// backup.list|create|export|restore (shared/contract/store.ts).
import { copyFileSync } from 'node:fs';
import type { storeContract } from '../../../shared/contract/store';
import { AppError } from '../../../shared/errors';
import type { CoreContext, HandlersOf } from '../handler-context';
import { backupsDir, listBackups, makeBackup, restoreBackup } from './backups';

export function storeHandlers({ store, outbox }: CoreContext): HandlersOf<typeof storeContract> {
  // Only a backup of this store's folder, by name: the interface never hands the core a path.
  const named = (file: string) => {
    const found = listBackups(store.path).find((b) => b.file === file);
    if (!found) throw new AppError('not_found', `备份“${file}”不存在。`, `no backup ${file}`);
    return found;
  };
  return {
    'backup.list': () => ({ dir: backupsDir(store.path), backups: listBackups(store.path).map(({ file, at, reason, size }) => ({ file, at, reason, size })) }),
    'backup.create': async () => {
      const b = await makeBackup(store, 'manual');
      return { file: b.file, size: b.size };
    },
    'backup.export': async ({ file }) => {
      const found = named(file);
      return { file: await outbox.put(found.file, (to) => copyFileSync(found.path, to)) };
    },
    'backup.restore': async ({ file }) => {
      const r = await restoreBackup(store, named(file).path);
      return { restoredFrom: r.restoredFrom, safetyBackup: r.safetyBackup, fingerprint: r.fingerprint, events: r.events };
    },
  };
}
