// Backups of the store: SQLite's online backup of the live database (never a file copy of a live WAL store),
// each checked with integrity_check before it counts; kept are the last 30 and the first of each month. A
// restore first verifies the backup (backup-verify.ts: this program's schema, a log it could have written, keys
// this installation already trusts), backs up the current store, copies the verified events in and folds them
// again in one transaction on the live file (restore-copy.ts), and continues as a new replica so no sequence
// number is ever reused.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { resourcePaths } from '../paths';
import { fingerprint } from '../sync/keys';
import { backupFileName, backupsDir, parseBackupName, sharedBackupsDir, type BackupReason } from './backup-names';
import { openBackup, seedAnchor, storeAnchor, verifyBackup, type TrustAnchor, type VerifiedBackup } from './backup-verify';
import type { Store } from './store';
import { copyVerified } from './restore-copy';

export const KEEP_LAST = 30;

export interface BackupInfo {
  file: string;
  path: string;
  at: string;
  reason: BackupReason;
  size: number;
}

export { backupsDir } from './backup-names';

function restrict(path: string): void {
  try {
    chmodSync(path, 0o600);
  } catch {
    // no POSIX modes here
  }
}

/** Full integrity_check of a database file, read-only; the reason when it is not a healthy ledger. */
export function checkBackupFile(path: string): { ok: true; replica: string; installation: string; events: number; lastEvent: string; plan: string; migrations: number } | { ok: false; why: string } {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    // Any file may be handed to this check: what a view or trigger in it could call is not to be trusted.
    db.pragma('trusted_schema = OFF');
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') return { ok: false, why: `integrity_check: ${String(check)}` };
    const meta = (k: string) => (db!.prepare('SELECT value FROM meta WHERE key = ?').get(k) as { value: string } | undefined)?.value ?? '';
    const replica = meta('replica_id');
    if (!replica) return { ok: false, why: 'no replica id: not a ledger store' };
    const ev = db.prepare('SELECT count(*) AS n, max(hlc) AS h FROM events').get() as { n: number; h: string | null };
    const migrations = (db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
    const wall = ev.h ? parseInt(ev.h.slice(0, 15), 10) : 0;
    return {
      ok: true,
      replica,
      installation: meta('installation_id') || replica,
      events: ev.n,
      lastEvent: wall ? new Date(wall).toISOString() : '',
      plan: meta('seeded_plan'),
      migrations,
    };
  } catch (err) {
    return { ok: false, why: (err as Error).message };
  } finally {
    db?.close();
  }
}

/** Which backups to keep: the newest KEEP_LAST, and the oldest of each month. */
export function backupsToDelete(files: readonly string[]): string[] {
  const parsed = files.flatMap((f) => {
    const p = parseBackupName(f);
    return p ? [{ f, ...p }] : [];
  });
  const newestFirst = [...parsed].sort((a, b) => b.f.localeCompare(a.f));
  const keep = new Set(newestFirst.slice(0, KEEP_LAST).map((x) => x.f));
  const firstOfMonth = new Map<string, string>();
  for (const x of [...parsed].sort((a, b) => a.f.localeCompare(b.f))) if (!firstOfMonth.has(x.month)) firstOfMonth.set(x.month, x.f);
  for (const f of firstOfMonth.values()) keep.add(f);
  return parsed.filter((x) => !keep.has(x.f)).map((x) => x.f);
}

export function listBackups(storePath: string): BackupInfo[] {
  const read = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir).flatMap((file) => {
          const p = parseBackupName(file);
          return p ? [{ file, path: join(dir, file), at: p.at, reason: p.reason, size: statSync(join(dir, file)).size }] : [];
        })
      : [];
  // Copies made before each store had its own folder are still offered; a name in both is the store's own.
  const own = read(backupsDir(storePath));
  const names = new Set(own.map((b) => b.file));
  return [...own, ...read(sharedBackupsDir(storePath)).filter((b) => !names.has(b.file))].sort((a, b) => b.file.localeCompare(a.file));
}

/**
 * Backs up the live store into the backups folder (or `outDir`), checks the copy, and prunes old ones. The
 * copy is written under a temporary name and renamed only once it passed its check.
 */
