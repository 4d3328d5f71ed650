// Backups edited after they were made: a restore takes only what this program wrote. Code (triggers), a view in
// a table's place, a foreign index or column, a changed or unconfirmed key, an edited event: refused with the
// reason, the live store byte for byte as it was and no safety backup made. Edits to what the fold derives (the
// tables, conflicts, quarantine) do not survive: those are rebuilt from the verified events.
import Database from 'better-sqlite3';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { sha256Hex } from '../../../electron/core/events/canonical';
import { entitySpecs } from '../../../electron/core/events/entities';
import { seedIds } from '../../../electron/core/plan/seed-ids';
import { backupFileName } from '../../../electron/core/store/backup-names';
import { backupsDir, makeBackup, newestGoodBackup, restoreBackup, restoreOverDamagedFile } from '../../../electron/core/store/backups';
import { openStore } from '../../../electron/core/store/open-store';
import type { Store } from '../../../electron/core/store/store';
import { fingerprint } from '../../../electron/core/sync/keys';
import { installation } from '../../helpers/offices';
import { tempDir } from '../../helpers/temp-store';

const PLAN = '吉政发〔2023〕3号';
const TASK = seedIds.task(PLAN, '1.1.1');
/** A task of battle 2: the battle-1 taskforce may not edit it, so its edit is quarantined where it arrives. */
const OTHER = seedIds.task(PLAN, '2.1.1');

type Office = ReturnType<typeof installation>;

/**
 * What the fold derives, the log and the import history, as a digest: equal on a store and on the same store
 * restored, apart from the announcement of the replica the restore continues as (`except`).
 */
function derived(store: Store, except = ''): string {
  const db = store.sqlite;
  const h = createHash('sha256');
  const dump = (sql: string, ...args: unknown[]) => {
    h.update(`${sql}\n`);
    for (const row of db.prepare(sql).iterate(...args)) h.update(`${JSON.stringify(row)}\n`);
  };
  for (const t of Object.values(entitySpecs).map((e) => e.table)) dump(`SELECT * FROM ${t} WHERE id <> ? ORDER BY id`, except);
  dump('SELECT * FROM task_units ORDER BY task_id, role, unit_id');
  dump('SELECT * FROM task_facts ORDER BY task_id');
  dump('SELECT * FROM conflicts ORDER BY id');
  dump("SELECT * FROM field_clocks WHERE NOT (entity = 'replica' AND entity_id = ?) ORDER BY entity, entity_id, field", except);
  dump('SELECT id, replica, seq, hash, sig, quarantined FROM events WHERE replica <> ? ORDER BY replica, seq', except);
  dump('SELECT event_id, reason FROM quarantine ORDER BY event_id');
  dump('SELECT * FROM import_log ORDER BY bundle_id');
  return h.digest('hex');
}

/**
 * A unit that has exchanged with its taskforce: progress, a conflict it settled by keeping the merged value,
 * the taskforce pinned, and one of the taskforce's events quarantined. Its backup, and the digest at that moment.
 */
async function scenario() {
  const unit = installation({ office: '市商务局', role: 'unit', operator: '王芳' });
  const taskforce = installation({ office: '市发改局', role: 'taskforce', battle: 1, operator: '李明' });
  await Promise.all([unit.ready, taskforce.ready]);
  await unit.call('progress.report', { taskId: TASK, period: '2023-06-1', percent: 20, text: '开始' });
  await unit.call('progress.report', { taskId: TASK, period: '2023-06-2', percent: 30, text: '继续' });
  await unit.call('task.update', { id: TASK, edit: { handler: '周科员' } });
  await taskforce.call('task.update', { id: TASK, edit: { handler: '吴科员' } });
  taskforce.store.log.append([{ entity: 'task', entityId: OTHER, op: 'put', fields: { title: '越权修改' } }]);
  await taskforce.receive(unit.bundleFor());
  await unit.receive(taskforce.bundleFor());
  const info = await unit.call('sync.info', {});
  expect(info.conflicts).toHaveLength(1);
  await unit.call('conflicts.settle', { id: info.conflicts[0]!.id, useOther: false });
  expect(unit.store.sqlite.prepare('SELECT count(*) FROM events WHERE quarantined = 1').pluck().get()).toBe(1);
  const backup = await makeBackup(unit.store, 'manual', { now: new Date('2023-07-01T09:00:00') });
  return { unit, taskforce, backup: backup.path, before: derived(unit.store) };
}

