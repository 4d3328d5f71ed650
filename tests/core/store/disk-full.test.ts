// A disk that fills up: a small tmpfs (mounting needs root; where it cannot be mounted the test says so and is
// skipped). Writes go on until the disk is full; the failure is a clear Chinese message, every write committed
// before it is there whole, and the store passes integrity_check.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { toAppError } from '../../../shared/errors';
import { createHandlers } from '../../../electron/core/handlers';
import { openStore } from '../../../electron/core/store/open-store';
import { caller } from '../../helpers/call';

const mountPoint = mkdtempSync(join(tmpdir(), 'ledger-small-disk-'));
const mounted = (() => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

afterAll(() => {
  if (mounted) execFileSync('umount', [mountPoint], { stdio: 'ignore' });
  rmSync(mountPoint, { recursive: true, force: true });
});

describe.skipIf(!mounted)('a full disk (skipped: mounting a small tmpfs needs root)', () => {
  it('refuses the write that does not fit with a Chinese message and keeps every committed one', async () => {
    const path = join(mountPoint, 'ledger.db');
    const store = openStore(path);
    const call = caller(createHandlers({ store, version: '0' }));
    await call('identity.set', { office: '总指挥中心', role: 'center' });
    const tasks = (store.sqlite.prepare('SELECT id FROM tasks LIMIT 20').all() as { id: string }[]).map((r) => r.id);
    let committed = 0;
    let failure: unknown;
    for (let n = 0; n < 100_000; n++) {
      try {
        store.log.append(tasks.slice(0, 4).map((id, i) => ({ entity: 'task', entityId: id, op: 'put' as const, fields: { content: `F${n}:${i}:${'充'.repeat(2000)}` } })));
        committed++;
      } catch (err) {
        failure = err;
        break;
      }
    }
    expect(failure, 'the disk never filled').toBeDefined();
    const e = toAppError(failure);
    expect(e.code).toBe('disk_full');
    expect(e.message).toMatch(/磁盘空间已满.*未保存/);
    // What room a batch of four left may still take a single smaller write: fill it, so the next one cannot fit.
    let singles = 0;
    for (let n = 0; n < 1000; n++) {
      try {
        store.log.append([{ entity: 'task', entityId: tasks[0]!, op: 'put' as const, fields: { content: `G${n}:x:${'充'.repeat(1000)}` } }]);
        singles++;
      } catch {
        break;
      }
    }
    // Through the contract the person sees the same message, and nothing is half-written.
    const r = await call.attempt('task.update', { id: tasks[0]!, edit: { content: '再写一次'.repeat(1250) } });
    expect(r).toMatchObject({ ok: false, error: { code: 'disk_full' } });
    store.close();
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = db.prepare("SELECT json_extract(body, '$.fields.content') AS c FROM events WHERE json_extract(body, '$.fields.content') LIKE 'F%'").all() as { c: string }[];
      expect(rows.length).toBe(committed * 4);
      const per = new Map<string, number>();
      for (const { c } of rows) per.set(c.split(':')[0]!, (per.get(c.split(':')[0]!) ?? 0) + 1);
      expect([...per.values()].every((v) => v === 4)).toBe(true);
    } finally {
      db.close();
    }
  });

  it('a store in a folder that became read-only is refused with a Chinese message, not opened half-way', () => {
    // Its own small disk (the first test filled the other one), remounted read-only once the store exists.
    const dir = mkdtempSync(join(tmpdir(), 'ledger-ro-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir], { stdio: 'ignore' });
    const path = join(dir, 'ledger.db');
    openStore(path).close();
    execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'ignore' });
    try {
      let err: unknown;
      try {
        openStore(path).close();
      } catch (e) {
        err = e;
      }
      const e = toAppError(err);
      expect(e.code).toBe('read_only');
      expect(e.message).toMatch(/不可写/);
    } finally {
      execFileSync('umount', [dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a store held by another program', () => {
  it('says so in Chinese and writes nothing; once released, the same write goes through', async () => {
    const { tempStore } = await import('../../helpers/temp-store');
    const store = tempStore();
    const call = caller(createHandlers({ store, version: '0' }));
    await call('identity.set', { office: '总指挥中心', role: 'center' });
    const task = (store.sqlite.prepare('SELECT id FROM tasks LIMIT 1').get() as { id: string }).id;
    const other = new Database(store.path);
    other.exec('BEGIN IMMEDIATE');
    store.sqlite.pragma('busy_timeout = 100');
    try {
      const r = await call.attempt('task.update', { id: task, edit: { leadPerson: '赵局长' } });
      expect(r).toMatchObject({ ok: false, error: { code: 'store_busy' } });
      if (!r.ok) expect(r.error.message).toMatch(/另一个专班台账程序/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await call.attempt('task.update', { id: task, edit: { leadPerson: '赵局长' } })).toMatchObject({ ok: true });
  });
});
