// 问题清单: a problem found is tied to a task and a unit and given a deadline (限期整改); the unit reports it
// cleared with a statement. Counts per unit and battle, and the open count over time (动态清零).
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../shared/errors';
import { daysInMonth, isIsoDate } from '../../../shared/period';
import type { Problem } from '../../../shared/problems';
import type { Identity } from '../../../shared/workflow';
import { requirePermission } from '../ledger/permissions';
import { planInfo, taskScope } from '../ledger/queries';
import type { Store } from '../store/store';
import { resolveUnitId, unitNames } from '../app/units';


export interface RaiseInput {
  taskId: string;
  unit?: string;
  text: string;
  deadline: string;
  source?: Problem['source'];
  sourceId?: string;
}

export function raiseProblem(store: Store, who: Identity, input: RaiseInput, today: string): string {
  const scope = taskScope(store, input.taskId);
  requirePermission(who, 'problem.raise', scope);
  const text = input.text.trim();
  if (text.length < 4) throw new AppError('bad_input', '请写明问题（至少四个字）。', 'short problem text');
  if (text.length > 1000) throw new AppError('bad_input', '问题描述过长（最多1000字）。', 'long problem text');
  if (!isIsoDate(input.deadline)) throw new AppError('bad_input', '请填写整改时限，如 2023-04-30。', `deadline ${input.deadline}`);
  if (input.deadline < today) throw new AppError('bad_input', `整改时限不能早于台账日期（${today}）。`, `deadline ${input.deadline} before ${today}`);
  if (!input.deadline.startsWith(`${planInfo(store).year}-`)) throw new AppError('bad_input', `整改时限应在实施方案年度（${planInfo(store).year}年）内。`, `deadline ${input.deadline}`);
  const unitId = input.unit ? resolveUnitId(store, input.unit) : scope.leadUnitIds[0];
  if (!unitId) throw new AppError('bad_input', '请选择问题交办的单位。', 'no unit');
  const id = uuidv7();
  store.log.append([
    {
      entity: 'problem',
      entityId: id,
      op: 'put',
      fields: { taskId: input.taskId, unitId, source: input.source ?? 'manual', sourceId: input.sourceId ?? '', text, foundOn: today, deadline: input.deadline, state: 'open' },
    },
  ]);
  return id;
}

export function clearProblem(store: Store, who: Identity, id: string, statement: string, today: string): void {
  const p = store.sqlite.prepare('SELECT task_id AS taskId, unit_id AS unitId, state FROM problems WHERE id = ? AND deleted = 0').get(id) as
    | { taskId: string; unitId: string; state: string }
    | undefined;
  if (!p) throw new AppError('not_found', '没有找到该问题。', `no problem ${id}`);
  const scope = taskScope(store, p.taskId);
  requirePermission(who, 'problem.clear', { battle: scope.battle, leadUnitIds: [p.unitId], coUnitIds: [] });
  if (p.state === 'cleared') throw new AppError('bad_input', '该问题已整改清零。', 'already cleared');
  const s = statement.trim();
  if (s.length < 4) throw new AppError('bad_input', '请写明整改情况（至少四个字）。', 'short statement');
  store.log.append([{ entity: 'problem', entityId: id, op: 'put', fields: { state: 'cleared', clearedOn: today, statement: s.slice(0, 2000) } }]);
}

export function listProblems(store: Store, asOf: string): Problem[] {
  const units = unitNames(store);
  const rows = store.sqlite
    .prepare(
      `SELECT p.id, p.task_id AS taskId, t.code AS taskCode, t.title AS taskTitle, b.code AS battle, p.unit_id AS unitId, p.source, p.text,
              p.found_on AS foundOn, p.deadline, p.state, p.cleared_on AS clearedOn, p.statement
         FROM problems p JOIN tasks t ON t.id = p.task_id JOIN battles b ON b.id = t.battle_id
        WHERE p.deleted = 0 AND t.deleted = 0 AND t.plan_id = ? ORDER BY p.state DESC, p.deadline, p.id`,
    )
    .all(planInfo(store).id) as (Omit<Problem, 'unit' | 'overdue'> & { unitId: string })[];
  return rows.map(({ unitId, ...r }) => ({ ...r, unit: units.get(unitId) ?? '', overdue: r.state === 'open' && r.deadline < asOf }));
}

export function problemCounts(problems: readonly Problem[], key: (p: Problem) => string) {
  const out = new Map<string, { key: string; open: number; overdue: number; cleared: number }>();
  for (const p of problems) {
    const k = key(p);
    const c = out.get(k) ?? { key: k, open: 0, overdue: 0, cleared: 0 };
    if (p.state === 'cleared') c.cleared++;
    else {
      c.open++;
      if (p.overdue) c.overdue++;
    }
    out.set(k, c);
  }
  return [...out.values()].sort((a, b) => b.open - a.open || b.overdue - a.overdue || a.key.localeCompare(b.key, 'zh-CN'));
}

/** 动态清零: problems open at the end of each 旬 from the first problem to the ledger date. */
export function openSeries(problems: readonly Problem[], asOf: string): { date: string; open: number }[] {
  if (!problems.length) return [];
  const first = problems.reduce((m, p) => (p.foundOn < m ? p.foundOn : m), asOf);
  const out: { date: string; open: number }[] = [];
  const d = new Date(`${first.slice(0, 8)}01T00:00:00Z`);
  for (;;) {
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    const last = daysInMonth(y, m + 1);
    for (const day of [10, 20, last]) {
      const date = `${y}-${String(m + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      if (date < first) continue;
      const end = date > asOf ? asOf : date;
      out.push({ date: end, open: problems.filter((p) => p.foundOn <= end && (p.state === 'open' || p.clearedOn > end)).length });
      if (date >= asOf) return out;
    }
    d.setUTCMonth(m + 1);
  }
}
