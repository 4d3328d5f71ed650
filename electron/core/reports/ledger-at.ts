// The ledger as it stood at the end of a day: tasks, progress lines and close-outs replayed from the event log,
// keeping only what had taken effect by then. A document of 3月中旬 therefore counts the 销号 approved by
// 3月20日 and not the one approved on 3月28日, whenever it is generated, and does not change when later records
// arrive. Each record carries the ledger date it took effect on (reportedOn, requestedOn / decidedOn,
// createdOn / changedOn); records without one (the plan's own tasks) are there from the start.
import type { CloseoutState, Light, Milestone, Settings } from '../../../shared/workflow';
import type { TaskStatus } from '../../../shared/domain';
import type { Json } from '../events/canonical';
import { computeLight } from '../ledger/lights';
import { effectiveState } from '../ledger/closeout-state';
import { periodKey } from '../ledger/task-facts';
import { deriveStatus } from '../ledger/task-status';
import { periodRange } from '../../../shared/report';
import type { Store } from '../store/store';

export interface ProgressAt {
  taskId: string;
  unitId: string;
  period: string;
  percent: number;
  text: string;
  reportedOn: string;
}

export interface TaskAt {
  id: string;
  code: string;
  battleId: string;
  sectionId: string;
  ord: number;
  parentId: string;
  title: string;
  leadUnitIds: string[];
  coUnitIds: string[];
  dueDate: string;
  milestones: Milestone[];
  createdOn: string;
  percent: number | null;
  closeout: CloseoutState | null;
  /** The approval date of the close-out in force, when the task is closed. */
  closedOn: string;
  status: TaskStatus;
  light: Light;
  /** The latest progress line (any unit), by period then reporting date. */
  latest: ProgressAt | null;
}

export interface LedgerAt {
  date: string;
  tasks: TaskAt[];
  progress: ProgressAt[];
}

type Fields = Record<string, Json>;

/** The ledger date a record's write took effect on; '' for writes that carry none (there from the start). */
function effectiveOn(entity: string, f: Fields): string {
  // A void (作废) takes effect on its own date: an earlier period's document still reads the record.
  if (typeof f.voidedOn === 'string' && f.voidedOn) return f.voidedOn;
  if (entity === 'progress') return typeof f.reportedOn === 'string' ? f.reportedOn : '';
  if (entity === 'closeout') {
    const d = f.state === undefined && f.withdrawnOn ? f.withdrawnOn : f.state === undefined && f.answeredOn ? f.answeredOn : f.state === 'pending' || f.state === undefined ? f.requestedOn : f.decidedOn;
    return typeof d === 'string' ? d : '';
  }
  const d = f.changedOn ?? f.createdOn;
  return typeof d === 'string' ? d : '';
}

/** Every row of the three entities as it stood at the end of `date`, folded last-writer-wins in log order. */
function replay(store: Store, date: string): Record<'task' | 'progress' | 'closeout', Map<string, Fields>> {
  const out = { task: new Map<string, Fields>(), progress: new Map<string, Fields>(), closeout: new Map<string, Fields>() };
  const rows = store.sqlite
    .prepare(
      `SELECT entity, entity_id AS id, op, json_extract(body, '$.fields') AS fields FROM events
        WHERE quarantined = 0 AND entity IN ('task', 'progress', 'closeout') ORDER BY hlc, replica`,
    )
    .raw()
    .all() as ['task' | 'progress' | 'closeout', string, string, string | null][];
  for (const [entity, id, op, text] of rows) {
    const fields: Fields = op === 'delete' ? { deleted: true } : (JSON.parse(text ?? '{}') as Fields);
    const on = effectiveOn(entity, fields);
    if (on && on > date) continue;
    const map = out[entity];
    const row = map.get(id);
    if (row) Object.assign(row, fields);
    else map.set(id, { ...fields });
  }
  return out;
}

const str = (v: Json | undefined) => (typeof v === 'string' ? v : '');
const list = (v: Json | undefined) => (Array.isArray(v) ? (v.filter((x) => typeof x === 'string') as string[]) : []);