export async function makeBackup(store: Store, reason: BackupReason, options: { outDir?: string; now?: Date; spare?: string } = {}): Promise<BackupInfo> {
  const dir = options.outDir ?? backupsDir(store.path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const at = options.now ?? new Date();
  let file = backupFileName(at, reason);
  for (let n = 2; existsSync(join(dir, file)); n++) file = backupFileName(at, reason).replace(/-([a-z-]+)\.db$/, `-${n}-$1.db`);
  const final = join(dir, file);
  const tmp = `${final}.part`;
  try {
    await store.sqlite.backup(tmp);
    const check = checkBackupFile(tmp);
    removeSideFiles(tmp);
    if (!check.ok) throw new AppError('internal', '备份文件校验未通过，已删除该备份，台账本身未受影响。', `backup check failed: ${check.why}`);
    restrict(tmp);
    renameSync(tmp, final);
  } catch (err) {
    rmSync(tmp, { force: true });
    removeSideFiles(tmp);
    throw err;
  }
  if (!options.outDir) {
    // `spare`: the backup being restored, open meanwhile (Windows cannot delete an open file) and wanted after.
    for (const f of backupsToDelete(readdirSync(dir))) if (join(dir, f) !== options.spare) rmSync(join(dir, f), { force: true });
    // Copies cut short by a crash; an hour old, so none still being written by another process.
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.db.part'))) {
      if (Date.now() - statSync(join(dir, f)).mtimeMs > 3_600_000) rmSync(join(dir, f), { force: true });
    }
  }
  const p = parseBackupName(file)!;
  return { file, path: final, at: p.at, reason, size: statSync(final).size };
}

/**
 * The copy is in WAL mode like its store; the read-only check leaves an empty -wal and a -shm beside it, which no
 * connection needs once it is closed (a WAL with content is left alone: it would hold pages).
 */
function removeSideFiles(path: string): void {
  rmSync(`${path}-shm`, { force: true });
  if (existsSync(`${path}-wal`) && statSync(`${path}-wal`).size === 0) rmSync(`${path}-wal`, { force: true });
}

/** One backup a day, on the first start of the day. */
export async function dailyBackup(store: Store, now: Date = new Date()): Promise<BackupInfo | null> {
  const today = backupFileName(now, 'daily').slice(7, 15);
  if (listBackups(store.path).some((b) => b.reason === 'daily' && b.file.slice(7, 15) === today)) return null;
  return makeBackup(store, 'daily', { now });
}

type ReplicaIdentity = { office: string; role: string; battle: number; operator: string };

/**
 * The store's content came from a backup: continue as a new replica with a new key, announcing the same office
 * and role (the restored data's, else `fallback`), so no sequence number of the old replica is written again.
 */
export function continueAsNewReplica(store: Store, fallback?: ReplicaIdentity): void {
  const old = (store.sqlite.prepare("SELECT value FROM meta WHERE key = 'replica_id'").get() as { value: string }).value;
  const identity =
    (store.sqlite.prepare("SELECT office_unit_id AS office, role, battle, operator FROM replicas WHERE id = ? AND role <> ''").get(old) as ReplicaIdentity | undefined) ?? fallback;
  store.adoptNewReplica();
  if (identity?.role) {
    store.log.append([
      {
        entity: 'replica',
        entityId: store.replicaId,
        op: 'put',
        fields: { officeUnitId: identity.office, role: identity.role, battle: identity.battle, operator: identity.operator, publicKey: store.publicKey },
      },
    ]);
  }
  store.sqlite.prepare("DELETE FROM meta WHERE key = 'restored_pending'").run();
}

export interface RestoreResult {
  restoredFrom: string;
  safetyBackup: string;
  replicaId: string;
  fingerprint: string;
  events: number;
}

/**
 * Replaces the live store's content with a backup of this installation. The backup is verified first (nothing
 * changes when it fails); the current content is backed up; the verified events are copied in and folded again in
 * one transaction on the live file (a crash leaves the store as it was); then the installation continues as a new
 * replica with a new key (other offices confirm its new fingerprint once).
 */
