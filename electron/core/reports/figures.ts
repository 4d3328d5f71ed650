// Every figure a document prints, as it stood at the end of its period (ledger-at.ts): a brief for 3月中旬
// counts what had been reported and approved by 3月20日, whenever it is generated. Each real task once (a
// sub-task is part of its task); each unit once; collective names (各成员单位…) are never counted as units.
// The scope is the issuing office's: the centre the whole plan, a taskforce its battle, a unit its own tasks.
import type { Identity, Light, Settings } from '../../../shared/workflow';
import type { TaskStatus } from '../../../shared/domain';
import { taskStatuses } from '../../../shared/domain';
import { lights } from '../../../shared/workflow';
import { assess, valuePeriodEnd, type IndicatorLight } from '../../../shared/indicators';
import { periodRange } from '../../../shared/report';
import { compareTaskCodes } from '../../../shared/task-code';
import { planWords, type PlanWords } from '../../../shared/plan-words';
import { listIndicators } from '../indicators/dictionary';
import { listProblems } from '../problems/problems';
import { battleSummaries, planInfo } from '../ledger/queries';
import type { Store } from '../store/store';
import type { OfficeData } from '../../../shared/report';
import { dataCoverage } from './coverage';
import { ledgerAt, type TaskAt } from './ledger-at';

export interface ReportScope {
  kind: 'city' | 'battle' | 'unit';
  /** 全市 · the battle's short name · the unit's name: what the document's figures are about. */
  label: string;
  battle?: number;
  unitId?: string;
}

export interface BattleFigures {
  battle: number;
  name: string;
  shortName: string;
  office: string;
  total: number;
  byStatus: Record<TaskStatus, number>;
  byLight: Record<Light, number>;
  closedInPeriod: number;
}

export interface ClosedItem {
  code: string;
  title: string;
  battle: number;
  leadUnits: string;
  leadUnitIds: string[];
  decidedOn: string;
}

/** 逾期 is criticised; 滞后 (behind 序时进度) and 未启动 (nothing reported yet) are reminders. */
export type AttentionKind = 'overdue' | 'behind' | 'notStarted';

export interface AttentionItem {
  code: string;
  title: string;
  battle: number;
  leadUnits: string;
  leadUnitIds: string[];
  /** The units answerable for it: its lead units where the task itself is late, and the lead units of its late
   * sub-tasks (collective names left out). A 督办单 goes to these. */
  unitIds: string[];
  dueDate: string;
  percent: number | null;
  light: 'red' | 'yellow';
  kind: AttentionKind;
  latest: string;
}

export interface UnitFigures {
  unitId: string;
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
  kind: string;
  /** Growth and ratio indicators are judged as rates against the target, never by completion or 序时进度. */
  rate: boolean;
  target: string;
  targetValue: number;
  lower: boolean;
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
  /** The day the figures are read at: the period's end (a 督办单: the ledger date within its month). */
  asOf: string;
  scope: ReportScope;
  planTitle: string;
  planDocNo: string;
  planYear: number;
  /** 全市 · 发展“六仗” · 仗: how the plan's area, work and groups are named. */
  words: PlanWords;
  total: number;
  battles: BattleFigures[];
  closed: number;
  closedInPeriod: ClosedItem[];
  pendingCloseout: number;
  byLight: Record<Light, number>;
  attention: AttentionItem[];
  progressLinesInPeriod: number;
  unitsReportedInPeriod: number;
  units: UnitFigures[];
  /** Tasks whose lead is only a collective name (各成员单位…): in the counts, in no unit's line. */
  unattributed: number;
  /** The first collective name leading such a task, to name in the text. */
  collectiveLead: string;
  indicators: IndicatorFigure[];
  /** 问题清单 at the period's end: open (of which past their deadline) and cleared within the period. */
  problems: { open: number; overdue: number; clearedInPeriod: number };
  /** Whose records the store holds, and up to which ledger date. */
  coverage: OfficeData[];
}

const RANK: Record<Light, number> = { done: -1, green: 0, blue: 1, yellow: 2, red: 3 };

