// The indicator dictionary from the plan's headline targets, actuals per period, the role rules, bad values.
import { describe, expect, it } from 'vitest';
import { installation } from '../../helpers/offices';

async function offices() {
  const center = installation({ office: '总指挥中心', role: 'center' });
  const owner = installation({ office: '市发改局', role: 'unit' }); // owner of battle 1's headline targets
  const other = installation({ office: '市商务局', role: 'unit' });
  await Promise.all([center.ready, owner.ready, other.ready]);
  return { center, owner, other };
}

const find = async (o: ReturnType<typeof installation>, name: string) =>
  (await o.call('indicators.list', {})).indicators.find((i) => i.name === name)!;

describe('indicators', () => {
  it('lists every headline target of the plan with its target, owner, cadence and 口径', async () => {
    const { center } = await offices();
    const { indicators, battles } = await center.call('indicators.list', {});
    expect(indicators).toHaveLength(26);
    const gdp = indicators.find((i) => i.name === '地区生产总值')!;
    expect(gdp).toMatchObject({ battle: 1, target: 8, unit: '%', kind: 'growth', owner: '市发改局', cadence: 'monthly', seeded: true, definedBy: '实施方案', latest: null });
    expect(gdp.assessment.light).toBe('none');
    expect(battles.reduce((n, b) => n + (b.counts.none ?? 0), 0)).toBe(26);
  });

  it('the owner enters a month once; a second entry is refused, a correction is explicit; the light follows', async () => {
    const { owner } = await offices();
    const gdp = await find(owner, '地区生产总值');
    await owner.call('indicator.setValue', { id: gdp.id, period: '2023-03', value: 6.5, note: '一季度' });
    expect((await find(owner, '地区生产总值')).assessment).toMatchObject({ light: 'red', completion: 81.3 });
    await expect(owner.call('indicator.setValue', { id: gdp.id, period: '2023-03', value: 7.5 })).rejects.toThrow(/已填报/);
    await owner.call('indicator.setValue', { id: gdp.id, period: '2023-03', value: 7.5, replace: true });
    await owner.call('indicator.setValue', { id: gdp.id, period: '2023-04', value: 8.2 });
    const after = await find(owner, '地区生产总值');
    expect(after.values.map((v) => [v.period, v.value])).toEqual([
      ['2023-03', 7.5],
      ['2023-04', 8.2],
    ]);
    expect(after.assessment.light).toBe('green');
  });

  it('refuses non-numbers, out-of-range values, wrong periods and other units, saving nothing', async () => {
    const { owner, other } = await offices();
    const gdp = await find(owner, '地区生产总值');
    const tourists = await find(owner, '接待游客');
    for (const bad of [
      { id: gdp.id, period: '2023-03', value: Number.NaN },
      { id: gdp.id, period: '2023-03', value: 2000 },
      { id: tourists.id, period: '2023-Q1', value: -5 },
      { id: gdp.id, period: '2023-Q1', value: 7 },
      { id: gdp.id, period: '2024-01', value: 7 },
      { id: gdp.id, period: '2023-13', value: 7 },
      { id: 'nope', period: '2023-03', value: 7 },
    ]) {
      await expect(owner.call('indicator.setValue', bad), JSON.stringify(bad)).rejects.toThrow(/[\u4e00-\u9fff]/);
    }
    await expect(other.call('indicator.setValue', { id: gdp.id, period: '2023-03', value: 7 })).rejects.toThrow(/责任单位/);
    expect((await find(owner, '地区生产总值')).values).toEqual([]);
  });

  it('the center edits a plan indicator and adds one; who defined it is shown; a unit may not', async () => {
    const { center, other } = await offices();
    const gdp = await find(center, '地区生产总值');
    await center.call('indicator.update', { id: gdp.id, edit: { cadence: 'quarterly', source: '市统计局', definition: '按可比价格计算的增速' } });
    const edited = await find(center, '地区生产总值');
    expect(edited).toMatchObject({ cadence: 'quarterly', source: '市统计局', target: 8, owner: '市发改局', definedBy: '市政府督查室' });
    await center.call('indicator.add', { battle: 6, edit: { name: '新增城镇就业', owner: '市人社局', target: 3000, unit: '人', kind: 'count', cadence: 'quarterly' } });
    expect((await find(center, '新增城镇就业')).seeded).toBe(false);
    await expect(other.call('indicator.update', { id: gdp.id, edit: { target: 5 } })).rejects.toThrow(/总指挥中心/);
  });
});
