// 表扬 / 督办 / 约谈: candidates by rule, decided by a person; ranking by outcomes with ties.
import { describe, expect, it } from 'vitest';
import { lastDekadEnds, unitRanking } from '../../../electron/core/supervision/candidates';
import type { TaskRow } from '../../../shared/domain';
import { createHandlers } from '../../../electron/core/handlers';
import { playedMarch } from '../../helpers/march';
import { caller } from '../../helpers/call';
import { installation } from '../../helpers/offices';

describe('supervision', () => {
  it('suggests 约谈 for units red three 旬 running, 督办 for other overdue units, 表扬 for units all on time with 销号', async () => {
    const { store, call } = await playedMarch();
    const { candidates, ranking } = await call('supervision.overview', {});
    // The demo's missed tasks fell due 3月15–24日: red at 3月20日 and 31日 but not at 3月10日 — so 督办, not 约谈.
    expect(candidates.filter((c) => c.kind === 'interview')).toEqual([]);
    expect(candidates.filter((c) => c.kind === 'notice').length).toBeGreaterThan(0);
    expect(candidates.filter((c) => c.kind === 'commend').length).toBeGreaterThan(0);
    for (const c of candidates.filter((x) => x.kind === 'commend')) expect(candidates.some((x) => x.kind === 'notice' && x.unit === c.unit)).toBe(false);
    expect(ranking[0]!.rank).toBe(1);
    for (let i = 1; i < ranking.length; i++) expect(ranking[i]!.rank).toBeGreaterThanOrEqual(ranking[i - 1]!.rank);

    // With the ledger date in mid-April, the same units have been red for three 旬: 约谈.
    const later = caller(createHandlers({ store, version: '0', now: () => new Date('2023-04-15T10:00:00') }));
    await later('settings.set', { asOf: '2023-04-15' });
    expect((await later('supervision.overview', {})).candidates.filter((c) => c.kind === 'interview').length).toBeGreaterThan(0);
  });

  it('records a 督办单 with its number and a 约谈 with its date; a unit may not; bad input is refused', async () => {
    const center = installation({ office: '总指挥中心', role: 'center' });
    const unit = installation({ office: '市商务局', role: 'unit' });
    await Promise.all([center.ready, unit.ready]);
    const tasks = (await center.call('tasks.list', { unit: '市商务局' })).tasks.slice(0, 2).map((t) => t.id);
    const a = await center.call('supervision.add', { kind: 'notice', unit: '市商务局', taskIds: tasks, matter: '两项任务逾期', deadline: '2023-07-12' });
    const b = await center.call('supervision.add', { kind: 'notice', unit: '市商务局', taskIds: tasks, matter: '再次督办', deadline: '2023-07-20' });
    expect([a.number, b.number]).toEqual([1, 2]);
    await center.call('supervision.add', { kind: 'interview', unit: '市商务局', taskIds: tasks, matter: '连续三旬逾期', heldOn: '2023-07-05', participants: '分管副市长', outcome: '限期一周整改' });
    const { actions } = await center.call('supervision.overview', {});
    // Each shows in the audit trail of the tasks it names.
    const audit = (await center.call('task.detail', { id: tasks[0]! })).audit.map((a) => a.action);
    expect(audit.filter((a) => a === '下发督办单')).toHaveLength(2);
    expect(audit).toContain('约谈');
    expect(actions.map((x) => x.kind).sort()).toEqual(['interview', 'notice', 'notice']);
    expect(actions.find((x) => x.kind === 'interview')).toMatchObject({ heldOn: '2023-07-05', outcome: '限期一周整改', unit: '市商务局' });
    await expect(unit.call('supervision.add', { kind: 'commend', unit: '市商务局', taskIds: tasks, matter: '自我表扬一下' })).rejects.toThrow(/总指挥中心|工作专班/);
    await expect(center.call('supervision.add', { kind: 'notice', unit: '市商务局', taskIds: tasks, matter: '没有时限的督办' })).rejects.toThrow(/办理时限/);
    await expect(center.call('supervision.add', { kind: 'interview', unit: '市商务局', taskIds: tasks, matter: '没有日期的约谈' })).rejects.toThrow(/日期/);
  });

  it('ranking ties share a rank', () => {
    const t = (unit: string, light: TaskRow['light'], status: TaskRow['status'] = 'in_progress') => ({ leadUnits: [unit], light, status }) as TaskRow;
    const r = unitRanking([t('甲', 'green'), t('乙', 'green'), t('丙', 'red'), t('丁', 'green', 'closed')], []);
    expect(r.map((x) => `${x.rank}${x.unit}`)).toEqual(['1丁', '2甲', '2乙', '4丙']);
  });

  it('the last 旬 ends before a date', () => {
    expect(lastDekadEnds('2023-03-31', 3)).toEqual(['2023-03-31', '2023-03-20', '2023-03-10']);
    expect(lastDekadEnds('2023-03-15', 3)).toEqual(['2023-03-10', '2023-02-28', '2023-02-20']);
    expect(lastDekadEnds('2024-03-05', 2)).toEqual(['2024-02-29', '2024-02-20']);
  });
});
