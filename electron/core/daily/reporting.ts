// 报送率: for a period (a 旬 or a month), which units reported on which of the tasks they lead. A unit is asked
// for a line on every task it leads that was open in the period: added by its end, not 销号 before its start.
// A line counts when it is for the period itself, for its month (a monthly line answers each 旬 of it), or, for
// a month, for any 旬 of it; reported after the period's end, it counts and is marked late. Collective names
// (各乡镇街道) are nobody's to report for and are left out. Read from the tables at the ledger date: records dated
// later (a review of a past period) are not counted.
import type { Identity, Settings } from '../../../shared/workflow';
import type { Reporting, ReportingUnit } from '../../../shared/daily';
import { periodLabel } from '../../../shared/period';
import { AppError } from '../../../shared/errors';
import { periodRange } from '../../../shared/report';
import { compareTaskCodes } from '../../../shared/task-code';
import { currentPlan } from '../plan/plans';
import type { Store } from '../store/store';
import { listMemo } from '../ledger/light-memo';
import { battleSummaries } from '../ledger/queries';

interface TaskRowLite {
  id: string;
  code: string;
  title: string;
  battle: number;
  lead: string;
}

/** The periods whose lines answer for `period`. */
function answering(period: string): string[] {
  const month = period.slice(0, 7);
  return period.length > 7 ? [period, month] : [month, `${month}-1`, `${month}-2`, `${month}-3`];
}

/** Why nobody can owe a line for the period at the ledger date (outside the plan year, not begun), or null. */
export function unreportable(planYear: number, period: string, asOf: string): string | null {
  if (!period.startsWith(`${planYear}-`)) return `报告期应在实施方案年度（${planYear}年）内，收到“${period}”。`;
  if (periodRange(period).start > asOf) return `${periodLabel(period)}尚未开始（台账日期 ${asOf}），还没有应报送的进展。`;
  return null;
}

export function reportingFor(store: Store, settings: Settings, who: Identity | null, period: string): Reporting {
  const plan = currentPlan(store);
  const { start, end } = periodRange(period);
  const asOf = settings.asOf;
  const why = unreportable(plan.year, period, asOf);
  if (why) throw new AppError('bad_input', why, `period ${period} outside ${plan.year} or after ${asOf}`);
  const battle = who?.role === 'taskforce' ? who.battle : 0;
  const tasks = store.sqlite
    .prepare(
      `SELECT t.id, t.code, t.title, b.code AS battle, t.lead_unit_ids AS lead FROM tasks t JOIN battles b ON b.id = t.battle_id
        WHERE (t.deleted = 0 OR (t.voided_on <> '' AND t.voided_on > ?)) AND t.plan_id = ? AND t.created_on <= ? ${battle ? 'AND b.code = ?' : ''}
          AND NOT EXISTS (SELECT 1 FROM closeouts c WHERE c.task_id = t.id AND c.deleted = 0 AND c.state = 'approved' AND c.decided_on < ?
                            AND c.id = (SELECT max(id) FROM closeouts WHERE task_id = t.id AND deleted = 0))`,
    )
    // A task voided after the period still counted in it, as in that period's documents.
    .all(end, plan.id, end < asOf ? end : asOf, ...(battle ? [battle] : []), start) as TaskRowLite[];
  const periods = answering(period);
  const lines = store.sqlite
    .prepare(
      `SELECT task_id AS taskId, unit_id AS unitId, min(reported_on) AS reportedOn FROM progress
        WHERE deleted = 0 AND period IN (SELECT value FROM json_each(?)) AND reported_on <= ? GROUP BY task_id, unit_id`,
    )
    .all(JSON.stringify(periods), asOf) as { taskId: string; unitId: string; reportedOn: string }[];
  const lineOf = new Map(lines.map((l) => [`${l.taskId}|${l.unitId}`, l.reportedOn]));
  const units = new Map(
    (store.sqlite.prepare("SELECT id, name, kind FROM units WHERE deleted = 0").all() as { id: string; name: string; kind: string }[]).map((u) => [u.id, u]),
  );
  const leadOf = listMemo();
  const byUnit = new Map<string, ReportingUnit>();
  const battleOf = new Map<string, number>();
  for (const t of tasks) {
    for (const unitId of leadOf(t.lead)) {
      const u = units.get(unitId);
      if (!u || u.kind === 'group') continue;
      if (who?.role === 'unit' && unitId !== who.officeUnitId) continue;
      let row = byUnit.get(unitId);
      if (!row) byUnit.set(unitId, (row = { unitId, unit: u.name, tasks: 0, reported: 0, rate: 0, items: [] }));
      const on = lineOf.get(`${t.id}|${unitId}`) ?? '';
      row.tasks++;
      if (on) row.reported++;
      row.items.push({ taskId: t.id, code: t.code, title: t.title, reported: !!on, reportedOn: on, late: !!on && on > end });
      battleOf.set(`${t.id}|${unitId}`, t.battle);
    }
  }
  const rateOf = (done: number, all: number) => (all ? Math.round((done / all) * 1000) / 1000 : 1);
  const unitsOut = [...byUnit.values()]
    .map((u) => ({ ...u, rate: rateOf(u.reported, u.tasks), items: u.items.sort((a, b) => compareTaskCodes(a.code, b.code)) }))
    .sort((a, b) => a.rate - b.rate || b.tasks - a.tasks || a.unit.localeCompare(b.unit, 'zh-CN'));
  const battles = battleSummaries(store, plan.id)
    .filter((b) => !battle || b.code === battle)
    .map((b) => {
      let all = 0;
      let done = 0;
      const missing = new Set<string>();
      for (const u of unitsOut) {
        for (const i of u.items) {
          if (battleOf.get(`${i.taskId}|${u.unitId}`) !== b.code) continue;
          all++;
          if (i.reported) done++;
          else missing.add(u.unitId);
        }
      }
      return { battle: b.code, name: b.shortName || b.name, tasks: all, reported: done, rate: rateOf(done, all), unitsMissing: missing.size };
    });
  const all = unitsOut.reduce((n, u) => n + u.tasks, 0);
  const done = unitsOut.reduce((n, u) => n + u.reported, 0);
  return {
    period,
    asOf,
    rule: `${periodLabel(period)}：各单位对其牵头、在本期内未销号的任务各报送一次进展（按月报送的进展视同报送各旬）；台账日期之后录入的不计。`,
    tasks: all,
    reported: done,
    rate: rateOf(done, all),
    battles,
    units: unitsOut,
    missing: unitsOut.filter((u) => u.reported < u.tasks).sort((a, b) => b.tasks - b.reported - (a.tasks - a.reported) || a.unit.localeCompare(b.unit, 'zh-CN')).map((u) => u.unit),
  };
}
