// Warning lights from due dates, milestones and 序时进度 (the share of the time to the due date elapsed).
// red 逾期: past the due date without 销号, or a milestone missed · yellow 预警: progress trails 序时进度 by more
// than the threshold · blue 临近: due within N days · green 正常 · done 已销号.
import type { Light, Milestone, Settings } from '../../../shared/workflow';

export interface LightFacts {
  closed: boolean;
  /** The task's due date, or '' for "by the end of the plan year". */
  dueDate: string;
  milestones: readonly Milestone[];
  /** Latest reported percent, or null before any report. */
  percent: number | null;
  planYear: number;
  /** The ledger date the task was added on ('' for the plan's own tasks): its 序时进度 runs from then. */
  startedOn?: string;
}

const DAY = 86_400_000;
const days = new Map<string, number>();
/** A date's time value, remembered: a ledger of 50,000 tasks has a few hundred distinct due dates. */
function parse(iso: string): number {
  let t = days.get(iso);
  if (t === undefined) {
    t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
    if (days.size > 20_000) days.clear();
    days.set(iso, t);
  }
  return t;
}

/**
 * 序时进度 in percent: how much of the time from the task's start to its due date has passed. A task of the plan
 * starts with the plan year; one added on 3月31日 starts then, so it is not behind on the day it is added.
 */
export function scheduleProgress(asOf: string, dueDate: string, planYear: number, startedOn = ''): number {
  const yearStart = Date.UTC(planYear, 0, 1);
  const start = startedOn ? Math.max(yearStart, parse(startedOn)) : yearStart;
  const due = dueDate ? parse(dueDate) : Date.UTC(planYear, 11, 31);
  const now = parse(asOf);
  if (due <= start) return now >= due ? 100 : 0;
  return Math.max(0, Math.min(100, Math.round(((now - start) / (due - start)) * 100)));
}

export function computeLight(f: LightFacts, s: Settings): Light {
  if (f.closed) return 'done';
  const now = parse(s.asOf);
  const due = f.dueDate ? parse(f.dueDate) : Date.UTC(f.planYear, 11, 31);
  if (now > due) return 'red';
  // A milestone is missed once its date has passed with less progress reported than it promised.
  if (f.milestones.some((m) => parse(m.date) < now && (f.percent ?? 0) < m.percent)) return 'red';
  const expected = scheduleProgress(s.asOf, f.dueDate, f.planYear, f.startedOn);
  if (expected - (f.percent ?? 0) > s.behindPoints) return 'yellow';
  if ((due - now) / DAY <= s.dueSoonDays) return 'blue';
  return 'green';
}
