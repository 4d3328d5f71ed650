import { describe, expect, it } from 'vitest';
import { chineseDate, dekadCode, dekadLabel, periodLabel } from '../../shared/period';

describe('旬 and dates', () => {
  it('splits a month into 上旬 1–10, 中旬 11–20, 下旬 21–end', () => {
    expect(dekadLabel(new Date(2023, 2, 10))).toBe('2023年3月上旬');
    expect(dekadLabel(new Date(2023, 2, 11))).toBe('2023年3月中旬');
    expect(dekadLabel(new Date(2023, 2, 31))).toBe('2023年3月下旬');
    expect(dekadCode(new Date(2023, 1, 28))).toBe('2023-02-3');
  });

  it('writes document dates without leading zeros', () => {
    expect(chineseDate('2023-03-16')).toBe('2023年3月16日');
    expect(chineseDate('2023-10-01')).toBe('2023年10月1日');
  });
});


describe('periodLabel', () => {
  it('writes a report period as people do', () => {
    expect(periodLabel('2023-03-3')).toBe('2023年3月下旬');
    expect(periodLabel('2023-10-1')).toBe('2023年10月上旬');
    expect(periodLabel('2023-03')).toBe('2023年3月');
  });
});
