// Status and light of every task without building whole task rows: what the dashboard and the counts need,
// read from the few columns they depend on. At 50,000 tasks this is the difference between a glance and a wait.
import type { TaskStatus } from '../../../shared/domain';
import type { Light, Milestone, Settings } from '../../../shared/workflow';
import type { Store } from '../store/open-store';
import { computeLight } from './lights';
import { loadTaskFacts, type TaskFacts } from './task-facts';
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
  // Rows as arrays, not objects: 50,000 of them. Most tasks have no milestones: NULL costs less than '[]'.
  const rows = store.sqlite
    .prepare(
      // No ORDER BY: counts need none, and sorting 50,000 rows costs more than the rest of the query.
      `SELECT t.id, b.code AS battle, t.ord, t.lead_unit_ids AS lead, t.due_date AS dueDate, nullif(t.milestones, '[]')
         FROM tasks t JOIN battles b ON b.id = t.battle_id WHERE t.deleted = 0 AND t.plan_id = ?`,
    )
    .raw()
    .all(plan.id) as [id: string, battle: number, ord: number, lead: string, dueDate: string, milestones: string | null][];
  // A few hundred distinct lead-unit lists among 50,000 tasks: each parsed once and shared.
  const leadLists = new Map<string, string[]>();
  const leadOf = (json: string) => {
    let list = leadLists.get(json);
    if (!list) leadLists.set(json, (list = JSON.parse(json) as string[]));
    return list;
  };
  // Looked up by id only for the tasks with progress lines.
  let rowOf: Map<string, number> | undefined;
  const facts = loadTaskFacts(store, (id) => {
    rowOf ??= new Map(rows.map((r, i) => [r[0], i]));
    const i = rowOf.get(id);
    return i === undefined ? [] : leadOf(rows[i]![3]);
  });
  const lightOf = (f: TaskFacts, dueDate: string, milestones: readonly Milestone[]) =>
    computeLight({ closed: f.closeout === 'approved', dueDate, milestones, percent: f.percent, planYear: plan.year }, settings);
  // Without milestones a task's light depends only on its due date, percent and close-out: a few thousand
  // combinations among 50,000 tasks, each computed once.
  const plainLights = new Map<string, Light>();
  const out = new Array<TaskLight>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const [id, battle, ord, lead, dueDate, ms] = rows[i]!;
    const f = facts.get(id) ?? NO_FACTS;
    let light: Light | undefined;
    if (ms === null) {
      const key = f === NO_FACTS ? dueDate : `${dueDate}|${f.percent}|${f.closeout}`;
      light = plainLights.get(key);
      if (!light) plainLights.set(key, (light = lightOf(f, dueDate, NONE)));
    } else light = lightOf(f, dueDate, JSON.parse(ms) as Milestone[]);
    out[i] = { id, battle, ord, leadUnitIds: leadOf(lead), dueDate, status: deriveStatus(f, light), light };
  }
  return out;
}

const NO_FACTS: TaskFacts = { percent: null, closeout: null };