/** A task with its open sub-tasks' lateness: its light is the latest of its own and theirs. */
function rollUp(t: TaskAt, subs: readonly TaskAt[]): TaskAt {
  if (t.status === 'closed') return t;
  const worst = subs.filter((s) => s.status !== 'closed').reduce<Light>((w, s) => (RANK[s.light] > RANK[w] ? s.light : w), t.light);
  if (worst === t.light) return t;
  const late = worst === 'red' || worst === 'yellow';
  return { ...t, light: worst, status: late && t.status === 'in_progress' ? 'lagging' : t.status };
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** What the issuing office's documents are about. */
export function scopeOf(store: Store, who: Identity): ReportScope {
  if (who.role === 'unit') return { kind: 'unit', label: who.officeName, unitId: who.officeUnitId };
  if (who.role === 'taskforce') {
    const b = battleSummaries(store, planInfo(store).id).find((x) => x.code === who.battle);
    return { kind: 'battle', label: b?.name.replace(/^打好/, '') || `第${who.battle}仗`, battle: who.battle };
  }
  return { kind: 'city', label: '全市' };
}

/** The figures of a period for an office; `asOf` reads them at another day of the period (a 督办单). */
export function reportFigures(store: Store, settings: Settings, who: Identity, period: string, asOf?: string): ReportFigures {
  const { start, end } = periodRange(period);
  const at = asOf && asOf < end ? asOf : end;
  const plan = planInfo(store);
  const scope = scopeOf(store, who);
  const ledger = ledgerAt(store, plan.id, plan.year, settings, at);
  const battleList = battleSummaries(store, plan.id);
  const battleCode = new Map(battleList.map((b) => [b.id, b.code]));
  const unitRows = store.sqlite.prepare('SELECT id, name, kind FROM units').all() as { id: string; name: string; kind: string }[];
  const nameOf = new Map(unitRows.map((u) => [u.id, u.name]));
  const collective = new Set(unitRows.filter((u) => u.kind === 'group').map((u) => u.id));
  const names = (ids: readonly string[]) => ids.map((id) => nameOf.get(id) ?? id).join('、');

  const subsOf = new Map<string, TaskAt[]>();
  for (const t of ledger.tasks) {
    if (!t.parentId) continue;
    const list = subsOf.get(t.parentId);
    if (list) list.push(t);
    else subsOf.set(t.parentId, [t]);
  }
  const onTask = (t: TaskAt, unitId: string) =>
    [t, ...(subsOf.get(t.id) ?? [])].some((x) => x.leadUnitIds.includes(unitId) || x.coUnitIds.includes(unitId));
  const inScope = (t: TaskAt) =>
    scope.kind === 'city' ? true : scope.kind === 'battle' ? battleCode.get(t.battleId) === scope.battle : onTask(t, scope.unitId!);
  // Each real task once: a sub-task (a 任务分解表 row breaking an item down, or a split) is part of its task,
  // and a task is as late as its latest open part.
  const tasks = ledger.tasks
    .filter((t) => !t.parentId && battleCode.has(t.battleId) && inScope(t))
    .map((t) => rollUp(t, subsOf.get(t.id) ?? []))
    .sort((a, b) => battleCode.get(a.battleId)! - battleCode.get(b.battleId)! || a.ord - b.ord || compareTaskCodes(a.code, b.code));
  const taskIds = new Set(tasks.flatMap((t) => [t.id, ...(subsOf.get(t.id) ?? []).map((x) => x.id)]));
  const ownLight = new Map(ledger.tasks.map((t) => [t.id, t.light]));
  const real = (ids: readonly string[]) => ids.filter((id) => !collective.has(id));
  /** Each unit on a task (its leads, its sub-tasks' leads) with the light of its own part. */
  const parts = (t: TaskAt): Map<string, Light> => {
    const out = new Map<string, Light>();
    const add = (id: string, l: Light) => {
      const had = out.get(id);
      if (had === undefined || RANK[l] > RANK[had]) out.set(id, l);
    };
    for (const id of real(t.leadUnitIds)) add(id, t.status === 'closed' ? 'done' : ownLight.get(t.id)!);
    for (const sub of subsOf.get(t.id) ?? []) for (const id of real(sub.leadUnitIds)) add(id, t.status === 'closed' || sub.status === 'closed' ? 'done' : sub.light);
    return out;
  };

  const closedInPeriod: ClosedItem[] = tasks
    .filter((t) => t.status === 'closed' && t.closedOn >= start && t.closedOn <= at)
    .map((t) => ({ code: t.code, title: t.title, battle: battleCode.get(t.battleId)!, leadUnits: names(t.leadUnitIds), leadUnitIds: t.leadUnitIds, decidedOn: t.closedOn }));
  const closedIds = new Set(tasks.filter((t) => t.status === 'closed' && t.closedOn >= start && t.closedOn <= at).map((t) => t.id));

  // Progress lines of the period (on the tasks and their parts): their own period overlaps the document's and
  // they were reported by its end.
  const inPeriod = ledger.progress.filter((p) => taskIds.has(p.taskId) && periodRange(p.period).end >= start);
  const reportingUnits = new Set(real(inPeriod.map((p) => p.unitId)));
  const reportedAt = new Set(ledger.progress.map((p) => p.taskId));

  const attention: AttentionItem[] = tasks
    .filter((t) => t.light === 'red' || t.light === 'yellow')
    .map((t): AttentionItem => {
      const answerable = [...parts(t)].filter(([, l]) => l === 'red' || l === 'yellow').map(([id]) => id);
      const anyReport = reportedAt.has(t.id) || (subsOf.get(t.id) ?? []).some((x) => reportedAt.has(x.id));
      return {
        code: t.code,
        title: t.title,
        battle: battleCode.get(t.battleId)!,
        leadUnits: names(t.leadUnitIds),
        leadUnitIds: t.leadUnitIds,
        unitIds: answerable,
        dueDate: t.dueDate,
        percent: t.percent,
        light: t.light as 'red' | 'yellow',
        kind: t.light === 'red' ? 'overdue' : anyReport ? 'behind' : 'notStarted',
        latest: t.latest?.text ?? '',
      };
    })
    .sort((a, b) => (a.light === b.light ? 0 : a.light === 'red' ? -1 : 1));

  const shownBattles = battleList.filter((b) => scope.kind === 'city' || (scope.kind === 'battle' ? b.code === scope.battle : tasks.some((t) => t.battleId === b.id)));
  const battles: BattleFigures[] = shownBattles.map((b) => {
    const mine = tasks.filter((t) => t.battleId === b.id);
    const byStatus = zeros(taskStatuses);
    const byLight = zeros(lights);
    for (const t of mine) {
      byStatus[t.status]++;
      byLight[t.light]++;
    }
    return { battle: b.code, name: b.name, shortName: b.shortName, office: b.office, total: mine.length, byStatus, byLight, closedInPeriod: mine.filter((t) => closedIds.has(t.id)).length };
  });
  const byLight = zeros(lights);
  for (const t of tasks) byLight[t.light]++;

  // Each unit's line counts the tasks it carries — as a lead, or as the lead of a part — once each, with the
  // light of its own part; a task led only by collective names and without parts is nobody's (`unattributed`).
  const perUnit = new Map<string, UnitFigures>();
  let unattributed = 0;
  let collectiveLead = '';
  for (const t of tasks) {
    const carriers = parts(t);
    if (!carriers.size) {
      unattributed++;
      collectiveLead ||= nameOf.get(t.leadUnitIds[0] ?? '') ?? '';
    }
    for (const [id, light] of carriers) {
      if (scope.kind === 'unit' && id !== scope.unitId) continue;
      const u = perUnit.get(id) ?? { unitId: id, unit: nameOf.get(id) ?? id, lead: 0, closed: 0, closedInPeriod: 0, red: 0, yellow: 0, reportedInPeriod: reportingUnits.has(id) };
      u.lead++;
      if (t.status === 'closed') u.closed++;
      if (closedIds.has(t.id)) u.closedInPeriod++;
      if (light === 'red') u.red++;
      if (light === 'yellow') u.yellow++;
      perUnit.set(id, u);
    }
  }

  const scopeBattleNames = new Set(shownBattles.map((b) => b.name));
  const indicators = listIndicators(store)
    .filter((i) => scope.kind !== 'battle' || scopeBattleNames.has(i.battleName))
    .map((i): IndicatorFigure => {
      const v = [...i.values].reverse().find((x) => valuePeriodEnd(x.period) <= at);
      const a = assess(i, v?.value ?? null, v ? valuePeriodEnd(v.period) : at);
      return {
        battleName: i.battleName,
        name: i.name,
        kind: i.kind,
        rate: i.kind === 'growth' || i.kind === 'ratio',
        target: i.targetText || `${i.target}${i.unit}`,
        targetValue: i.target,
        lower: i.comparison === 'lte',
        actual: v ? { period: v.period, value: v.value, unit: i.unit } : null,
        completion: a.completion,
        schedule: a.schedule,
        light: a.light,
      };
    });

  const codes = new Set(tasks.map((t) => t.code));
  const problemRows = listProblems(store, at).filter(
    (p) => p.foundOn <= at && codes.has(p.taskCode) && (scope.kind !== 'unit' || p.unit === nameOf.get(scope.unitId!)),
  );
  const openAtEnd = problemRows.filter((p) => p.state === 'open' || p.clearedOn > at);
  const problems = {
    open: openAtEnd.length,
    overdue: openAtEnd.filter((p) => p.deadline < at).length,
    clearedInPeriod: problemRows.filter((p) => p.state === 'cleared' && p.clearedOn >= start && p.clearedOn <= at).length,
  };

  return {
    period,
    start,
    end,
    asOf: at,
    scope,
    planTitle: plan.title,
    planDocNo: plan.docNo,
    planYear: plan.year,
    words: planWords(plan, battleList.map((b) => b.name)),
    total: tasks.length,
    battles,
    closed: tasks.filter((t) => t.status === 'closed').length,
    closedInPeriod,
    pendingCloseout: tasks.filter((t) => t.status === 'pending_closeout').length,
    byLight,
    attention,
    progressLinesInPeriod: inPeriod.length,
    unitsReportedInPeriod: reportingUnits.size,
    units: [...perUnit.values()],
    unattributed,
    collectiveLead,
    indicators,
    problems,
    coverage: dataCoverage(store),
  };
}
