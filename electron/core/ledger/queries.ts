// Read side of the ledger: what the overview, the ledger table and the CLI show.
import type { BattleSummary, PlanInfo, TaskRow, Target, Unit } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { filterTasks, type TaskFilter } from '../../../shared/task-filter';
import { orderTiesByCode } from '../../../shared/task-code';
import type { Milestone, Settings } from '../../../shared/workflow';
import type { Store } from '../store/store';
import { lightMemo, listMemo, NO_MILESTONES } from './light-memo';
import { loadTaskFacts } from './task-facts';
import { currentPlan } from '../plan/plans';

/** The plan the pages show (see plan/plans.ts). */
export function planInfo(store: Store): PlanInfo {
  return currentPlan(store);
}

export function battleSummaries(store: Store, planId: string): BattleSummary[] {
  return store.sqlite
    .prepare(
      `SELECT b.id, b.code, b.name, b.short_name AS shortName, b.office,
              (SELECT count(*) FROM tasks t WHERE t.battle_id = b.id AND t.deleted = 0) AS taskCount
         FROM battles b WHERE b.plan_id = ? AND b.deleted = 0 ORDER BY b.code`,
    )
    .all(planId) as BattleSummary[];
}

/** The battles' numbers alone (the dashboard's columns), without counting their tasks. */
export function battleCodes(store: Store, planId: string): number[] {
  return store.sqlite.prepare('SELECT code FROM battles WHERE plan_id = ? AND deleted = 0 ORDER BY code').pluck().all(planId) as number[];
}

export function countTasks(store: Store, planId: string): number {
  return (store.sqlite.prepare('SELECT count(*) AS n FROM tasks WHERE deleted = 0 AND plan_id = ?').get(planId) as { n: number }).n;
}

export function listUnits(store: Store): Unit[] {
  const rows = store.sqlite.prepare('SELECT id, name, aliases, kind FROM units WHERE deleted = 0 ORDER BY name').all() as {
    id: string;
    name: string;
    aliases: string;
    kind: string;
  }[];
  return rows.map((r) => ({ id: r.id, name: r.name, aliases: JSON.parse(r.aliases) as string[], kind: r.kind === 'group' ? ('group' as const) : ('unit' as const) }));
}

/** A task's columns, in the order listTasks selects them: read as arrays, half the time of row objects. */
type TaskDbRow = [
  id: string,
  code: string,
  battle: number,
  battleName: string,
  section: string | null,
  sectionCode: string | null,
  title: string,
  content: string,
  listType: TaskRow['listType'],
  leadUnitIds: string,
  coUnitIds: string,
  groupLabel: string,
  clause: string,
  leadByOrder: number,
  dueDate: string,
  milestones: string,
  leadPerson: string,
  handler: string,
  responsibleSection: string,
  parentId: string,
  createdOn: string,
  ord: number,
];

function targetsByOwner(store: Store, ownerType: string): Map<string, Target[]> {
  const rows = store.sqlite
    .prepare(
      'SELECT id, owner_id AS ownerId, name, value, unit, kind, comparison, text FROM targets WHERE owner_type = ? AND deleted = 0 ORDER BY owner_id, ord',
    )
    .all(ownerType) as (Target & { ownerId: string })[];
  const out = new Map<string, Target[]>();
  for (const { ownerId, ...t } of rows) {
    const list = out.get(ownerId) ?? [];
    list.push(t);
    out.set(ownerId, list);
  }
  return out;
}

/** The unit ids a task is assigned to, for permission checks. */
export function taskScope(store: Store, taskId: string): { battle: number; leadUnitIds: string[]; coUnitIds: string[]; code: string; title: string } {
  const row = store.sqlite
    .prepare(
      `SELECT b.code AS battle, t.lead_unit_ids AS lead, t.co_unit_ids AS co, t.code, t.title
         FROM tasks t JOIN battles b ON b.id = t.battle_id WHERE t.id = ? AND t.deleted = 0`,
    )
    .get(taskId) as { battle: number; lead: string; co: string; code: string; title: string } | undefined;
  if (!row) throw new AppError('not_found', '没有找到该任务，可能已被删除。', `no task ${taskId}`);
  return { battle: row.battle, leadUnitIds: JSON.parse(row.lead), coUnitIds: JSON.parse(row.co), code: row.code, title: row.title };
}

/** One task with its status and light, without building every other row. */
export function taskRow(store: Store, settings: Settings, id: string): TaskRow {
  const task = listTasks(store, settings, {}, planInfo(store), id)[0];
  if (!task) throw new AppError('not_found', '没有找到该任务，可能已被删除。', `no task ${id}`);
  return task;
}

