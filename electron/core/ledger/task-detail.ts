// Everything the task drawer shows: progress lines per unit, close-out history, audit trail.
import type { Closeout, ProgressLine } from '../../../shared/workflow';
import { effectiveStateSql } from './closeout-state';
import { currentPlan } from '../plan/plans';
import type { Store } from '../store/store';
import { unitNames } from '../app/units';
import { taskAudit } from './audit';
import { periodKey } from './task-facts';

export function progressLines(store: Store, taskId: string): ProgressLine[] {
  const units = unitNames(store);
  const rows = store.sqlite
    .prepare('SELECT id, unit_id AS unitId, period, percent, text, reported_on AS reportedOn, evidence FROM progress WHERE task_id = ? AND deleted = 0')
    .all(taskId) as (Omit<ProgressLine, 'unit' | 'evidence'> & { unitId: string; evidence: string })[];
  return rows
    .map(({ unitId, evidence, ...r }) => ({ ...r, evidence: JSON.parse(evidence) as ProgressLine['evidence'], unit: units.get(unitId) ?? unitId }))
    .sort((a, b) => periodKey(b.period).localeCompare(periodKey(a.period)) || a.unit.localeCompare(b.unit, 'zh-CN'));
}

interface CloseoutRow {
  id: string;
  taskId: string;
  taskCode: string;
  taskTitle: string;
  battle: number;
  unitId: string;
  statement: string;
  requestedOn: string;
  state: Closeout['state'];
  deciderUnitId: string;
  reason: string;
  decidedOn: string;
  answer: string;
  answeredOn: string;
  withdrawnOn: string;
}

const CLOSEOUT_SELECT = `SELECT c.id, c.task_id AS taskId, t.code AS taskCode, t.title AS taskTitle, b.code AS battle, c.unit_id AS unitId,
        c.statement, c.requested_on AS requestedOn, ${effectiveStateSql('c')} AS state, c.decider_unit_id AS deciderUnitId, c.reason, c.decided_on AS decidedOn,
        c.answer, c.answered_on AS answeredOn, c.withdrawn_on AS withdrawnOn
   FROM closeouts c JOIN tasks t ON t.id = c.task_id JOIN battles b ON b.id = t.battle_id
  WHERE c.deleted = 0 AND t.deleted = 0`;

function toCloseout(r: CloseoutRow, units: Map<string, string>): Closeout {
  const { unitId, deciderUnitId, ...rest } = r;
  return { ...rest, unit: units.get(unitId) ?? '', decider: units.get(deciderUnitId) ?? '' };
}

export function closeoutHistory(store: Store, taskId: string): Closeout[] {
  const units = unitNames(store);
  return (store.sqlite.prepare(`${CLOSEOUT_SELECT} AND c.task_id = ? ORDER BY c.id DESC`).all(taskId) as CloseoutRow[]).map((r) => toCloseout(r, units));
}

/** Pending 销号 requests of the current plan a taskforce (its battle) or the center (all battles) has to decide, oldest first. */
export function closeoutQueue(store: Store, battle: number | undefined): Closeout[] {
  const units = unitNames(store);
  const rows = store.sqlite
    // A request taken back, or one on a task already approved (it stands until reopened), waits for nobody.
    .prepare(`${CLOSEOUT_SELECT} AND c.state = 'pending' AND c.withdrawn_on = '' AND NOT EXISTS (SELECT 1 FROM closeouts a WHERE a.task_id = c.task_id AND a.deleted = 0 AND a.state = 'approved') AND t.plan_id = ? ${battle ? 'AND b.code = ?' : ''} ORDER BY c.id`)
    .all(currentPlan(store).id, ...(battle ? [battle] : [])) as CloseoutRow[];
  return rows.map((r) => toCloseout(r, units));
}

export function taskDetail(store: Store, taskId: string) {
  return { progress: progressLines(store, taskId), closeouts: closeoutHistory(store, taskId), audit: taskAudit(store, taskId) };
}
