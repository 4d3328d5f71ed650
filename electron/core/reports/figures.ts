// Every figure a report prints, read from the store at generation time. Lights are read at the period's last
// day, so a brief for 3月下旬 shows what was overdue on 3月31日 whatever day it is generated.
import type { TaskRow } from '../../../shared/domain';
import { assess, valuePeriodEnd, type IndicatorLight } from '../../../shared/indicators';
import { periodRange } from '../../../shared/report';
import { listIndicators } from '../indicators/dictionary';
import { listProblems } from '../problems/problems';
import type { Settings } from '../../../shared/workflow';
import { battleCounts, type BattleCounts } from '../ledger/dashboard';
import { battleSummaries, listTasks, planInfo } from '../ledger/queries';
import { periodKey } from '../ledger/task-facts';
import type { Store } from '../store/open-store';
import { unitNames } from '../units';

export interface BattleFigures extends BattleCounts {
  name: string;
  shortName: string;
  office: string;
  closedInPeriod: number;
}

export interface ClosedItem {
  code: string;
  title: string;
  battle: number;
  leadUnits: string;
  decidedOn: string;
}

export interface AttentionItem {
  code: string;
  title: string;
  battle: number;
  leadUnits: string;
  dueDate: string;
  percent: number | null;
  light: 'red' | 'yellow';
  latest: string;
}

export interface UnitFigures {
  unit: string;
  lead: number;
  closed: number;
  closedInPeriod: number;
  red: number;
  yellow: number;
  reportedInPeriod: boolean;
}

export interface IndicatorFigure {
  battleName: string;
  name: string;
  target: string;
  /** The latest actual up to the period's end, with its period; null when none was entered. */
  actual: { period: string; value: number; unit: string } | null;
  completion: number | null;
  schedule: number;
  light: IndicatorLight;
}

export interface ReportFigures {
  period: string;
  start: string;
  end: string;
  planTitle: string;
  planDocNo: string;
  planYear: number;
  total: number;
  battles: BattleFigures[];
  closed: number;
  closedInPeriod: ClosedItem[];
  pendingCloseout: number;
  byLight: BattleCounts['byLight'];
  attention: AttentionItem[];
  progressLinesInPeriod: number;
  unitsReportedInPeriod: number;
  units: UnitFigures[];
  indicators: IndicatorFigure[];
  /** 问题清单 at the period's end: open (of which past their deadline) and cleared within the period. */
  problems: { open: number; overdue: number; clearedInPeriod: number };
  tasks: TaskRow[];
}

const joinUnits = (names: readonly string[]) => names.join('、');

/** A progress line counts for a report when its own period (旬 or month) overlaps the report's. */
function overlaps(period: string, start: string, end: string): boolean {
  const r = periodRange(period);
  return r.start <= end && r.end >= start;
}

