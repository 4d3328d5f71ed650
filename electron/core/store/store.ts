// The SQLite file of a ledger: opened with its pragmas, checked, migrated — and the `Store` everything else is handed.
// What a store holds beyond its schema (identity, keys, the seeded plan, derived tables, a pending restore) is put
// there by open-store.ts, above this module, so the many modules that only need the type import nothing of that.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { accessSync, chmodSync, closeSync, constants, writeFileSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError, toAppError } from '../../../shared/errors';
import type { EventLog } from '../events/log';
import { backupFileName, backupsDir } from './backup-names';

export interface Store {
  readonly path: string;
  readonly sqlite: Database.Database;
  readonly log: EventLog;
  readonly replicaId: string;
  readonly publicKey: string;
  readonly schemaVersion: number;
  /** Where this store's migrations came from: a backup's schema is compared with what they produce. */
  readonly migrationsDir: string;
  /** The first replica id this installation had: backups of any of its replicas belong to it. */
  readonly installationId: string;
  /**
   * After a restore: continue as a new replica with a new key, so no sequence number the old replica already
   * used (and other offices may hold) is ever written again with other content.
   */
  adoptNewReplica(): void;
  close(): void;
}

export interface OpenedDatabase {
  readonly sqlite: Database.Database;
  /** This call made the file. */
  readonly created: boolean;
  /** How many migrations this program knows (all applied now). */
  readonly schemaVersion: number;
  /** Closes it after a failure; a file this call made is removed, or the next start would take it for a real one. */
  abandon(): void;
}

const SQLITE_HEADER = 'SQLite format 3\0';

function journalEntries(migrationsDir: string): number {
  const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

function hasSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return n === 16 && buf.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

/** Read-only look at an existing file: is it a healthy ledger, and is it newer than this program? */
function inspectExisting(path: string, known: number): void {
  const size = statSync(path).size;
  if (size === 0) return; // an empty file is a new database to SQLite
  if (!hasSqliteHeader(path)) {
    throw new AppError('store_corrupt', `文件“${path}”不是台账数据文件，或已损坏。`, `not an SQLite database: ${path}`);
  }
  let ro: Database.Database | undefined;
  try {
    ro = new Database(path, { readonly: true, fileMustExist: true });
    const check = ro.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`);
    const hasTable = ro.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'").get();
    if (hasTable) {
      const applied = (ro.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
      if (applied > known) {
        throw new AppError('store_newer', '该台账由更新版本的专班台账创建，请升级本程序后再打开。', `store has ${applied} migrations, this build knows ${known}`);
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    // A folder that cannot be written (read-only stick, no permission) is not a damaged ledger.
    const mapped = toAppError(err);
    if (mapped.code === 'read_only' || mapped.code === 'store_busy' || !canWriteBeside(path)) {
      throw mapped.code === 'internal' || mapped.code === 'store_corrupt' ? new AppError('read_only', '台账所在的文件夹不可写（只读、无权限或U盘已写保护），无法打开。请把台账放在可写的文件夹。', `not writable: ${path}: ${mapped.detail}`) : mapped;
    }
    const detail = err instanceof Error ? err.message : String(err);
    throw new AppError('store_corrupt', `台账文件“${path}”已损坏，无法打开。请从备份恢复。`, `integrity check failed for ${path}: ${detail}`);
  } finally {
    ro?.close();
  }
}

/** A consistent copy (VACUUM INTO, a transaction of its own) before migrations change an existing store. */
function backupBeforeMigration(sqlite: Database.Database, path: string, known: number): void {
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'").get();
  const applied = hasTable ? (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n : 0;
  if (applied === 0 || applied >= known) return;
  const dir = backupsDir(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = join(dir, backupFileName(new Date(), 'migration'));
  sqlite.prepare('VACUUM INTO ?').run(target);
  restrictToUser(target);
}

function restrictToUser(file: string): void {
  try {
    chmodSync(file, 0o600);
  } catch {
    // Windows and some mounted folders have no POSIX modes; the OS's own ACLs apply there.
  }
}

function canWriteBeside(path: string): boolean {
  try {
    accessSync(dirname(path), constants.W_OK);
    const probe = join(dirname(path), `.write-test-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens (or, unless `create` is false, creates) the file and brings its schema up to date: WAL, foreign keys, an
 * integrity check, and a backup before migrations change an existing store. Anything wrong with the file is
 * reported as an AppError before a byte is written.
 */
export function openDatabase(path: string, options: { create?: boolean; migrationsDir: string }): OpenedDatabase {
  const known = journalEntries(options.migrationsDir);
  const exists = existsSync(path);

  if (!exists && options.create === false) {
    throw new AppError('store_missing', `找不到台账文件“${path}”。请先用 init 命令创建。`, `store not found: ${path}`);
  }
  if (exists) {
    if (statSync(path).isDirectory()) throw new AppError('bad_input', `“${path}”是文件夹，不是台账文件。`, `path is a directory: ${path}`);
    inspectExisting(path, known);
  } else {
    // The ledger is official records: only this user may read the folder (ignored where there are no modes).
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  }

  const sqlite = new Database(path);
  const abandon = () => {
    sqlite.close();
    if (!exists) for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
  };
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    if (exists) backupBeforeMigration(sqlite, path, known);
    migrate(drizzle(sqlite), { migrationsFolder: options.migrationsDir });
    if (!exists) restrictToUser(path);
  } catch (err) {
    abandon();
    throw err;
  }
  return { sqlite, created: !exists, schemaVersion: known, abandon };
}
