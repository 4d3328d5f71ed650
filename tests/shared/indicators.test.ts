import { describe, expect, it } from 'vitest';
import { assess, checkValuePeriod, elapsedShare, rankBy, valuePeriodEnd } from '../../shared/indicators';

describe('序时进度', () => {
  it('counts the days of the year elapsed, leap years included', () => {
    expect(elapsedShare('2023-01-01')).toBeCloseTo((1 / 365) * 100, 6);
    expect(elapsedShare('2023-03-31')).toBeCloseTo((90 / 365) * 100, 6);
    expect(elapsedShare('2023-06-30')).toBeCloseTo((181 / 365) * 100, 6);
    expect(elapsedShare('2023-12-31')).toBe(100);
    expect(elapsedShare('2024-02-29')).toBeCloseTo((60 / 366) * 100, 6);
    expect(elapsedShare('2024-03-31')).toBeCloseTo((91 / 366) * 100, 6);
    expect(elapsedShare('2024-12-31')).toBe(100);
  });

  it('knows where each period ends', () => {
    expect(valuePeriodEnd('2023-02')).toBe('2023-02-28');
    expect(valuePeriodEnd('2024-02')).toBe('2024-02-29');
    expect(valuePeriodEnd('2023-Q1')).toBe('2023-03-31');
    expect(valuePeriodEnd('2023-Q4')).toBe('2023-12-31');
    expect(valuePeriodEnd('2023')).toBe('2023-12-31');
  });
});

describe('lights', () => {
  const rate = { kind: 'growth' as const, comparison: 'gte' as const, target: 8 };
  it('holds a growth rate to the annual target, with one point of tolerance', () => {
    expect(assess(rate, 8, '2023-03-31').light).toBe('green');
    expect(assess(rate, 9.1, '2023-03-31')).toMatchObject({ light: 'green', completion: 113.8 });
    expect(assess(rate, 7, '2023-03-31').light).toBe('yellow');
    expect(assess(rate, 6.99, '2023-03-31').light).toBe('red');
    expect(assess({ ...rate, comparison: 'lte', target: 3 }, 3.5, '2023-03-31').light).toBe('yellow');
    expect(assess({ ...rate, comparison: 'lte', target: 3 }, 2, '2023-03-31').light).toBe('green');
  });

  it('holds an amount to 序时进度 at the period end, with ten points of tolerance', () => {
    const amount = { kind: 'absolute' as const, comparison: 'gte' as const, target: 170 };
    // 2023-Q1 ends with 24.7% of the year elapsed.
    expect(assess(amount, 42, '2023-03-31')).toMatchObject({ light: 'green', completion: 24.7, schedule: 24.7 });
    expect(assess(amount, 41.9, '2023-03-31').light).toBe('yellow');
    expect(assess(amount, 25, '2023-03-31').light).toBe('yellow'); // 14.7% ≥ 24.7 − 10
    expect(assess(amount, 24, '2023-03-31').light).toBe('red');
    // The last day of the year asks for the whole target.
    expect(assess(amount, 169, '2023-12-31').light).toBe('yellow');
    expect(assess(amount, 170, '2023-12-31').light).toBe('green');
    // On the first day of the year almost anything is on schedule.
    expect(assess(amount, 1, '2023-01-01').light).toBe('green');
  });

  it('says when nothing was entered, and shows its rule', () => {
    expect(assess(rate, null, '2023-03-31')).toMatchObject({ light: 'none', completion: null });
    expect(assess(rate, 8, '2023-03-31').rule).toContain('8');
  });
});

describe('periods and ranking', () => {
  it('accepts only the cadence’s own periods inside the plan year', () => {
    expect(checkValuePeriod('monthly', '2023-03', 2023)).toBeNull();
    expect(checkValuePeriod('monthly', '2023-Q1', 2023)).toMatch(/2023-03/);
    expect(checkValuePeriod('quarterly', '2023-Q2', 2023)).toBeNull();
    expect(checkValuePeriod('quarterly', '2023-06', 2023)).toMatch(/2023-Q1/);
    expect(checkValuePeriod('annual', '2023', 2023)).toBeNull();
    expect(checkValuePeriod('monthly', '2024-01', 2023)).toMatch(/2023年/);
    expect(checkValuePeriod('monthly', '2023-13', 2023)).not.toBeNull();
  });

  it('ranks ties together and skips the next rank (1, 2, 2, 4)', () => {
    const r = rankBy(
      [
        { u: '甲', s: 90, c: 10 },
        { u: '乙', s: 95, c: 0 },
        { u: '丙', s: 90, c: 10 },
        { u: '丁', s: 90, c: 5 },
      ],
      (x) => [x.s, x.c],
    );
    expect(r.map((x) => `${x.rank}${x.u}`)).toEqual(['1乙', '2甲', '2丙', '4丁']);
  });
});
