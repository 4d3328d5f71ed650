// The store's own copies: daily, before import and migration, by hand, and restoring one.
import { z } from 'zod';
import { empty, outgoingFileSchema } from './common';

export const storeContract = {
  'backup.list': {
    input: empty,
    output: z.object({
      dir: z.string(),
      backups: z.array(z.object({ file: z.string(), at: z.string(), reason: z.enum(['daily', 'import', 'migration', 'manual', 'before-restore']), size: z.number().int() })),
    }),
  },
  'backup.create': { input: empty, output: z.object({ file: z.string(), size: z.number().int() }) },
  /** One of this store's backups (by file name), to keep away from this PC — on a USB stick — like any made file. */
  'backup.export': { input: z.object({ file: z.string().min(1).max(120) }).strict(), output: z.object({ file: outgoingFileSchema }) },
  /** Restores one of this store's backups (by file name, from its backups folder); the current store is backed up first. */
  'backup.restore': {
    input: z.object({ file: z.string().min(1).max(120) }).strict(),
    output: z.object({ restoredFrom: z.string(), safetyBackup: z.string(), fingerprint: z.string(), events: z.number().int() }),
  },
} as const;
