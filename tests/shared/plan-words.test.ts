import { describe, expect, it } from 'vitest';
import { planWords } from '../../shared/plan-words';

describe('plan words for documents', () => {
  it('reads the Jishou plan as 全市 · 发展“六仗” · 仗', () => {
    const w = planWords({ title: '吉首市打好发展“六仗”总体实施方案', issuer: '吉首市人民政府', year: 2023 }, ['经济增长仗', '科技创新仗']);
    expect(w).toEqual({ place: '吉首市', area: '全市', work: '发展“六仗”', group: '仗' });
  });
  it('reads a county plan by its own words, without the year or the kind of document', () => {
    const w = planWords({ title: '泸溪县2024年优化营商环境攻坚行动实施方案', issuer: '泸溪县人民政府办公室', year: 2024 }, ['政务服务', '要素保障']);
    expect(w).toEqual({ place: '泸溪县', area: '全县', work: '优化营商环境攻坚行动', group: '板块' });
  });
  it('takes the title inside a notice of issue, and an autonomous prefecture as 全州', () => {
    const w = planWords({ title: '关于印发《湘西州重点工作任务分解方案》的通知', issuer: '湘西土家族苗族自治州人民政府', year: 2023 });
    expect(w.area).toBe('全州');
    expect(w.work).toBe('湘西州重点工作任务分解');
  });
});
