import { basename, dirname, join } from 'node:path';
// Backup files are named by when and why they were made, so a folder listing is already the history:
// ledger-20230331-101500-daily.db
export const backupReasons = ['daily', 'import', 'migration', 'manual', 'before-restore'] as const;
export type BackupReason = (typeof backupReasons)[number];

const p = (n: number) => String(n).padStart(2, '0');

export function backupFileName(at: Date, reason: BackupReason): string {
  return `ledger-${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}-${reason}.db`;
}

const NAME = /^ledger-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?-(daily|import|migration|manual|before-restore)\.db$/;

/** When and why, from a backup's file name; null for other files. */
export function parseBackupName(name: string): { at: string; day: string; month: string; reason: BackupReason } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  return { at: `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}`, day: `${m[1]}-${m[2]}-${m[3]}`, month: `${m[1]}-${m[2]}`, reason: m[7] as BackupReason };
}

/**
 * Each store its own backups folder, beside it: backups/<store name>/. Two ledgers in one folder (a county's and a
 * test copy) never list, prune or restore each other's copies.
 */
export function backupsDir(storePath: string): string {
  return join(dirname(storePath), 'backups', basename(storePath).replace(/\.[^.]*$/, '') || 'ledger');
}

/** The folder all stores beside each other shared before each had its own: still listed, never pruned into. */
export function sharedBackupsDir(storePath: string): string {
  return join(dirname(storePath), 'backups');
}
