// Status and light of every task without building whole task rows: what the dashboard and the counts need,
// read from the few columns they depend on. At 50,000 tasks this is the difference between a glance and a wait.
import type { TaskStatus } from '../../../shared/domain';
import { closeoutStates, type CloseoutState, type Light, type Milestone, type Settings } from '../../../shared/workflow';
import type { Store } from '../store/open-store';
import { computeLight } from './lights';
import type { TaskFacts } from './task-facts';
import { deriveStatus } from './task-status';

export interface TaskLight {
  id: string;
  battle: number;
  /** Position in the ledger within its battle, for lists that keep the document's order. */
  ord: number;
  /** Shared between tasks with the same list: read, never change. */
  leadUnitIds: readonly string[];
  dueDate: string;
  status: TaskStatus;
  light: Light;
}

const NONE: Milestone[] = [];

export function taskLights(store: Store, settings: Settings, plan: { id: string; year: number }): TaskLight[] {
  // 50,000 rows come back as one JSON text of arrays: one native parse instead of a call into V8 for every cell
  // (~25 % of the query). Each task's facts come from its task_facts row (one lookup by key), not from the progress
  // lines. Most tasks have no milestones: NULL costs less than '[]'.
  const text = store.sqlite
    .prepare(
      // No ORDER BY: counts need none, and sorting 50,000 rows costs more than the rest of the query.
      `SELECT json_group_array(json_array(t.id, b.code, t.ord, t.lead_unit_ids, t.due_date, nullif(t.milestones, '[]'), f.percent, f.closeout))
         FROM tasks t JOIN battles b ON b.id = t.battle_id LEFT JOIN task_facts f ON f.task_id = t.id
        WHERE t.deleted = 0 AND t.plan_id = ?`,
    )
    .pluck()
    .get(plan.id) as string;
  const rows = JSON.parse(text) as [id: string, battle: number, ord: number, lead: string, dueDate: string, milestones: string | null, percent: number | null, closeout: CloseoutState | null][];
  // A few hundred distinct lead-unit lists among 50,000 tasks: each parsed once and shared.
  const leadLists = new Map<string, string[]>();
  const leadOf = (json: string) => {
    let list = leadLists.get(json);
    if (!list) leadLists.set(json, (list = JSON.parse(json) as string[]));
    return list;
  };
  const lightOf = (f: TaskFacts, dueDate: string, milestones: readonly Milestone[]) =>
    computeLight({ closed: f.closeout === 'approved', dueDate, milestones, percent: f.percent, planYear: plan.year }, settings);
  // Without milestones a task's light and status depend only on its due date, percent and close-out: a few
  // thousand combinations among 50,000 tasks, each computed once (per due date, by percent and close-out).
  const plain = new Map<string, ([Light, TaskStatus] | undefined)[]>();
  const out = new Array<TaskLight>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    // Indexed reads, not destructuring: this loop runs once per request, mostly before it is optimised, and
    // unoptimised array destructuring walks an iterator per row.
    const r = rows[i]!;
    const dueDate = r[4];
    const ms = r[5];
    const percent = r[6];
    const closeout = r[7];
    let light: Light;
    let status: TaskStatus;
    if (ms === null) {
      let byFacts = plain.get(dueDate);
      if (!byFacts) plain.set(dueDate, (byFacts = []));
      const k = (percent === null ? 0 : percent + 1) * CLOSEOUT_CODES + closeoutCode(closeout);
      let known = byFacts[k];
      if (!known) {
        const f: TaskFacts = { percent, closeout };
        const l = lightOf(f, dueDate, NONE);
        byFacts[k] = known = [l, deriveStatus(f, l)];
      }
      light = known[0];
      status = known[1];
    } else {
      const f: TaskFacts = { percent, closeout };
      light = lightOf(f, dueDate, JSON.parse(ms) as Milestone[]);
      status = deriveStatus(f, light);
    }
    out[i] = { id: r[0], battle: r[1], ord: r[2], leadUnitIds: leadOf(r[3]), dueDate, status, light };
  }
  return out;
}

const CLOSEOUT_CODES = closeoutStates.length + 1;
const closeoutCode = (c: CloseoutState | null) => (c === null ? 0 : closeoutStates.indexOf(c) + 1);
