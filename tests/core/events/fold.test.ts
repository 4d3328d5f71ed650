// The folder's copy in memory: what it answers during a batch equals what the tables hold after it.
import { describe, expect, it } from 'vitest';
import { Folder } from '../../../electron/core/events/fold';
import type { LedgerEvent } from '../../../electron/core/events/event';
import { seedIds } from '../../../electron/core/plan/seed-ids';
import { tempStore } from '../../helpers/temp-store';

const BATTLE = seedIds.battle('吉政发〔2023〕3号', 1);
const event = (seq: number, entityId: string, fields: LedgerEvent['fields']): LedgerEvent => ({
  id: `e${seq}`,
  replica: '00000000-0000-7000-8000-000000000001',
  seq,
  prevHash: '0'.repeat(64),
  hlc: `${String(1_700_000_000_000 + seq).padStart(15, '0')}:000000`,
  entity: 'task',
  entityId,
  op: 'put',
  fields,
  schemaVersion: 1,
});

describe('Folder', () => {
  it('answers from memory during a batch — table defaults of a row it created included — and writes the same at flush', () => {
    const store = tempStore();
    store.sqlite.transaction(() => {
      const folder = new Folder(store.sqlite);
      folder.begin();
      folder.apply(event(1, 'new-task', { battleId: BATTLE, title: '新任务' }));
      folder.apply(event(2, 'new-task', { title: '新任务（改）' }));
      expect(folder.value('task', 'new-task', 'title')).toBe('新任务（改）');
      expect(folder.value('task', 'new-task', 'battleId')).toBe(BATTLE);
      // Never set by an event: the column's default, read without writing the rest of the batch.
      expect(folder.value('task', 'new-task', 'coUnitIds')).toEqual([]);
      expect(store.sqlite.prepare('SELECT title FROM tasks WHERE id = ?').pluck().get('new-task')).toBe('');
      expect(folder.value('task', 'no-such-task', 'title')).toBeUndefined();
      expect(folder.clock('task', 'new-task', 'title')?.hlc).toBe(event(2, '', {}).hlc);
      folder.flush();
      expect(store.sqlite.prepare('SELECT title, battle_id AS b FROM tasks WHERE id = ?').get('new-task')).toEqual({ title: '新任务（改）', b: BATTLE });
      expect(store.sqlite.prepare("SELECT hlc FROM field_clocks WHERE entity = 'task' AND entity_id = ? AND field = 'title'").pluck().get('new-task')).toBe(event(2, '', {}).hlc);
    })();
  });
});