/** A copy of the backup, edited with a connection of its own. */
function edited(backup: string, edit: (db: Database.Database) => void): string {
  const path = join(tempDir(), 'edited.db');
  copyFileSync(backup, path);
  const db = new Database(path);
  try {
    edit(db);
  } finally {
    db.close();
  }
  return path;
}

const freshKey = () => generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).toString('base64');

/** The restore is refused with this reason, and nothing changed: the store's bytes, and no safety backup. */
async function refused(o: Office, path: string, reason: RegExp): Promise<void> {
  const before = o.store.sqlite.serialize();
  const files = readdirSync(backupsDir(o.store.path));
  await expect(restoreBackup(o.store, path)).rejects.toSatisfy((e: unknown) => {
    if (!(e instanceof AppError)) throw e;
    expect(e.message).toMatch(reason);
    expect(e.message).toMatch(/已拒绝恢复，未做任何改动/);
    return true;
  });
  expect(Buffer.compare(o.store.sqlite.serialize(), before)).toBe(0);
  expect(readdirSync(backupsDir(o.store.path))).toEqual(files);
}

/** One event's row, by author and number. */
const eventRow = (db: Database.Database, replica: string, seq: number) =>
  db.prepare('SELECT rowid, body, hash FROM events WHERE replica = ? AND seq = ?').get(replica, seq) as { rowid: number; body: string; hash: string };

const lastSeq = (db: Database.Database, replica: string) => db.prepare('SELECT max(seq) FROM events WHERE replica = ?').pluck().get(replica) as number;

describe('a restored backup carries no code and no schema of anyone else', () => {
  it('refuses a trigger that would replace a pinned key on the next write', async () => {
    const { unit, taskforce, backup } = await scenario();
    const path = edited(backup, (db) => db.exec(`CREATE TRIGGER swap_key AFTER INSERT ON events BEGIN UPDATE peers SET public_key = '${freshKey()}' WHERE replica_id = '${taskforce.store.replicaId}'; END`));
    await refused(unit, path, /含有本程序不会写入的内容（触发器 swap_key）/);
  });

  it('refuses a view standing where the table of pinned keys was', async () => {
    const { unit, backup } = await scenario();
    const key = freshKey();
    const path = edited(backup, (db) =>
      db.exec(
        `ALTER TABLE peers RENAME TO peers_kept;
         CREATE VIEW peers AS SELECT replica_id, '${key}' AS public_key, '${fingerprint(key)}' AS fingerprint, pinned_at, known_vector, last_import_at, last_export_at FROM peers_kept`,
      ),
    );
    await refused(unit, path, /含有本程序不会写入的内容（视图 peers）/);
  });

  it('refuses an index or a column this program does not create, and a missing index', async () => {
    const { unit, backup } = await scenario();
    await refused(unit, edited(backup, (db) => db.exec('CREATE INDEX peers_by_key ON peers (public_key)')), /含有本程序不会写入的内容（索引 peers_by_key）/);
    await refused(unit, edited(backup, (db) => db.exec("ALTER TABLE tasks ADD COLUMN note text DEFAULT ''")), /含有本程序不会写入的内容（表 tasks 的列 note）/);
    await refused(unit, edited(backup, (db) => db.exec('DROP INDEX tasks_code')), /的结构与本程序写入的不同（缺少索引 tasks_code）/);
  });
});

