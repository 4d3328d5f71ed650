// Backups that are checked before they count, a retention that keeps the last 30 and each month's first, and
// a restore that never reuses a sequence number: other offices accept what the restored installation writes.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { backupFileName, backupsDir } from '../../../electron/core/store/backup-names';
import { backupsToDelete, dailyBackup, listBackups, makeBackup, restoreBackup, restoreOverDamagedFile, newestGoodBackup } from '../../../electron/core/store/backups';
import { openStore } from '../../../electron/core/store/open-store';
import { seedIds } from '../../../electron/core/plan/seed-ids';
import { stateDigest } from '../../../electron/core/sync/digest';
import { installation } from '../../helpers/offices';
import { tempDir } from '../../helpers/temp-store';

const TASK = seedIds.task('吉政发〔2023〕3号', '1.1.1');
const percentOf = async (o: ReturnType<typeof installation>) => (await o.call('task.detail', { id: TASK })).task.percent;

describe('backups', () => {
  it('are online copies that pass integrity_check, one a day, named by when and why', async () => {
    const o = installation({ office: '市商务局', role: 'unit' });
    await o.ready;
    const b = await makeBackup(o.store, 'manual', { now: new Date('2023-03-31T10:15:00') });
    expect(b.file).toBe('ledger-20230331-101500-manual.db');
    // Nothing but the backups themselves: no copy in progress, no SQLite side files left by the check.
    expect(readdirSync(backupsDir(o.store.path)).filter((f) => !f.endsWith('.db'))).toEqual([]);
    expect(await dailyBackup(o.store, new Date('2023-04-01T08:00:00'))).not.toBeNull();
    expect(await dailyBackup(o.store, new Date('2023-04-01T17:00:00'))).toBeNull();
    expect(listBackups(o.store.path).map((x) => x.reason)).toEqual(['daily', 'manual']);
  });

  it('each store keeps its own: two ledgers in one folder never list each other’s copies; copies from the shared folder are still offered', async () => {
    const dir = tempDir();
    const county = openStore(join(dir, 'county.db'));
    const trial = openStore(join(dir, 'trial.db'));
    try {
      const a = await makeBackup(county, 'manual', { now: new Date('2023-03-31T10:00:00') });
      await makeBackup(trial, 'manual', { now: new Date('2023-03-31T11:00:00') });
      expect(a.path.startsWith(join(dir, 'backups', 'county'))).toBe(true);
      expect(listBackups(county.path).map((b) => b.file)).toEqual([a.file]);
      expect(listBackups(trial.path).map((b) => b.path.startsWith(backupsDir(trial.path)))).toEqual([true]);
      // A copy left in the folder all stores shared before: offered to both, as it was.
      writeFileSync(join(dir, 'backups', backupFileName(new Date('2023-03-01T09:00:00'), 'daily')), 'old');
      expect(listBackups(county.path)).toHaveLength(2);
    } finally {
      county.close();
      trial.close();
    }
  });

  it('keep the newest 30 and the first of each month', () => {
    const names: string[] = [];
    for (let m = 1; m <= 3; m++) for (let d = 1; d <= 28; d++) names.push(backupFileName(new Date(2023, m - 1, d, 9), 'daily'));
    const gone = new Set(backupsToDelete(names));
    const kept = names.filter((n) => !gone.has(n));
    // The newest 30 run from 28 March back to 27 February (1 March among them); Jan 1 and Feb 1 are added.
    expect(kept).toHaveLength(30 + 2);
    expect(kept).toContain(backupFileName(new Date(2023, 0, 1, 9), 'daily'));
    expect(kept).toContain(backupFileName(new Date(2023, 1, 1, 9), 'daily'));
    expect(kept).toContain(backupFileName(new Date(2023, 2, 1, 9), 'daily'));
    expect(kept).not.toContain(backupFileName(new Date(2023, 0, 2, 9), 'daily'));
  });
});

describe('a backup kept away from this PC', () => {
  it('leaves through the outbox byte for byte, only by the name of one of this store\'s backups', async () => {
    const office = installation({ office: '总指挥中心', role: 'center' });
    await office.ready;
    const { file: name } = await office.call('backup.create', {});
    const { file } = await office.call('backup.export', { file: name });
    expect(file.name).toBe(name);
    const original = listBackups(office.store.path).find((b) => b.file === name)!;
    expect(office.made(file).equals(readFileSync(original.path))).toBe(true);
    for (const bad of ['../../etc/passwd', '/etc/passwd', `${name}.x`]) {
      const r = await office.call.attempt('backup.export', { file: bad });
      expect(r.ok ? '' : r.error.message).toMatch(/备份“.*”不存在/);
    }
  });
});

