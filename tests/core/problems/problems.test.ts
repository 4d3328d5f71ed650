// 问题清单: raised with a deadline, cleared with a statement, counted; travels by bundle and clears everywhere.
import { describe, expect, it } from 'vitest';
import { seedIds } from '../../../electron/core/plan/seed-ids';
import { openSeries } from '../../../electron/core/problems/problems';
import { stateDigest } from '../../../electron/core/sync/digest';
import type { Problem } from '../../../shared/problems';
import { installation } from '../../helpers/offices';

const TASK = seedIds.task('吉政发〔2023〕3号', '1.1.1'); // led by 市商务局, battle 1

describe('problems', () => {
  it('the taskforce raises one, the unit clears it by file, and both offices agree on the counts', async () => {
    const taskforce = installation({ office: '市发改局', role: 'taskforce', battle: 1 });
    const unit = installation({ office: '市商务局', role: 'unit' });
    await Promise.all([taskforce.ready, unit.ready]);
    const { id } = await taskforce.call('problem.raise', { taskId: TASK, text: '促消费活动资金未到位', deadline: '2023-07-20' });
    await taskforce.call('problem.raise', { taskId: TASK, text: '活动方案未报备', deadline: '2023-07-10' });
    await unit.receive(taskforce.bundleFor());
    let list = await unit.call('problems.list', {});
    expect(list.byUnit).toEqual([{ key: '市商务局', open: 2, overdue: 0, cleared: 0 }]);
    await expect(unit.call('problem.raise', { taskId: TASK, text: '自己交办问题', deadline: '2023-07-20' })).rejects.toThrow(/工作专班/);
    await expect(unit.call('problem.clear', { id, statement: '好' })).rejects.toThrow(/整改情况/);
    await unit.call('problem.clear', { id, statement: '资金已于7月5日拨付到位' });
    await expect(unit.call('problem.clear', { id, statement: '资金已于7月5日拨付到位' })).rejects.toThrow(/已整改/);
    await taskforce.receive(unit.bundleFor());
    list = await taskforce.call('problems.list', {});
    expect(list.byUnit).toEqual([{ key: '市商务局', open: 1, overdue: 0, cleared: 1 }]);
    expect(list.problems.find((p) => p.id === id)).toMatchObject({ state: 'cleared', statement: '资金已于7月5日拨付到位', clearedOn: '2023-07-02' });
    expect(stateDigest(taskforce.store)).toBe(stateDigest(unit.store));
    const audit = (await taskforce.call('task.detail', { id: TASK })).audit;
    expect(audit.filter((a) => a.action === '交办问题').map((a) => a.office)).toEqual(['市发改局', '市发改局']);
    expect(audit.find((a) => a.action === '问题整改清零')?.office).toBe('市商务局');
  });

  it('refuses a missing deadline, one in the past or outside the plan year, and an empty text', async () => {
    const center = installation({ office: '总指挥中心', role: 'center' });
    await center.ready;
    for (const bad of [
      { taskId: TASK, text: '问题描述', deadline: '' },
      { taskId: TASK, text: '问题描述', deadline: '2023-06-01' },
      { taskId: TASK, text: '问题描述', deadline: '2024-01-31' },
      { taskId: TASK, text: '问', deadline: '2023-08-01' },
      { taskId: 'nope', text: '问题描述', deadline: '2023-08-01' },
      { taskId: TASK, text: '问题描述', deadline: '2023-08-01', unit: '不存在的局' },
    ]) {
      await expect(center.call('problem.raise', bad), JSON.stringify(bad)).rejects.toThrow(/[\u4e00-\u9fff]/);
    }
    expect((await center.call('problems.list', {})).problems).toEqual([]);
  });

  it('动态清零: the open count at each 旬 end goes to zero as problems are cleared', () => {
    const p = (foundOn: string, clearedOn = ''): Problem => ({
      id: foundOn + clearedOn, taskId: '', taskCode: '', taskTitle: '', battle: 1, unit: '甲', source: 'manual', text: '', foundOn, deadline: '2023-12-31',
      state: clearedOn ? 'cleared' : 'open', overdue: false, clearedOn, statement: '',
    });
    const series = openSeries([p('2023-03-02', '2023-03-15'), p('2023-03-12', '2023-04-05'), p('2023-03-25', '2023-04-18')], '2023-04-30');
    expect(series).toEqual([
      { date: '2023-03-10', open: 1 },
      { date: '2023-03-20', open: 1 },
      { date: '2023-03-31', open: 2 },
      { date: '2023-04-10', open: 1 },
      { date: '2023-04-20', open: 0 },
      { date: '2023-04-30', open: 0 },
    ]);
  });
});
