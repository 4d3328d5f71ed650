import { describe, expect, it } from 'vitest';
import { readDeadline } from '../../../../electron/core/plan/import/generic/deadline';

describe('deadlines as plans write them', () => {
  it.each([
    ['6月底前', '2023-06-30'],
    ['年底前', '2023-12-31'],
    ['2023年9月30日前', '2023-09-30'],
    ['三季度', '2023-09-30'],
    ['上半年', '2023-06-30'],
    ['十二月底前', '2023-12-31'],
    ['2023年—2025年', '2025-12-31'],
    ['2024年', '2024-12-31'],
    ['2月份', '2023-02-28'],
    ['2024年2月', '2024-02-29'],
  ])('a 完成时限 cell "%s" is due %s', (text, due) => {
    expect(readDeadline(text, 2023).due).toBe(due);
  });

  it('"5月底前动工，12月底前完工": due at the last date, the first a milestone named by its verb', () => {
    const d = readDeadline('5月底前动工，12月底前完工', 2023, true);
    expect(d.due).toBe('2023-12-31');
    expect(d.milestones).toEqual([{ date: '2023-05-31', text: '动工' }]);
  });

  it('no end and recurring work have no due date', () => {
    expect(readDeadline('长期坚持', 2023)).toMatchObject({ due: '', ongoing: true });
    expect(readDeadline('每季度', 2023)).toMatchObject({ due: '', recurring: '每季度' });
  });

  it('in running text only timing phrases count, and the past is history', () => {
    expect(readDeadline('9月投入使用', 2023, true).due).toBe('2023-09-30');
    expect(readDeadline('全市6月份数据显示增长', 2023, true).due).toBe('');
    expect(readDeadline('2022年底全市已建成', 2023, true).due).toBe('');
    expect(readDeadline('力争年底前全面完成', 2023, true).due).toBe('2023-12-31');
  });
});