export async function restoreBackup(store: Store, backupPath: string, now: Date = new Date()): Promise<RestoreResult> {
  const path = resolve(backupPath);
  if (!existsSync(path)) throw new AppError('not_found', `找不到备份文件“${backupPath}”。`, `no backup ${path}`);
  const check = checkBackupFile(path);
  if (!check.ok) throw new AppError('store_corrupt', `备份文件“${basename(path)}”已损坏或不是台账备份，未做任何改动。`, `backup unusable: ${check.why}`);
  if (check.installation !== store.installationId) {
    throw new AppError('bad_input', '这个备份不是本机台账的备份（来自另一台电脑或另一个台账），未做任何改动。其他单位的数据请用同步包导入。', `backup of installation ${check.installation}, this is ${store.installationId}`);
  }
  if (check.migrations > store.schemaVersion) {
    throw new AppError('store_newer', '这个备份由更新版本的专班台账创建，请升级本程序后再恢复。', `backup has ${check.migrations} migrations`);
  }
  const identity = store.sqlite
    .prepare("SELECT office_unit_id AS office, role, battle, operator FROM replicas WHERE id = ? AND role <> ''")
    .get(store.replicaId) as ReplicaIdentity | undefined;
  let safety: BackupInfo;
  let verified: VerifiedBackup;
  const src = openBackup(path);
  try {
    verified = verifyBackup(src, storeAnchor(store), store.migrationsDir);
    safety = await makeBackup(store, 'before-restore', { now, spare: path });
    copyVerified(src, store.sqlite, verified, { installation: store.installationId });
  } finally {
    src.close();
  }
  try {
    continueAsNewReplica(store, identity);
  } catch (err) {
    // The content is the backup's but this process still holds the old replica and key: writing now could reuse a
    // sequence number. The store is closed instead; the next start continues as a new replica (restored_pending).
    store.close();
    throw err;
  }
  return { restoredFrom: basename(path), safetyBackup: safety.file, replicaId: store.replicaId, fingerprint: fingerprint(store.publicKey), events: verified.events };
}

export interface ProgramFiles {
  migrationsDir?: string;
  seedFile?: string;
}

function programFiles(files: ProgramFiles): Required<ProgramFiles> {
  if (files.migrationsDir && files.seedFile) return { migrationsDir: files.migrationsDir, seedFile: files.seedFile };
  const res = resourcePaths();
  return { migrationsDir: files.migrationsDir ?? res.migrationsDir, seedFile: files.seedFile ?? res.seedFile };
}

/**
 * The newest backup that passes its checks, to offer when the store itself cannot be opened: integrity, and the
 * same verification as a restore, held to the seed this program ships since the store is not there to compare.
 */
export function newestGoodBackup(storePath: string, files: ProgramFiles = {}): (BackupInfo & { events: number; lastEvent: string }) | null {
  let anchor: TrustAnchor | undefined;
  for (const b of listBackups(storePath)) {
    if (!checkBackupFile(b.path).ok) continue;
    let src: Database.Database | undefined;
    try {
      const { migrationsDir, seedFile } = programFiles(files);
      anchor ??= seedAnchor(seedFile);
      src = openBackup(b.path);
      const v = verifyBackup(src, anchor, migrationsDir);
      return { ...b, events: v.events, lastEvent: v.lastEvent };
    } catch {
      // Not offered: the next older one may be good.
    } finally {
      src?.close();
    }
  }
  return null;
}

/**
 * A store that cannot be opened at all: the backup is verified (against itself and the shipped seed: the store
 * is not there to compare with) and rebuilt into a new file beside the store, the same way a restore copies;
 * then the damaged file is set aside (never deleted) and the new one put in its place. The next open continues
 * as a new replica (see `continueAsNewReplica`).
 */
export async function restoreOverDamagedFile(storePath: string, backupPath: string, now: Date = new Date(), files: ProgramFiles = {}): Promise<string> {
  const check = checkBackupFile(backupPath);
  if (!check.ok) throw new AppError('store_corrupt', '备份文件已损坏，未做任何改动。', `backup unusable: ${check.why}`);
  const { migrationsDir, seedFile } = programFiles(files);
  const tmp = `${storePath}.restoring`;
  const clear = () => {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(tmp + suffix, { force: true });
  };
  clear();
  const src = openBackup(backupPath);
  try {
    const verified = verifyBackup(src, seedAnchor(seedFile), migrationsDir);
    const db = new Database(tmp);
    try {
      migrate(drizzle(db), { migrationsFolder: migrationsDir });
      copyVerified(src, db, verified, { installation: verified.installation });
    } finally {
      db.close();
    }
  } catch (err) {
    clear();
    throw err;
  } finally {
    src.close();
  }
  restrict(tmp);
  const aside = `${storePath}.damaged-${backupFileName(now, 'manual').slice(7, 22)}`;
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(storePath + suffix)) renameSync(storePath + suffix, aside + suffix);
  renameSync(tmp, storePath);
  return aside;
}