describe('a restored backup does not change whom this office trusts', () => {
  it('refuses a pinned key that was edited', async () => {
    const { unit, taskforce, backup } = await scenario();
    const key = freshKey();
    const path = edited(backup, (db) => db.prepare('UPDATE peers SET public_key = ?, fingerprint = ? WHERE replica_id = ?').run(key, fingerprint(key), taskforce.store.replicaId));
    await refused(unit, path, new RegExp(`单位的密钥（指纹 ${fingerprint(key)}）与本机已确认的（指纹 ${fingerprint(taskforce.store.publicKey)}）不一致`));
  });

  it('refuses a key this office never confirmed, pinned in the backup', async () => {
    const { unit, backup } = await scenario();
    const key = freshKey();
    const path = edited(backup, (db) =>
      db.prepare("INSERT INTO peers (replica_id, public_key, fingerprint, pinned_at) VALUES (?, ?, ?, '2023-06-30T08:00:00.000Z')").run('01890a5d-ac96-7ab2-80e2-4536629c90de', key, fingerprint(key)),
    );
    await refused(unit, path, new RegExp(`有本机从未确认过的单位密钥（指纹 ${fingerprint(key)}）`));
  });

  it('with no store to compare with (it is damaged), an edited pin is still refused, and not offered', async () => {
    const { unit, taskforce, backup } = await scenario();
    const dir = backupsDir(unit.store.path);
    const key = freshKey();
    // Newer than every honest backup, so it is the first one looked at.
    const path = edited(backup, (db) => db.prepare('UPDATE peers SET public_key = ?, fingerprint = ? WHERE replica_id = ?').run(key, fingerprint(key), taskforce.store.replicaId));
    const newer = join(dir, backupFileName(new Date('2099-07-02T09:00:00'), 'daily'));
    copyFileSync(path, newer);
    const storePath = unit.store.path;
    unit.store.close();
    writeFileSync(storePath, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8192, 3)]));
    const damaged = readFileSync(storePath);
    const offered = newestGoodBackup(storePath);
    expect(offered).not.toBeNull();
    expect(offered!.path).not.toBe(newer);
    await expect(restoreOverDamagedFile(storePath, newer)).rejects.toThrow(/已确认的单位密钥（指纹 .*）与该单位自己声明的（指纹 .*）不一致，已拒绝恢复，未做任何改动/);
    expect(Buffer.compare(readFileSync(storePath), damaged)).toBe(0);
    expect(readdirSync(join(storePath, '..')).filter((f) => f.includes('.restoring') || f.includes('.damaged-'))).toEqual([]);
  });
});

describe('a restored backup holds the events as they were written', () => {
  it('refuses an event edited, with its hash or without, or with its columns changed, or missing', async () => {
    const { unit, backup } = await scenario();
    const me = unit.store.replicaId;
    const rewrite = (recomputeHash: boolean, seq: number) => (db: Database.Database) => {
      const e = eventRow(db, me, seq);
      const body = e.body.replace('"text":"开始"', '"text":"篡改"');
      expect(body).not.toBe(e.body);
      db.prepare('UPDATE events SET body = ?, hash = ? WHERE rowid = ?').run(body, recomputeHash ? sha256Hex(body) : e.hash, e.rowid);
    };
    const progressSeq = unit.store.sqlite.prepare(`SELECT seq FROM events WHERE replica = ? AND body LIKE '%"text":"开始"%'`).pluck().get(me) as number;
    await refused(unit, edited(backup, rewrite(false, progressSeq)), new RegExp(`第 \\d+ 条记录的内容与其哈希不符，已被改动`));
    const rehashed = edited(backup, rewrite(true, progressSeq));
    await refused(unit, rehashed, /第 \d+ 条记录与本机已有的同一条记录不同，已被改动/);
    // Held to itself alone (its store damaged), the next event no longer names the edited one's hash.
    const storePath = join(tempDir(), 'ledger.db');
    await expect(restoreOverDamagedFile(storePath, rehashed)).rejects.toThrow(/第 \d+ 条记录与同一单位的前一条衔接不上，已被改动/);
    await refused(unit, edited(backup, (db) => db.prepare('UPDATE events SET entity_id = ? WHERE replica = ? AND seq = ?').run(OTHER, me, progressSeq)), /第 \d+ 条记录的字段与其内容不符/);
    await refused(unit, edited(backup, (db) => db.prepare('DELETE FROM events WHERE replica = ? AND seq = ?').run(me, progressSeq)), /衔接不上/);
  });

  it('refuses the last event of a chain re-hashed: against the store it differs, and on its own its signature fails', async () => {
    const { unit, taskforce, backup } = await scenario();
    const me = unit.store.replicaId;
    const editLast = (db: Database.Database) => {
      const e = eventRow(db, me, lastSeq(db, me));
      const body = e.body.replace(/"handler":"[^"]*"/, '"handler":"冒名"');
      expect(body).not.toBe(e.body);
      db.prepare('UPDATE events SET body = ?, hash = ? WHERE rowid = ?').run(body, sha256Hex(body), e.rowid);
    };
    const path = edited(backup, editLast);
    await refused(unit, path, /与本机已有的同一条记录不同/);
    // Even signed anew with the author's real key (taken here from the taskforce's own store), an event that
    // differs from the one this office holds is refused.
    const forged = edited(backup, (db) => {
      const t = taskforce.store.replicaId;
      const e = eventRow(db, t, lastSeq(db, t));
      const body = e.body.replace('越权修改', '另一个越权修改');
      db.prepare('UPDATE events SET body = ?, hash = ?, sig = ? WHERE rowid = ?').run(body, sha256Hex(body), taskforce.store.log.signBody(body), e.rowid);
    });
    await refused(unit, forged, /与本机已有的同一条记录不同/);
    // With no store to compare with, the chain's signature is what catches it.
    const storePath = join(tempDir(), 'ledger.db');
    writeFileSync(storePath, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8192, 3)]));
    await expect(restoreOverDamagedFile(storePath, path)).rejects.toThrow(/第 \d+ 条记录的签名无效，该单位的记录已被改动/);
    expect(existsSync(`${storePath}.restoring`)).toBe(false);
  });

  it('refuses a settled conflict that no two writes in the log make', async () => {
    const { unit, backup } = await scenario();
    const path = edited(backup, (db) => db.prepare("UPDATE conflicts SET loser_value = '\"某人\"' WHERE settled = 1").run());
    await refused(unit, path, /已处理的冲突与记录不符/);
  });
});

