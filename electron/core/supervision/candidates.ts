// Who the rules suggest for 约谈, 督办 or 表扬 — a person decides. The rules read outcomes only (lights at the
// end of each 旬, 销号, problems), never how much anyone used the application.
import type { Candidate, UnitRank } from '../../../shared/supervision';
import type { Problem } from '../../../shared/problems';
import { daysInMonth } from '../../../shared/period';
import { rankBy } from '../../../shared/indicators';
import type { TaskRow } from '../../../shared/domain';
import type { Settings } from '../../../shared/workflow';
import { listTasks, planInfo } from '../ledger/queries';
import type { Store } from '../store/store';
import { listInstructions } from '../instructions/instructions';

/** The ends of the last n 旬 up to a date (the date itself when it ends one), newest first. */
export function lastDekadEnds(asOf: string, n: number): string[] {
  const out: string[] = [];
  let y = Number(asOf.slice(0, 4));
  let m = Number(asOf.slice(5, 7));
  const day = Number(asOf.slice(8, 10));
  let ends = [daysInMonth(y, m), 20, 10].filter((d) => d <= day);
  while (out.length < n) {
    for (const d of ends) {
      if (out.length < n) out.push(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    }
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
    ends = [daysInMonth(y, m), 20, 10];
  }
  return out;
}

function redByUnit(tasks: readonly TaskRow[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of tasks) if (t.light === 'red') for (const u of t.leadUnits) out.set(u, [...(out.get(u) ?? []), t.id]);
  return out;
}

export function candidates(store: Store, settings: Settings): Candidate[] {
  const plan = planInfo(store);
  const ends = lastDekadEnds(settings.asOf, 3);
  const reds = ends.map((end) => redByUnit(listTasks(store, { ...settings, asOf: end }, {}, plan)));
  const now = listTasks(store, settings, {}, plan);
  const nowRed = redByUnit(now);
  const out: Candidate[] = [];
  for (const [unit, ids] of nowRed) {
    if (reds.every((r) => r.has(unit))) {
      out.push({ kind: 'interview', unit, reason: `连续三旬有逾期任务（截至${ends[0]}共${ids.length}项）`, taskIds: ids });
    } else out.push({ kind: 'notice', unit, reason: `有${ids.length}项任务逾期`, taskIds: ids });
  }
  // 领导批示 not answered by their date: a 督办单 to the office they were assigned to, with the overdue tasks it has.
  const late = new Map<string, string[]>();
  for (const i of listInstructions(store, settings.asOf)) if (i.overdue) late.set(i.unit, [...(late.get(i.unit) ?? []), i.taskId]);
  for (const [unit, taskIds] of late) {
    const had = out.find((c) => c.unit === unit && c.kind !== 'commend');
    const reason = `${taskIds.length}项领导批示逾期未回复`;
    if (had) {
      had.reason += `；${reason}`;
      had.taskIds = [...new Set([...had.taskIds, ...taskIds])];
    } else out.push({ kind: 'notice', unit, reason, taskIds: [...new Set(taskIds)] });
  }
  const byUnit = new Map<string, TaskRow[]>();
  for (const t of now) for (const u of t.leadUnits) byUnit.set(u, [...(byUnit.get(u) ?? []), t]);
  for (const [unit, ts] of byUnit) {
    const onTime = ts.every((t) => t.light !== 'red' && t.light !== 'yellow') && !late.has(unit);
    const closed = ts.filter((t) => t.status === 'closed');
    if (onTime && closed.length) out.push({ kind: 'commend', unit, reason: `牵头的${ts.length}项任务全部按序时推进，已销号${closed.length}项`, taskIds: closed.map((t) => t.id) });
  }
  const order = { interview: 0, notice: 1, commend: 2, urge: 3 } as const;
  return out.sort((a, b) => order[a.kind] - order[b.kind] || b.taskIds.length - a.taskIds.length || a.unit.localeCompare(b.unit, 'zh-CN'));
}

const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : 0);

/** Units by outcomes: share on time, 销号 rate, fewer overdue, problems cleared. Ties share a rank. */
export function unitRanking(tasks: readonly TaskRow[], problems: readonly Problem[]): UnitRank[] {
  const per = new Map<string, { unit: string; tasks: number; onTime: number; closed: number; overdue: number; problems: number; cleared: number }>();
  for (const t of tasks)
    for (const u of t.leadUnits) {
      const c = per.get(u) ?? { unit: u, tasks: 0, onTime: 0, closed: 0, overdue: 0, problems: 0, cleared: 0 };
      c.tasks++;
      if (t.light !== 'red' && t.light !== 'yellow') c.onTime++;
      if (t.status === 'closed') c.closed++;
      if (t.light === 'red') c.overdue++;
      per.set(u, c);
    }
  for (const p of problems) {
    const c = per.get(p.unit);
    if (!c) continue;
    c.problems++;
    if (p.state === 'cleared') c.cleared++;
  }
  const rows = [...per.values()].map((c) => ({
    unit: c.unit,
    tasks: c.tasks,
    onTime: pct(c.onTime, c.tasks),
    closed: pct(c.closed, c.tasks),
    overdue: c.overdue,
    problemsCleared: c.problems ? pct(c.cleared, c.problems) : 100,
  }));
  return rankBy(rows, (r) => [r.onTime, r.closed, -r.overdue, r.problemsCleared]).map((r) => ({ ...r }));
}
