// The daily workflow's changes. Each checks its input and the installation's role, then appends events:
// nothing is written unless everything is allowed and valid.
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import { effectiveStateSql } from './closeout-state';
import { AppError } from '../../../shared/errors';
import { isIsoDate } from '../../../shared/period';
import type { Identity, TaskEdit } from '../../../shared/workflow';
import type { Json } from '../events/canonical';
import type { Store } from '../store/store';
import { resolveUnitId } from '../app/units';
import { saveEvidence } from './evidence';
import { requirePermission } from './permissions';
import { onlyAssignees } from '../../../shared/permissions';
import { compareTaskCodes } from '../../../shared/task-code';
import { planInfo, taskScope } from './queries';

const PROGRESS_NS = 'a7d1c3e0-5b2f-4e8a-9c61-3f0b7e2d9a14';

function checkInPlanYear(store: Store, date: string, what: string): void {
  const year = planInfo(store).year;
  if (!isIsoDate(date)) throw new AppError('bad_input', `${what}不是有效日期：“${date}”。`, `${what} ${date} not a date`);
  if (!date.startsWith(`${year}-`)) {
    throw new AppError('bad_input', `${what}应在实施方案年度（${year}年）内，收到“${date}”。`, `${what} ${date} outside plan year ${year}`);
  }
}

export interface ProgressInput {
  taskId: string;
  period: string;
  percent: number;
  text: string;
  /** Report on behalf of this unit (taskforce/center entering a paper report); default: this office. */
  unit?: string;
  evidence?: { name: string; contentBase64: string }[];
}

/** A line as the contract admits it (shared/limits.ts: period syntax, whole percent, written text, evidence). */
export function reportProgress(store: Store, who: Identity, input: ProgressInput, today: string): string {
  const { period, text } = input;
  checkInPlanYear(store, `${period.slice(0, 7)}-01`, '报告期');
  const scope = taskScope(store, input.taskId);
  requirePermission(who, 'progress.report', scope);
  const unitId = input.unit ? resolveUnitId(store, input.unit) : who.officeUnitId;
  if (![...scope.leadUnitIds, ...scope.coUnitIds].includes(unitId)) {
    throw new AppError('bad_input', '该单位不是这项任务的牵头或配合单位，不能为其报送进展。', `unit ${unitId} not on task ${scope.code}`);
  }
  if (unitId !== who.officeUnitId && who.role === 'unit') {
    throw new AppError('forbidden', `${who.officeName}：只能报送本单位的进展。`, 'unit reporting for another unit');
  }
  // One line per task, period and unit: reporting the same period again corrects it.
  const id = uuidv5(`${input.taskId}|${period}|${unitId}`, PROGRESS_NS);
  // Files first: content-addressed, so a failed append leaves at most an unreferenced file, never a dangling reference.
  const evidence = saveEvidence(store, input.evidence ?? []);
  const fields: Record<string, Json> = { taskId: input.taskId, unitId, period, percent: input.percent, text, reportedOn: today };
  // Correcting a line without new files keeps the files it had.
  if (evidence.length || !store.sqlite.prepare('SELECT 1 FROM progress WHERE id = ?').get(id)) fields.evidence = evidence as unknown as Json;
  store.log.append([{ entity: 'progress', entityId: id, op: 'put', fields }]);
  return id;
}

/** The latest record of the task as it counts, approved while any record is (closeout-state.ts). */
function latestCloseout(store: Store, taskId: string): { id: string; state: string } | undefined {
  const approved = store.sqlite.prepare("SELECT id, state FROM closeouts WHERE task_id = ? AND deleted = 0 AND state = 'approved' ORDER BY id DESC LIMIT 1").get(taskId);
  if (approved) return approved as { id: string; state: string };
  return store.sqlite.prepare(`SELECT id, ${effectiveStateSql('closeouts')} AS state FROM closeouts WHERE task_id = ? AND deleted = 0 ORDER BY id DESC LIMIT 1`).get(taskId) as
    | { id: string; state: string }
    | undefined;
}

/**
 * A 销号 request. Below 100 % reported the unit must say it means it (`belowFull`) and why, in the statement:
 * the taskforce reads a request for an unfinished task with that in front of it.
 */