export function reportFigures(store: Store, settings: Settings, period: string): ReportFigures {
  const { start, end } = periodRange(period);
  const plan = planInfo(store);
  const listed = listTasks(store, { ...settings, asOf: end }, {}, plan);
  // Each real task once: a sub-task (a 任务分解表 row breaking an item down, or a split) is part of its task.
  const tasks = listed.filter((t) => !t.parentId);
  const units = unitNames(store);
  const battleList = battleSummaries(store, plan.id);

  const closedRows = store.sqlite
    .prepare(
      `SELECT c.task_id AS taskId, c.decided_on AS decidedOn FROM closeouts c
        WHERE c.deleted = 0 AND c.state = 'approved' AND c.decided_on >= ? AND c.decided_on <= ? ORDER BY c.decided_on, c.id`,
    )
    .all(start, end) as { taskId: string; decidedOn: string }[];
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const closedInPeriod: ClosedItem[] = [];
  const seen = new Set<string>();
  for (const c of closedRows) {
    const t = byId.get(c.taskId);
    // Approved, reopened, approved again inside one period is one 销号; a task reopened since is not closed.
    if (!t || t.status !== 'closed' || seen.has(t.id)) continue;
    seen.add(t.id);
    closedInPeriod.push({ code: t.code, title: t.title, battle: t.battle, leadUnits: joinUnits(t.leadUnits), decidedOn: c.decidedOn });
  }

  const progress = store.sqlite
    .prepare('SELECT task_id AS taskId, unit_id AS unitId, period, text FROM progress WHERE deleted = 0')
    .all() as { taskId: string; unitId: string; period: string; text: string }[];
  const latest = new Map<string, { key: string; text: string }>();
  const reportingUnits = new Set<string>();
  let linesInPeriod = 0;
  for (const p of progress) {
    if (periodRange(p.period).start > end) continue;
    const key = periodKey(p.period);
    const had = latest.get(p.taskId);
    if (!had || key > had.key) latest.set(p.taskId, { key, text: p.text });
    if (overlaps(p.period, start, end)) {
      linesInPeriod++;
      reportingUnits.add(p.unitId);
    }
  }

  const attention: AttentionItem[] = tasks
    .filter((t): t is TaskRow & { light: 'red' | 'yellow' } => t.light === 'red' || t.light === 'yellow')
    .sort((a, b) => (a.light === b.light ? 0 : a.light === 'red' ? -1 : 1))
    .map((t) => ({
      code: t.code,
      title: t.title,
      battle: t.battle,
      leadUnits: joinUnits(t.leadUnits),
      dueDate: t.dueDate,
      percent: t.percent,
      light: t.light,
      latest: latest.get(t.id)?.text ?? '',
    }));

  const counts = battleCounts(tasks, battleList.map((b) => b.code));
  const battles = battleList.map((b, i) => ({
    ...counts[i]!,
    name: b.name,
    shortName: b.shortName,
    office: b.office,
    closedInPeriod: closedInPeriod.filter((c) => c.battle === b.code).length,
  }));
  const byLight = counts.reduce((acc, c) => {
    for (const k of Object.keys(acc) as (keyof typeof acc)[]) acc[k] += c.byLight[k];
    return acc;
  }, { green: 0, blue: 0, yellow: 0, red: 0, done: 0 });

  const closedCodes = new Set(closedInPeriod.map((c) => c.code));
  const perUnit = new Map<string, UnitFigures>();
  for (const t of tasks) {
    t.leadUnitIds.forEach((id, i) => {
      const name = t.leadUnits[i] ?? units.get(id) ?? id;
      const u = perUnit.get(name) ?? { unit: name, lead: 0, closed: 0, closedInPeriod: 0, red: 0, yellow: 0, reportedInPeriod: reportingUnits.has(id) };
      u.lead++;
      if (t.status === 'closed') u.closed++;
      if (closedCodes.has(t.code)) u.closedInPeriod++;
      if (t.light === 'red') u.red++;
      if (t.light === 'yellow') u.yellow++;
      perUnit.set(name, u);
    });
  }

  const indicators = listIndicators(store).map((i): IndicatorFigure => {
    const v = [...i.values].reverse().find((x) => valuePeriodEnd(x.period) <= end);
    const a = assess(i, v?.value ?? null, v ? valuePeriodEnd(v.period) : end);
    return {
      battleName: i.battleName,
      name: i.name,
      target: i.targetText || `${i.target}${i.unit}`,
      actual: v ? { period: v.period, value: v.value, unit: i.unit } : null,
      completion: a.completion,
      schedule: a.schedule,
      light: a.light,
    };
  });

  const problemRows = listProblems(store, end).filter((p) => p.foundOn <= end);
  const openAtEnd = problemRows.filter((p) => p.state === 'open' || p.clearedOn > end);
  const problems = {
    open: openAtEnd.length,
    overdue: openAtEnd.filter((p) => p.deadline < end).length,
    clearedInPeriod: problemRows.filter((p) => p.state === 'cleared' && p.clearedOn >= start && p.clearedOn <= end).length,
  };

  return {
    period,
    start,
    end,
    planTitle: plan.title,
    planDocNo: plan.docNo,
    planYear: plan.year,
    total: tasks.length,
    battles,
    closed: tasks.filter((t) => t.status === 'closed').length,
    closedInPeriod,
    pendingCloseout: tasks.filter((t) => t.status === 'pending_closeout').length,
    byLight,
    attention,
    progressLinesInPeriod: linesInPeriod,
    unitsReportedInPeriod: reportingUnits.size,
    units: [...perUnit.values()],
    indicators,
    problems,
    tasks,
  };
}
