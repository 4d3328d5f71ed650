// Mistakes undone as events, never by deleting: a task, progress line, 销号 request, problem or meeting decision
// is voided (作废) with a reason and the ledger date — the row leaves every list and count (deleted = 1) and its
// history stays in the log, shown struck through in the audit trail. A unit takes back (撤回) its own pending
// request and answers (说明) a rejection; the taskforce reads the answer.
import { AppError } from '../../../shared/errors';
import { effectiveStateSql } from '../ledger/closeout-state';
import type { Action } from '../../../shared/permissions';
import { voidReasonSchema, type Identity } from '../../../shared/workflow';
import type { Json } from '../events/canonical';
import type { EntityName } from '../events/entities';
import type { Store } from '../store/store';
import { requirePermission } from '../ledger/permissions';
import { taskScope } from '../ledger/queries';

function reasonOf(raw: string): string {
  const r = voidReasonSchema.safeParse(raw);
  if (!r.success) throw new AppError('bad_input', `${r.error.issues[0]?.message ?? '理由不对'}。`, 'bad void reason');
  return r.data;
}

const voidFields = (reason: string, today: string): Record<string, Json> => ({ deleted: true, voidReason: reason, voidedOn: today });

/** Voids a task and the parts split from it (by the office that may add tasks to its battle). */
export function voidTask(store: Store, who: Identity, taskId: string, reason: string, today: string): { voided: number } {
  const why = reasonOf(reason);
  const scope = taskScope(store, taskId);
  requirePermission(who, 'task.edit', scope);
  const parts = store.sqlite.prepare('SELECT id FROM tasks WHERE parent_id = ? AND deleted = 0').pluck().all(taskId) as string[];
  store.log.append(
    [taskId, ...parts].map((id) => ({ entity: 'task' as const, entityId: id, op: 'put' as const, fields: { ...voidFields(why, today), changedOn: today } })),
  );
  return { voided: 1 + parts.length };
}

interface LineRow {
  taskId: string;
  unitId: string;
}

function liveRow<T>(store: Store, sql: string, id: string, what: string): T {
  const row = store.sqlite.prepare(sql).get(id) as T | undefined;
  if (!row) throw new AppError('not_found', `找不到这条${what}（可能已作废）。`, `no live ${what} ${id}`);
  return row;
}

/** Voids a progress line: its unit (a line is a unit's own) or the office running the task's battle. */
export function voidProgress(store: Store, who: Identity, lineId: string, reason: string, today: string): void {
  const why = reasonOf(reason);
  const line = liveRow<LineRow>(store, 'SELECT task_id AS taskId, unit_id AS unitId FROM progress WHERE id = ? AND deleted = 0', lineId, '进展');
  const scope = taskScope(store, line.taskId);
  requirePermission(who, 'progress.report', scope);
  if (who.role === 'unit' && line.unitId !== who.officeUnitId) throw new AppError('forbidden', `${who.officeName}：只能作废本单位报送的进展。`, 'unit voiding another unit line');
  store.log.append([{ entity: 'progress', entityId: lineId, op: 'put', fields: { taskId: line.taskId, ...voidFields(why, today) } }]);
}

interface CloseoutRow {
  id: string;
  unitId: string;
  state: string;
  answer: string;
}

function latest(store: Store, taskId: string): CloseoutRow | undefined {
  return store.sqlite
    .prepare(`SELECT id, unit_id AS unitId, ${effectiveStateSql('closeouts')} AS state, answer FROM closeouts WHERE task_id = ? AND deleted = 0 ORDER BY id DESC LIMIT 1`)
    .get(taskId) as CloseoutRow | undefined;
}

/** The requesting unit takes back its pending 销号 request (撤回). */
export function withdrawCloseout(store: Store, who: Identity, taskId: string, today: string): void {
  const scope = taskScope(store, taskId);
  requirePermission(who, 'closeout.request', scope);
  const last = latest(store, taskId);
  if (last?.state !== 'pending') throw new AppError('bad_input', '该任务没有待审批的销号申请，无需撤回。', 'no pending closeout to withdraw');
  if (who.role === 'unit' && last.unitId !== who.officeUnitId) throw new AppError('forbidden', `${who.officeName}：只能撤回本单位提出的销号申请。`, 'withdraw of another unit request');
  // The date alone, never the state: a withdrawal that crosses an approval leaves the approval standing everywhere.
  store.log.append([{ entity: 'closeout', entityId: last.id, op: 'put', fields: { taskId, withdrawnOn: today } }]);
}

/** The requesting unit answers a rejection (说明): the rejection leaves its 待办, the taskforce sees the answer. */
export function answerRejection(store: Store, who: Identity, taskId: string, answer: string, today: string): void {
  const text = answer.trim();
  const scope = taskScope(store, taskId);
  requirePermission(who, 'closeout.request', scope);
  const last = latest(store, taskId);
  if (last?.state !== 'rejected') throw new AppError('bad_input', '该任务的销号申请没有被退回，无需说明。', 'no rejection to answer');
  store.log.append([{ entity: 'closeout', entityId: last.id, op: 'put', fields: { taskId, answer: text, answeredOn: today } }]);
}

/** Voids a 销号 record entered by mistake (a request, with any decision on it): the office running the battle. */
export function voidCloseout(store: Store, who: Identity, closeoutId: string, reason: string, today: string): void {
  const why = reasonOf(reason);
  const row = liveRow<{ taskId: string }>(store, 'SELECT task_id AS taskId FROM closeouts WHERE id = ? AND deleted = 0', closeoutId, '销号记录');
  requirePermission(who, 'closeout.decide', taskScope(store, row.taskId));
  store.log.append([{ entity: 'closeout', entityId: closeoutId, op: 'put', fields: { taskId: row.taskId, ...voidFields(why, today) } }]);
}

const OTHER: Record<'problem' | 'decision' | 'instruction', { table: string; what: string; action: Action; scopeOf: (store: Store, id: string) => { battle: number; leadUnitIds: string[]; coUnitIds: string[] } }> = {
  problem: {
    table: 'problems',
    what: '问题',
    action: 'problem.raise',
    scopeOf: (store, id) => {
      const taskId = store.sqlite.prepare('SELECT task_id FROM problems WHERE id = ?').pluck().get(id) as string;
      return taskScope(store, taskId);
    },
  },
  instruction: {
    table: 'instructions',
    what: '领导批示',
    action: 'problem.raise',
    scopeOf: (store, id) => taskScope(store, store.sqlite.prepare('SELECT task_id FROM instructions WHERE id = ?').pluck().get(id) as string),
  },
  decision: { table: 'decisions', what: '会议决定事项', action: 'meeting.record', scopeOf: () => ({ battle: 0, leadUnitIds: [], coUnitIds: [] }) },
};

/** Voids a problem (by whoever may raise it) or a meeting decision (the centre). */
export function voidRecord(store: Store, who: Identity, entity: 'problem' | 'decision' | 'instruction', id: string, reason: string, today: string): void {
  const why = reasonOf(reason);
  const o = OTHER[entity];
  liveRow(store, `SELECT id FROM ${o.table} WHERE id = ? AND deleted = 0`, id, o.what);
  requirePermission(who, o.action, o.scopeOf(store, id));
  store.log.append([{ entity: entity as EntityName, entityId: id, op: 'put', fields: voidFields(why, today) }]);
}