export function requestCloseout(store: Store, who: Identity, taskId: string, statement: string, today: string, belowFull = false): string {
  const text = statement.trim();
  if (text.length < 4) throw new AppError('bad_input', '申请销号须写明完成情况（至少四个字）。', 'empty closeout statement');
  const scope = taskScope(store, taskId);
  requirePermission(who, 'closeout.request', scope);
  const last = latestCloseout(store, taskId);
  if (last?.state === 'pending') throw new AppError('bad_input', '该任务已有待审批的销号申请。', 'closeout already pending');
  if (last?.state === 'approved') throw new AppError('bad_input', '该任务已销号。如需继续推进，请先由专班重新打开。', 'already closed');
  const percent = store.sqlite.prepare('SELECT percent FROM task_facts WHERE task_id = ?').pluck().get(taskId) as number | null | undefined;
  if ((percent ?? 0) < 100 && !belowFull) {
    throw new AppError(
      'bad_input',
      `该任务报送的完成进度为${percent ?? 0}%，未达到100%。如确已完成，请在说明中写明原因，并确认按未满100%申请销号。`,
      `closeout below 100 (${percent ?? 'none'}) without confirmation`,
    );
  }
  const unitId = scope.leadUnitIds.includes(who.officeUnitId) ? who.officeUnitId : (scope.leadUnitIds[0] ?? who.officeUnitId);
  const id = uuidv7();
  store.log.append([{ entity: 'closeout', entityId: id, op: 'put', fields: { taskId, unitId, statement: text, requestedOn: today, state: 'pending' } }]);
  return id;
}

export function decideCloseout(store: Store, who: Identity, taskId: string, approve: boolean, reason: string, today: string): void {
  const scope = taskScope(store, taskId);
  requirePermission(who, 'closeout.decide', scope);
  const last = latestCloseout(store, taskId);
  if (last?.state !== 'pending') throw new AppError('bad_input', '该任务没有待审批的销号申请。', 'no pending closeout');
  const why = reason.trim();
  if (!approve && why.length < 2) throw new AppError('bad_input', '退回销号申请须写明理由。', 'reject without reason');
  store.log.append([
    {
      entity: 'closeout',
      entityId: last.id,
      op: 'put',
      // taskId again: an office may receive the decision before the request and must still know the task.
      fields: { taskId, state: approve ? 'approved' : 'rejected', deciderUnitId: who.officeUnitId, reason: why, decidedOn: today },
    },
  ]);
}

export function reopenTask(store: Store, who: Identity, taskId: string, reason: string, today: string): void {
  const scope = taskScope(store, taskId);
  requirePermission(who, 'closeout.decide', scope);
  const last = latestCloseout(store, taskId);
  if (last?.state !== 'approved') throw new AppError('bad_input', '该任务尚未销号，无需重新打开。', 'not closed');
  store.log.append([{ entity: 'closeout', entityId: last.id, op: 'put', fields: { taskId, state: 'reopened', deciderUnitId: who.officeUnitId, reason, decidedOn: today } }]);
}

export function updateTask(store: Store, who: Identity, taskId: string, edit: TaskEdit, today: string): void {
  const fields = Object.fromEntries(Object.entries(edit).filter(([, v]) => v !== undefined)) as Record<string, Json>;
  if (Object.keys(fields).length === 0) throw new AppError('bad_input', '没有要保存的修改。', 'empty edit');
  const scope = taskScope(store, taskId);
  requirePermission(who, onlyAssignees(Object.keys(fields)) ? 'task.assign' : 'task.edit', scope);
  if (edit.dueDate) checkInPlanYear(store, edit.dueDate, '完成时限');
  for (const m of edit.milestones ?? []) checkInPlanYear(store, m.date, '节点日期');
  store.log.append([{ entity: 'task', entityId: taskId, op: 'put', fields: { ...fields, changedOn: today } }]);
}

/** What a new task (added or split off) is given by the person creating it. */
export interface NewTaskFields {
  title: string;
  content: string;
  leadUnits: string[];
  coUnits: string[];
  dueDate?: string;
  /** 工作内容 of a 任务分解表 row the task came from. */
  group?: string;
}

interface Placement {
  planId: string;
  battleId: string;
  sectionId: string;
  parentId: string;
  code: string;
  ord: number;
}

