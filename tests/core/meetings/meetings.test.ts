// 调度分析会: the agenda from the ledger, the record, decisions that create tasks or problems — both or neither.
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/core/handlers';
import { caller } from '../../helpers/call';
import { playedMarch } from '../../helpers/march';
import { tempStore } from '../../helpers/temp-store';

describe('the monthly dispatch meeting', () => {
  it('draws the agenda, records minutes and decisions, and turns decisions into a task and a problem', async () => {
    const { store, call } = await playedMarch();
    const gdp = (await call('indicators.list', {})).indicators.find((i) => i.name === '地区生产总值')!;
    await call('indicator.setValue', { id: gdp.id, period: '2023-03', value: 6.1 });
    const before = await call('meeting.get', { month: '2023-03' });
    const overdue = (store.sqlite.prepare("SELECT count(*) AS n FROM tasks WHERE due_date BETWEEN '2023-03-01' AND '2023-03-30'").get() as { n: number }).n;
    expect(before.agenda.overdue).toHaveLength(overdue);
    expect(before.agenda.indicators.map((i) => i.name)).toEqual(['地区生产总值']);
    expect(before.meeting).toBeNull();

    const late = before.agenda.overdue[0]!;
    await expect(call('meeting.decide', { month: '2023-03', kind: 'note', text: '下月加快进度' })).rejects.toThrow(/先保存/);
    await call('meeting.save', { month: '2023-03', heldOn: '2023-03-31', place: '市政府三楼会议室', chair: '常务副市长', minutes: '听取各专班汇报。' });
    await call('meeting.decide', { month: '2023-03', kind: 'note', text: '各专班下月5日前报送整改情况' });
    const t = await call('meeting.decide', { month: '2023-03', kind: 'task', text: '开展二季度项目集中开工活动', section: '1.2', lead: ['市发改局'], dueDate: '2023-04-30' });
    await call('meeting.decide', { month: '2023-03', kind: 'problem', text: `${late.code}逾期未完成，限期整改`, taskId: late.id, deadline: '2023-04-15' });
    // A decision whose problem cannot be made is not recorded either.
    await expect(call('meeting.decide', { month: '2023-03', kind: 'problem', text: '时限早于会议的问题', taskId: late.id, deadline: '2023-03-01' })).rejects.toThrow(/整改时限/);

    const after = await call('meeting.get', { month: '2023-03' });
    expect(after.decisions.map((d) => d.kind)).toEqual(['note', 'task', 'problem']);
    const code = (store.sqlite.prepare('SELECT code FROM tasks WHERE id = ?').get(t.ref) as { code: string }).code;
    expect(after.decisions[1]!.ref).toBe(code);
    expect(after.agenda.problems).toHaveLength(1);
    const problems = store.sqlite.prepare("SELECT source, deadline FROM problems").all();
    expect(problems).toEqual([{ source: 'meeting', deadline: '2023-04-15' }]);
  });

  it('is the center’s: a taskforce may not record it; a month outside the plan is refused', async () => {
    const store = tempStore();
    const call = caller(createHandlers({ store, version: '0', now: () => new Date('2023-03-31T10:00:00') }));
    await call('identity.set', { office: '市发改局', role: 'taskforce', battle: 1 });
    const r = await call.attempt('meeting.save', { month: '2023-03', heldOn: '2023-03-31' });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call.attempt('meeting.get', { month: '2024-01' })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });
});
