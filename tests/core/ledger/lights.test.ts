import { describe, expect, it } from 'vitest';
import { computeLight, scheduleProgress } from '../../../electron/core/ledger/lights';

const s = (asOf: string) => ({ asOf, dueSoonDays: 15, behindPoints: 20 });
const facts = { closed: false, dueDate: '', milestones: [], percent: null as number | null, planYear: 2023 };

describe('序时进度', () => {
  it('is the share of the time from 1 January to the due date that has passed', () => {
    expect(scheduleProgress('2023-01-01', '', 2023)).toBe(0);
    expect(scheduleProgress('2023-07-02', '', 2023)).toBe(50);
    expect(scheduleProgress('2023-12-31', '', 2023)).toBe(100);
    expect(scheduleProgress('2023-04-01', '2023-06-30', 2023)).toBe(50); // 90 of 180 days
    expect(scheduleProgress('2024-02-01', '', 2023)).toBe(100);
  });
});

describe('warning lights', () => {
  it('is done once closed out, whatever the dates', () => {
    expect(computeLight({ ...facts, closed: true, dueDate: '2023-01-31' }, s('2023-12-01'))).toBe('done');
  });

  it('turns red the day after the due date, not on it', () => {
    expect(computeLight({ ...facts, dueDate: '2023-06-30', percent: 100 }, s('2023-06-30'))).not.toBe('red');
    expect(computeLight({ ...facts, dueDate: '2023-06-30', percent: 100 }, s('2023-07-01'))).toBe('red');
  });

  it('turns red when a milestone passed with less progress than it promised', () => {
    const m = [{ date: '2023-04-30', percent: 40, text: '' }];
    expect(computeLight({ ...facts, milestones: m, percent: 40 }, s('2023-05-01'))).toBe('green');
    expect(computeLight({ ...facts, milestones: m, percent: 39 }, s('2023-05-01'))).toBe('red');
    expect(computeLight({ ...facts, milestones: m, percent: 0 }, s('2023-04-30'))).not.toBe('red');
  });

  it('turns yellow when progress trails 序时进度 by more than the threshold', () => {
    // 2 July: 序时进度 50 %. 30 % trails by exactly 20 points: not yet; 29 % by 21: yellow.
    expect(computeLight({ ...facts, percent: 30 }, s('2023-07-02'))).toBe('green');
    expect(computeLight({ ...facts, percent: 29 }, s('2023-07-02'))).toBe('yellow');
    expect(computeLight({ ...facts, percent: null }, s('2023-07-02'))).toBe('yellow');
  });

  it('turns blue within N days of the due date when on schedule', () => {
    expect(computeLight({ ...facts, dueDate: '2023-06-30', percent: 95 }, s('2023-06-15'))).toBe('blue');
    expect(computeLight({ ...facts, dueDate: '2023-06-30', percent: 95 }, s('2023-06-14'))).toBe('green');
  });

  it('honours other thresholds', () => {
    expect(computeLight({ ...facts, percent: 45 }, { asOf: '2023-07-02', dueSoonDays: 15, behindPoints: 4 })).toBe('yellow');
  });
});