/** The tasks of a plan at the end of `date`, with the status and light they had that day. */
export function ledgerAt(store: Store, planId: string, planYear: number, settings: Settings, date: string): LedgerAt {
  const state = replay(store, date);
  const progress: ProgressAt[] = [];
  for (const p of state.progress.values()) {
    const period = str(p.period);
    if (p.deleted === true || !period || periodRange(period).start > date) continue;
    progress.push({ taskId: str(p.taskId), unitId: str(p.unitId), period, percent: typeof p.percent === 'number' ? p.percent : 0, text: str(p.text), reportedOn: str(p.reportedOn) });
  }
  const linesOf = new Map<string, ProgressAt[]>();
  for (const p of progress) {
    const list = linesOf.get(p.taskId);
    if (list) list.push(p);
    else linesOf.set(p.taskId, [p]);
  }
  // The latest close-out of a task (ids are UUID v7: time-ordered).
  const closeoutOf = new Map<string, { id: string; state: CloseoutState; decidedOn: string }>();
  const approvedOf = new Map<string, { id: string; state: CloseoutState; decidedOn: string }>();
  for (const [id, c] of state.closeout) {
    if (c.deleted === true) continue;
    const taskId = str(c.taskId);
    const row = { id, state: effectiveState(str(c.state), str(c.withdrawnOn)), decidedOn: str(c.decidedOn) };
    const had = closeoutOf.get(taskId);
    if (!had || had.id < id) closeoutOf.set(taskId, row);
    if (row.state === 'approved' && (!approvedOf.has(taskId) || approvedOf.get(taskId)!.id < id)) approvedOf.set(taskId, row);
  }
  // An approval stands until reopened (closeout-state.ts); a request taken back (撤回) is as if not made.
  for (const [taskId, a] of approvedOf) closeoutOf.set(taskId, a);
  for (const [taskId, c] of closeoutOf) if (c.state === 'withdrawn') closeoutOf.delete(taskId);
  const at: Settings = { ...settings, asOf: date };
  const tasks: TaskAt[] = [];
  for (const [id, t] of state.task) {
    if (t.deleted === true || str(t.planId) !== planId) continue;
    const lead = list(t.leadUnitIds);
    const lines = linesOf.get(id) ?? [];
    // Each unit's latest line; the lead units' averaged, or every unit's when no lead unit has reported.
    const byUnit = new Map<string, ProgressAt>();
    for (const l of lines) {
      const had = byUnit.get(l.unitId);
      if (!had || periodKey(l.period) > periodKey(had.period)) byUnit.set(l.unitId, l);
    }
    const latestLines = [...byUnit.values()];
    const leads = latestLines.filter((l) => lead.includes(l.unitId));
    const counted = leads.length ? leads : latestLines;
    const percent = counted.length ? Math.round(counted.reduce((n, l) => n + l.percent, 0) / counted.length) : null;
    const co = closeoutOf.get(id) ?? null;
    const dueDate = str(t.dueDate);
    const milestones = (Array.isArray(t.milestones) ? t.milestones : []) as unknown as Milestone[];
    const light = computeLight({ closed: co?.state === 'approved', dueDate, milestones, percent, planYear, startedOn: str(t.createdOn) }, at);
    const latest = lines.reduce<ProgressAt | null>(
      (best, l) => (!best || periodKey(l.period) > periodKey(best.period) || (l.period === best.period && l.reportedOn > best.reportedOn) ? l : best),
      null,
    );
    tasks.push({
      id,
      code: str(t.code),
      battleId: str(t.battleId),
      sectionId: str(t.sectionId),
      ord: typeof t.ord === 'number' ? t.ord : 0,
      parentId: str(t.parentId),
      title: str(t.title),
      leadUnitIds: lead,
      coUnitIds: list(t.coUnitIds),
      dueDate,
      milestones,
      createdOn: str(t.createdOn),
      percent,
      closeout: co?.state ?? null,
      closedOn: co?.state === 'approved' ? co.decidedOn : '',
      status: deriveStatus({ percent, closeout: co?.state ?? null }, light),
      light,
      latest,
    });
  }
  return { date, tasks, progress };
}