/** Validates a new task and appends its creation event; the caller has checked the role and placed it. */
function createTask(store: Store, input: NewTaskFields, at: Placement, today: string): string {
  const title = input.title.trim();
  if (title.length < 2) throw new AppError('bad_input', '请填写任务名称。', 'empty task title');
  if (input.leadUnits.length === 0) throw new AppError('bad_input', '请至少选择一个牵头单位。', 'task without lead');
  if (input.dueDate) checkInPlanYear(store, input.dueDate, '完成时限');
  const id = uuidv7();
  store.log.append([
    {
      entity: 'task',
      entityId: id,
      op: 'put',
      fields: {
        ...at,
        title,
        content: input.content.trim() || title,
        listType: 'work',
        leadUnitIds: input.leadUnits.map((u) => resolveUnitId(store, u)),
        coUnitIds: input.coUnits.map((u) => resolveUnitId(store, u)),
        dueDate: input.dueDate ?? '',
        ...(input.group ? { group: input.group.trim().slice(0, 200) } : {}),
        createdOn: today,
        changedOn: today,
      },
    },
  ]);
  return id;
}

/** Splits a task: the sub-task keeps the parent's battle and section and is numbered 1.2.3-1, -2 … */
export function addSubtask(store: Store, who: Identity, input: NewTaskFields & { parentId: string }, today: string): string {
  const scope = taskScope(store, input.parentId);
  requirePermission(who, 'task.edit', scope);
  const parent = store.sqlite.prepare('SELECT plan_id AS planId, battle_id AS battleId, section_id AS sectionId, ord FROM tasks WHERE id = ?').get(input.parentId) as {
    planId: string;
    battleId: string;
    sectionId: string;
    ord: number;
  };
  // Numbered after the splits it already has, voided ones included (a code is never given twice); not by counting
  // children, which would also count the 任务分解表 rows placed under it (2.表.1 under 2.1.1).
  const prefix = `${scope.code}-`;
  const children = store.sqlite.prepare('SELECT code FROM tasks WHERE parent_id = ?').pluck().all(input.parentId) as string[];
  const last = Math.max(0, ...children.map((c) => (c.startsWith(prefix) && /^\d+$/.test(c.slice(prefix.length)) ? Number(c.slice(prefix.length)) : 0)));
  // The parent's place: among tasks of one ord the code orders it, after the parent and its earlier parts.
  return createTask(store, input, { ...parent, parentId: input.parentId, code: `${prefix}${last + 1}` }, today);
}

/**
 * The ord a new task takes: that of the battle's task whose code comes just before its own (the section's last
 * item, or for an empty section the previous section's last), so it ties with it and its code puts it after.
 * Not that ord plus one: the plan's ords are consecutive, and the next section's first item already has it.
 */
function ordFor(store: Store, battleId: string, code: string): number {
  const rows = store.sqlite.prepare('SELECT code, ord FROM tasks WHERE battle_id = ?').raw().all(battleId) as [string, number][];
  let before: [string, number] | undefined;
  let first: number | undefined;
  for (const r of rows) {
    if (compareTaskCodes(r[0], code) < 0 && (!before || compareTaskCodes(r[0], before[0]) > 0)) before = r;
    if (first === undefined || r[1] < first) first = r[1];
  }
  return before ? before[1] : (first ?? 0);
}

/** Adds a task the plan did not list to one of its sections ("1.3"), numbered after the section's last item. */
export function addTask(store: Store, who: Identity, input: NewTaskFields & { section: string }, today: string): { id: string; code: string } {
  const plan = planInfo(store);
  const section = store.sqlite
    .prepare(
      `SELECT s.id, s.code, b.id AS battleId, b.code AS battle FROM sections s JOIN battles b ON b.id = s.battle_id
        WHERE s.code = ? AND b.plan_id = ? AND s.deleted = 0`,
    )
    .get(input.section.trim(), plan.id) as { id: string; code: string; battleId: string; battle: number } | undefined;
  if (!section) throw new AppError('bad_input', `没有编号为“${input.section}”的工作任务（如 1.3 表示第一仗第三方面）。`, `no section ${input.section}`);
  requirePermission(who, 'task.edit', { battle: section.battle, leadUnitIds: [], coUnitIds: [] });
  const items = store.sqlite.prepare("SELECT code FROM tasks WHERE section_id = ? AND parent_id = ''").pluck().all(section.id) as string[];
  const last = Math.max(0, ...items.map((c) => Number(c.slice(section.code.length + 1)) || 0));
  const code = `${section.code}.${last + 1}`;
  const placement = { planId: plan.id, battleId: section.battleId, sectionId: section.id, parentId: '', code, ord: ordFor(store, section.battleId, code) };
  return { id: createTask(store, input, placement, today), code };
}