describe('restore', () => {
  it('puts the backup back, keeps a backup of what it replaced, and continues as a new replica other offices accept', async () => {
    const unit = installation({ office: '市商务局', role: 'unit', operator: '王芳' });
    const taskforce = installation({ office: '市发改局', role: 'taskforce', battle: 1 });
    await Promise.all([unit.ready, taskforce.ready]);
    await unit.call('progress.report', { taskId: TASK, period: '2023-06-1', percent: 20, text: '开始' });
    const backup = await makeBackup(unit.store, 'manual');
    // After the backup: more work, which reaches the taskforce by file.
    await unit.call('progress.report', { taskId: TASK, period: '2023-06-2', percent: 40, text: '过半' });
    await taskforce.receive(unit.bundleFor());
    const oldReplica = unit.store.replicaId;

    const r = await restoreBackup(unit.store, backup.path);
    expect(r.replicaId).not.toBe(oldReplica);
    expect(existsSync(join(backupsDir(unit.store.path), r.safetyBackup))).toBe(true);
    expect(await percentOf(unit)).toBe(20);
    expect((await unit.call('identity.get', {})).identity).toMatchObject({ officeName: '市商务局', role: 'unit', operator: '王芳' });

    // The restored installation writes again; the taskforce (which holds the old replica's later events) takes it
    // without a fork, once its new key is confirmed.
    await unit.call('progress.report', { taskId: TASK, period: '2023-06-3', percent: 60, text: '恢复后继续' });
    await expect(taskforce.receive(unit.bundleFor(), {})).rejects.toThrow(/核对指纹/);
    const r2 = await taskforce.receive(unit.bundleFor());
    expect(r2.applied).toBeGreaterThan(0);
    // And what the unit lost comes back from the taskforce.
    await unit.receive(taskforce.bundleFor());
    expect(await percentOf(unit)).toBe(60);
    expect(stateDigest(unit.store)).toBe(stateDigest(taskforce.store));
  });

  it('refuses a damaged backup or one of another installation, changing nothing', async () => {
    const a = installation({ office: '市商务局', role: 'unit' });
    const b = installation({ office: '市发改局', role: 'unit' });
    await Promise.all([a.ready, b.ready]);
    const other = await makeBackup(b.store, 'manual');
    const damaged = join(tempDir(), 'ledger-20230101-000000-manual.db');
    writeFileSync(damaged, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 7)]));
    const before = a.store.sqlite.serialize();
    await expect(restoreBackup(a.store, other.path)).rejects.toThrow(/不是本机台账的备份/);
    await expect(restoreBackup(a.store, damaged)).rejects.toSatisfy((e: unknown) => e instanceof AppError && /已损坏/.test(e.message));
    await expect(restoreBackup(a.store, join(tempDir(), 'none.db'))).rejects.toThrow(/找不到/);
    expect(Buffer.compare(a.store.sqlite.serialize(), before)).toBe(0);
  });

  it('a store too damaged to open is set aside and replaced by the newest good backup; the next open is a new replica', async () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    const s = openStore(path);
    const { setIdentity } = await import('../../../electron/core/app/identity');
    setIdentity(s, { office: '市商务局', role: 'unit' });
    const oldReplica = s.replicaId;
    await makeBackup(s, 'daily');
    s.close();
    writeFileSync(path, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8192, 3)]));
    expect(() => openStore(path)).toThrow(AppError);
    const good = newestGoodBackup(path)!;
    expect(good.reason).toBe('daily');
    const aside = await restoreOverDamagedFile(path, good.path);
    expect(existsSync(aside)).toBe(true);
    const again = openStore(path);
    try {
      expect(again.replicaId).not.toBe(oldReplica);
      const { getIdentity } = await import('../../../electron/core/app/identity');
      expect(getIdentity(again)).toMatchObject({ officeName: '市商务局', role: 'unit' });
      expect(again.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      again.close();
    }
  });
});
