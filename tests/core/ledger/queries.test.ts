import { describe, expect, it } from 'vitest';
import { battleSummaries, listTasks, planInfo } from '../../../electron/core/ledger/queries';
import { seedIds } from '../../../electron/core/plan/seed-ids';
import { tempStore } from '../../helpers/temp-store';

const S = { asOf: '2023-06-30', dueSoonDays: 15, behindPoints: 20 };

describe('ledger queries', () => {
  it('counts tasks per battle from the tables', () => {
    const store = tempStore();
    const battles = battleSummaries(store, planInfo(store).id);
    expect(battles).toHaveLength(6);
    const total = (store.sqlite.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number }).n;
    expect(battles.reduce((s, b) => s + b.taskCount, 0)).toBe(total);
  });

  it('lists tasks in the document’s order with unit names and targets', () => {
    const store = tempStore();
    const tasks = listTasks(store, S, { battle: 1 });
    expect(tasks[0]).toMatchObject({ code: '1.1.1', leadUnits: ['市商务局'], status: 'not_started', section: '激发释放消费潜力' });
    expect(tasks[0]!.targets.length).toBeGreaterThan(0);
  });

  it('finds tasks by a unit name, and hides tombstoned tasks', () => {
    const store = tempStore();
    const byUnit = listTasks(store, S, { search: '市住保中心' }).map((t) => t.code);
    expect(byUnit).toContain('1.1.2');
    store.log.append([{ entity: 'task', entityId: seedIds.task('吉政发〔2023〕3号', '1.1.2'), op: 'delete', fields: {} }]);
    expect(listTasks(store, S, { search: '市住保中心' }).map((t) => t.code)).not.toContain('1.1.2');
  });

  it('shows a renamed unit everywhere it is assigned, because tasks refer to units by id', () => {
    const store = tempStore();
    store.log.append([{ entity: 'unit', entityId: seedIds.unit('市商务局'), op: 'put', fields: { name: '市商务和粮食局' } }]);
    expect(listTasks(store, S, { battle: 1 })[0]!.leadUnits).toEqual(['市商务和粮食局']);
  });
});