describe('what the fold derives is rebuilt, not taken from the backup', () => {
  it('edits to the tables, task facts, conflicts and quarantine do not survive; the restore succeeds', async () => {
    const { unit, taskforce, backup, before } = await scenario();
    const title = unit.store.sqlite.prepare('SELECT title FROM tasks WHERE id = ?').pluck().get(OTHER);
    const path = edited(backup, (db) => {
      db.prepare("UPDATE tasks SET title = '篡改的标题' WHERE id = ?").run(TASK);
      db.prepare('UPDATE task_facts SET percent = 99, closeout = ? WHERE task_id = ?').run('approved', TASK);
      db.prepare("UPDATE field_clocks SET hlc = '999999999999999:999999' WHERE entity = 'task' AND entity_id = ?").run(TASK);
      db.prepare("UPDATE replicas SET role = 'center' WHERE id = ?").run(taskforce.store.replicaId);
      db.prepare(
        "INSERT INTO conflicts (id, entity, entity_id, field, winner_value, winner_replica, winner_hlc, loser_value, loser_replica, loser_hlc) VALUES ('x', 'task', ?, 'title', '\"a\"', 'r1', 'h1', '\"b\"', 'r2', 'h2')",
      ).run(TASK);
      // The taskforce's out-of-battle edit, taken out of quarantine.
      db.exec('UPDATE events SET quarantined = 0; DELETE FROM quarantine');
      db.prepare('UPDATE tasks SET title = ? WHERE id = ?').run('越权修改', OTHER);
    });
    const r = await restoreBackup(unit.store, path);
    expect(derived(unit.store, r.replicaId)).toBe(before);
    const db = unit.store.sqlite;
    expect(db.prepare('SELECT title FROM tasks WHERE id = ?').pluck().get(OTHER)).toBe(title);
    expect(db.prepare('SELECT count(*) FROM quarantine').pluck().get()).toBe(1);
    expect(db.prepare("SELECT count(*) FROM conflicts WHERE id = 'x'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT percent FROM task_facts WHERE task_id = ?').pluck().get(TASK)).toBe(30);
    expect(db.prepare('SELECT role FROM replicas WHERE id = ?').pluck().get(taskforce.store.replicaId)).toBe('taskforce');
  });

  it('an honest backup restores as before: the same ledger, settled conflicts and quarantine, as a new replica; pins confirmed since are kept', async () => {
    const { unit, taskforce, backup, before } = await scenario();
    // After the backup: more work, and a third office confirmed.
    const center = installation({ office: '总指挥中心', role: 'center' });
    await center.ready;
    await unit.call('progress.report', { taskId: TASK, period: '2023-06-3', percent: 60, text: '备份之后' });
    await unit.receive(center.bundleFor());
    const pins = unit.store.sqlite.prepare('SELECT * FROM peers ORDER BY replica_id').all();
    expect(pins).toHaveLength(2);
    const oldReplica = unit.store.replicaId;
    const r = await restoreBackup(unit.store, backup);
    expect(r.replicaId).not.toBe(oldReplica);
    expect(derived(unit.store, r.replicaId)).toBe(before);
    expect(unit.store.sqlite.prepare('SELECT * FROM peers ORDER BY replica_id').all()).toEqual(pins);
    expect(unit.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(unit.store.sqlite.prepare("SELECT key FROM meta WHERE key IN ('restored_pending', 'signing_key')").pluck().all()).toEqual(['signing_key']);
    // Other offices take the restored installation's next writes, once its new key is confirmed.
    await unit.call('progress.report', { taskId: TASK, period: '2023-06-3', percent: 50, text: '恢复后' });
    expect((await taskforce.receive(unit.bundleFor())).applied).toBeGreaterThan(0);
    // The restored store opens as any other.
    const path = unit.store.path;
    unit.store.close();
    const again = openStore(path);
    expect(again.replicaId).toBe(r.replicaId);
    again.close();
  });

  it('a backup made by an earlier version (fewer migrations), or one SQLite analysed, restores', async () => {
    const { unit, backup, before } = await scenario();
    // Before 0016 a 催报 had no period, before 0015 there were no 领导批示, before 0014 no voids, answers or created_on in the light index; before migration 0013 the light index had no parent_id, before 0012 no task carried its ledger dates, before 0011 no task carried an origin, before 0010 no role was granted to a pin, and before 0009
    // there was no task_facts: the refold fills task_facts, and the pins take the identity their keys announced.
    const older = edited(backup, (db) =>
      db.exec(
        `ALTER TABLE supervisions DROP COLUMN period; DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations);
         DROP TABLE instructions; DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations);
         DROP INDEX tasks_light; CREATE INDEX \`tasks_light\` ON \`tasks\` (\`plan_id\`,\`deleted\`,\`parent_id\`,\`battle_id\`,\`id\`,\`ord\`,\`lead_unit_ids\`,\`due_date\`,\`milestones\`);
         ALTER TABLE tasks DROP COLUMN void_reason; ALTER TABLE tasks DROP COLUMN voided_on; ALTER TABLE closeouts DROP COLUMN answer; ALTER TABLE closeouts DROP COLUMN answered_on; ALTER TABLE closeouts DROP COLUMN withdrawn_on; ALTER TABLE closeouts DROP COLUMN void_reason; ALTER TABLE closeouts DROP COLUMN voided_on; ALTER TABLE decisions DROP COLUMN void_reason; ALTER TABLE decisions DROP COLUMN voided_on; ALTER TABLE problems DROP COLUMN void_reason; ALTER TABLE problems DROP COLUMN voided_on; ALTER TABLE progress DROP COLUMN void_reason; ALTER TABLE progress DROP COLUMN voided_on; DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations);
         DROP INDEX tasks_light; CREATE INDEX \`tasks_light\` ON \`tasks\` (\`plan_id\`,\`deleted\`,\`battle_id\`,\`id\`,\`ord\`,\`lead_unit_ids\`,\`due_date\`,\`milestones\`);
         DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations);
         ALTER TABLE tasks DROP COLUMN created_on; ALTER TABLE tasks DROP COLUMN changed_on; DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations);
         ALTER TABLE tasks DROP COLUMN origin_task_id; DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations);
         DROP TABLE grants; DROP TABLE releases; DROP INDEX events_held;
         ALTER TABLE peers DROP COLUMN office_unit_id; ALTER TABLE peers DROP COLUMN role; ALTER TABLE peers DROP COLUMN battle; ALTER TABLE quarantine DROP COLUMN kind;
         DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations);
         DROP TABLE task_facts; DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations); DELETE FROM meta WHERE key = 'task_facts_filled'`,
      ),
    );
    const r = await restoreBackup(unit.store, older);
    expect(derived(unit.store, r.replicaId)).toBe(before);
    const analysed = edited(backup, (db) => db.exec('ANALYZE'));
    const r2 = await restoreBackup(unit.store, analysed);
    expect(r2.events).toBeGreaterThan(0);
  });
});
