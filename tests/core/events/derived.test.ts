// Tables derived from others (task_facts) are kept by the fold only through what is registered with it, so a path
// that folds events without registering must fail, not leave the table stale. This file opens its database below
// openStore (which registers), and the restore over a damaged file is run in a module graph of its own.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { registerDerivedTables } from '../../../electron/core/derived-tables';
import { setIdentity } from '../../../electron/core/app/identity';
import { registerDerived, registeredDerived } from '../../../electron/core/events/fold';
import { EventLog } from '../../../electron/core/events/log';
import { taskFactsTable } from '../../../electron/core/ledger/task-facts';
import { resourcePaths } from '../../../electron/core/paths';
import { openStore } from '../../../electron/core/store/open-store';
import { openDatabase } from '../../../electron/core/store/store';
import { tempDir } from '../../helpers/temp-store';

const facts = (db: Database.Database) => db.prepare('SELECT task_id, percent, closeout FROM task_facts ORDER BY task_id').all();

describe('derived tables', () => {
  // First in the file: nothing has registered in this module graph yet.
  it('the fold refuses to start while task_facts has no owner registered', () => {
    const { sqlite } = openDatabase(join(tempDir(), 'l.db'), { migrationsDir: resourcePaths().migrationsDir });
    try {
      expect(registeredDerived()).toEqual([]);
      expect(() => new EventLog(sqlite, 'r1')).toThrow(/nothing keeps task_facts/);
    } finally {
      sqlite.close();
    }
  });

  it('are refused when unknown, registered twice, or derived from a field no event writes', () => {
    expect(() => registerDerived({ ...taskFactsTable, table: 'task_units' })).toThrow(/not in derivedTableNames/);
    expect(() => registerDerived({ ...taskFactsTable, sources: [{ entity: 'progress', key: 'taskID' }] })).toThrow(/progress\.taskID/);
    registerDerivedTables();
    registerDerivedTables();
    expect(() => registerDerived({ ...taskFactsTable })).toThrow(/registered twice/);
  });

  it('are kept for the keys a batch touched: a line moved to another task leaves the first, a lead change counts', () => {
    registerDerivedTables();
    const { sqlite } = openDatabase(join(tempDir(), 'l.db'), { migrationsDir: resourcePaths().migrationsDir });
    try {
      const log = new EventLog(sqlite, 'r1');
      log.append([
        { entity: 'task', entityId: 't1', op: 'put', fields: { title: '一', leadUnitIds: ['u1'] } },
        { entity: 'task', entityId: 't2', op: 'put', fields: { title: '二', leadUnitIds: ['u1'] } },
        { entity: 'progress', entityId: 'a', op: 'put', fields: { taskId: 't1', unitId: 'u1', period: '2023-03', percent: 40, text: '进展' } },
        { entity: 'progress', entityId: 'b', op: 'put', fields: { taskId: 't1', unitId: 'u2', period: '2023-03', percent: 80, text: '进展' } },
      ]);
      expect(facts(sqlite)).toEqual([{ task_id: 't1', percent: 40, closeout: null }]);
      log.append([{ entity: 'task', entityId: 't1', op: 'put', fields: { leadUnitIds: ['u1', 'u2'] } }]);
      expect(facts(sqlite)).toEqual([{ task_id: 't1', percent: 60, closeout: null }]);
      log.append([{ entity: 'progress', entityId: 'a', op: 'put', fields: { taskId: 't2' } }]);
      expect(facts(sqlite)).toEqual([
        { task_id: 't1', percent: 80, closeout: null },
        { task_id: 't2', percent: 40, closeout: null },
      ]);
      log.append([
        { entity: 'progress', entityId: 'b', op: 'delete', fields: {} },
        { entity: 'closeout', entityId: 'c', op: 'put', fields: { taskId: 't1', state: 'pending' } },
      ]);
      expect(facts(sqlite)).toEqual([
        { task_id: 't1', percent: null, closeout: 'pending' },
        { task_id: 't2', percent: 40, closeout: null },
      ]);
      // What the fold kept equals the table computed from scratch.
      const kept = facts(sqlite);
      taskFactsTable.refresh(sqlite, null);
      expect(facts(sqlite)).toEqual(kept);
    } finally {
      sqlite.close();
    }
  });

  it('are rebuilt by a restore over a damaged file in a process that opened no store', async () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    const store = openStore(path);
    // An office's own line: restoring judges every event again, and a line without an author's identity is refused.
    const { officeUnitId } = setIdentity(store, { office: '市商务局', role: 'unit' });
    const taskId = store.sqlite.prepare('SELECT task_id FROM task_units WHERE unit_id = ? AND role = ? LIMIT 1').pluck().get(officeUnitId, 'lead') as string;
    store.log.append([{ entity: 'progress', entityId: 'p', op: 'put', fields: { taskId, unitId: officeUnitId, period: '2023-03', percent: 70, text: '进展' } }]);
    const { makeBackup } = await import('../../../electron/core/store/backups');
    const backup = await makeBackup(store, 'manual');
    store.close();

    // Modules loaded afresh: their fold has nothing registered until the restore's copy does it.
    vi.resetModules();
    const fresh = await import('../../../electron/core/store/backups');
    expect((await import('../../../electron/core/events/fold')).registeredDerived()).toEqual([]);
    await fresh.restoreOverDamagedFile(path, backup.path);
    const db = new Database(path, { readonly: true });
    try {
      expect(db.prepare('SELECT percent FROM task_facts WHERE task_id = ?').pluck().get(taskId)).toBe(70);
    } finally {
      db.close();
    }
  });
});