/** Tasks of one plan (the current one unless named), in the document's order, with status and light. */
export function listTasks(store: Store, settings: Settings, filter: TaskFilter = {}, plan: PlanInfo = planInfo(store), only?: string | readonly string[]): TaskRow[] {
  const onlyIds = only === undefined ? undefined : JSON.stringify(typeof only === 'string' ? [only] : only);
  // For a few named tasks, look them up by id: the unary + keeps the planner off the plan-wide index, which
  // would walk every task of the plan to find them.
  const byBattle = filter.battle !== undefined;
  // The whole plan is read battle by battle (CROSS JOIN keeps battles outside), each battle's tasks from the
  // plan's index, sorted by ord.
  const from = onlyIds
    ? 'FROM tasks t JOIN battles b ON b.id = t.battle_id'
    : 'FROM battles b CROSS JOIN tasks t ON t.battle_id = b.id AND t.plan_id = b.plan_id';
  const rows = store.sqlite
    .prepare(
      `SELECT t.id, t.code, b.code, b.name, s.title, s.code, t.title, t.content, t.list_type, t.lead_unit_ids, t.co_unit_ids,
              t.group_label, t.clause, t.lead_by_order, t.due_date, t.milestones, t.lead_person, t.handler, t.responsible_section,
              t.parent_id, t.created_on, t.ord
         ${from} LEFT JOIN sections s ON s.id = t.section_id
        WHERE ${onlyIds ? '+t.deleted = 0 AND +t.plan_id = ?' : 't.deleted = 0 AND t.plan_id = ?'} ${byBattle ? 'AND b.code = ?' : ''} ${onlyIds ? 'AND t.id IN (SELECT value FROM json_each(?))' : ''}
        ORDER BY b.code, t.ord`,
    )
    .raw()
    .all(plan.id, ...(byBattle ? [filter.battle] : []), ...(onlyIds ? [onlyIds] : [])) as TaskDbRow[];
  // Tasks added to a section or split share a neighbour's ord: their codes order them (1.1.1-2 before 1.1.1-10),
  // which SQL's text order cannot. Only those runs are sorted.
  orderTiesByCode(rows, (a, b) => a[21] === b[21] && a[2] === b[2], (r) => r[1]);

  const unitName = new Map(listUnits(store).map((u) => [u.id, u.name]));
  // Unit lists, their names and lights computed once per distinct value (light-memo.ts): at 50,000 tasks this
  // was most of the list's time. The shared arrays are read, never changed.
  const listOf = listMemo();
  const namesOfList = new Map<readonly string[], string[]>();
  const names = (ids: readonly string[]) => {
    let n = namesOfList.get(ids);
    if (!n) namesOfList.set(ids, (n = ids.map((id) => unitName.get(id) ?? id)));
    return n;
  };
  const facts = loadTaskFacts(store, onlyIds);
  const targets = targetsByOwner(store, 'task');
  const lightOf = lightMemo(settings, plan.year);
  const all = new Array<TaskRow>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const [id, code, battle, battleName, section, sectionCode, title, content, listType, lead, co, groupLabel, clause, leadByOrder, dueDate, ms, leadPerson, handler, responsibleSection, parentId, createdOn] =
      rows[i]!;
    const f = facts.get(id);
    const percent = f ? f.percent : null;
    const milestones = ms === '[]' ? NO_MILESTONES : (JSON.parse(ms) as Milestone[]);
    const known = lightOf(dueDate, percent, f ? f.closeout : null, milestones, createdOn);
    const leadUnitIds = listOf(lead);
    const coUnitIds = listOf(co);
    all[i] = {
      id,
      code,
      battle,
      battleName,
      section: section ?? '',
      sectionCode: sectionCode ?? '',
      group: groupLabel,
      title,
      content,
      listType,
      leadUnits: names(leadUnitIds),
      coUnits: names(coUnitIds),
      leadUnitIds,
      coUnitIds,
      clause,
      leadByOrder: leadByOrder === 1,
      status: known[1],
      light: known[0],
      percent,
      dueDate,
      milestones: milestones as Milestone[],
      leadPerson,
      handler,
      responsibleSection,
      parentId,
      createdOn,
      closeout: f ? f.closeout : null,
      targets: targets.get(id) ?? [],
    };
  }
  // The same matching as the renderer's, so a filter finds the same tasks on screen and in the CLI.
  const { battle: _b, ...rest } = filter;
  return Object.values(rest).some((v) => v !== undefined) ? filterTasks(all, rest) : all;
}
