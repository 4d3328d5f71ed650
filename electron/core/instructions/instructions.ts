// 领导批示: a leader's instruction on a task, recorded by the office running its battle with the office it is
// assigned to and the date a reply is due; the assigned office replies. An instruction not replied to by its date
// is overdue: in that office's 待办, the taskforce's and centre's, and among the 督办 candidates.
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../shared/errors';
import type { Instruction } from '../../../shared/problems';
import type { Identity } from '../../../shared/workflow';
import { requirePermission } from '../ledger/permissions';
import { taskScope } from '../ledger/queries';
import { currentPlan } from '../plan/plans';
import type { Store } from '../store/store';
import { resolveUnitId, unitNames } from '../app/units';

export interface InstructionInput {
  taskId: string;
  leader: string;
  givenOn?: string;
  text: string;
  unit?: string;
  replyBy: string;
}

export function addInstruction(store: Store, who: Identity, input: InstructionInput, today: string): string {
  const scope = taskScope(store, input.taskId);
  requirePermission(who, 'problem.raise', scope);
  const { leader, text } = input;
  const givenOn = input.givenOn || today;
  if (givenOn > today) throw new AppError('bad_input', `批示日期应为不晚于台账日期的日期，收到“${givenOn}”。`, `bad givenOn ${givenOn}`);
  if (input.replyBy < givenOn) throw new AppError('bad_input', `回复时限应为批示日期之后的日期，收到“${input.replyBy}”。`, `bad replyBy ${input.replyBy}`);
  const unitId = input.unit ? resolveUnitId(store, input.unit) : scope.leadUnitIds[0];
  if (!unitId) throw new AppError('bad_input', '请选择批示交办的单位。', 'no unit');
  const id = uuidv7();
  store.log.append([{ entity: 'instruction', entityId: id, op: 'put', fields: { taskId: input.taskId, leader, givenOn, text, unitId, replyBy: input.replyBy } }]);
  return id;
}

export function replyInstruction(store: Store, who: Identity, id: string, reply: string, today: string): void {
  const row = store.sqlite.prepare('SELECT task_id AS taskId, unit_id AS unitId FROM instructions WHERE id = ? AND deleted = 0').get(id) as { taskId: string; unitId: string } | undefined;
  if (!row) throw new AppError('not_found', '找不到这条领导批示（可能已作废）。', `no instruction ${id}`);
  const scope = taskScope(store, row.taskId);
  const runs = who.role === 'center' || (who.role === 'taskforce' && who.battle === scope.battle);
  if (!runs && who.officeUnitId !== row.unitId) throw new AppError('forbidden', `${who.officeName}：只有批示交办的单位可以回复。`, 'reply by another office');
  const text = reply.trim();
  store.log.append([{ entity: 'instruction', entityId: id, op: 'put', fields: { reply: text, repliedOn: today } }]);
}

export function listInstructions(store: Store, asOf: string, taskId?: string): Instruction[] {
  const names = unitNames(store);
  const rows = store.sqlite
    .prepare(
      `SELECT i.id, i.task_id AS taskId, t.code AS taskCode, t.title AS taskTitle, b.code AS battle, i.leader, i.given_on AS givenOn, i.text,
              i.unit_id AS unitId, i.reply_by AS replyBy, i.reply, i.replied_on AS repliedOn
         FROM instructions i JOIN tasks t ON t.id = i.task_id JOIN battles b ON b.id = t.battle_id
        WHERE i.deleted = 0 AND t.deleted = 0 AND t.plan_id = ? ${taskId ? 'AND i.task_id = ?' : ''} ORDER BY i.given_on DESC, i.id DESC`,
    )
    .all(currentPlan(store).id, ...(taskId ? [taskId] : [])) as (Omit<Instruction, 'unit' | 'overdue'> & { unitId: string })[];
  return rows.map(({ unitId, ...r }) => ({ ...r, unit: names.get(unitId) ?? '', overdue: !r.reply && r.replyBy < asOf }));
}
