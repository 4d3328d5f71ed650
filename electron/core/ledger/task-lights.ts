// Status and light of every task without building whole task rows: what the dashboard and the counts need,
// read from the few columns they depend on. At 50,000 tasks this is the difference between a glance and a wait.
import type { TaskStatus } from '../../../shared/domain';
import type { Light, Milestone, Settings } from '../../../shared/workflow';
import type { Store } from '../store/open-store';
import { computeLight } from './lights';
import { loadTaskFacts } from './task-facts';
import { deriveStatus } from './task-status';

export interface TaskLight {
  id: string;
  battle: number;
  /** Position in the ledger within its battle, for lists that keep the document's order. */
  ord: number;
  leadUnitIds: string[];
  dueDate: string;
  status: TaskStatus;
  light: Light;
}

const NONE: Milestone[] = [];

export function taskLights(store: Store, settings: Settings, plan: { id: string; year: number }): TaskLight[] {
  // Rows as arrays, not objects: 50,000 of them.
  const rows = store.sqlite
    .prepare(
      // No ORDER BY: counts need none, and sorting 50,000 rows costs more than the rest of the query.
      `SELECT t.id, b.code AS battle, t.ord, t.lead_unit_ids AS lead, t.due_date AS dueDate, t.milestones
         FROM tasks t JOIN battles b ON b.id = t.battle_id WHERE t.deleted = 0 AND t.plan_id = ?`,
    )
    .raw()
    .all(plan.id) as [id: string, battle: number, ord: number, lead: string, dueDate: string, milestones: string][];
  const lead = new Map<string, string[]>();
  for (const r of rows) lead.set(r[0], r[3] === '[]' ? [] : (JSON.parse(r[3]) as string[]));
  const facts = loadTaskFacts(store, (id) => lead.get(id) ?? []);
  const out = new Array<TaskLight>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const [id, battle, ord, , dueDate, ms] = rows[i]!;
    const f = facts.get(id) ?? NO_FACTS;
    const milestones = ms === '[]' ? NONE : (JSON.parse(ms) as Milestone[]);
    const light = computeLight({ closed: f.closeout === 'approved', dueDate, milestones, percent: f.percent, planYear: plan.year }, settings);
    out[i] = { id, battle, ord, leadUnitIds: lead.get(id)!, dueDate, status: deriveStatus(f, light), light };
  }
  return out;
}

const NO_FACTS = { percent: null, closeout: null } as const;
