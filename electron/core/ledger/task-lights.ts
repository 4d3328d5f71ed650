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
  const rows = store.sqlite
    .prepare(
      // No ORDER BY: counts need none, and sorting 50,000 rows costs more than the rest of the query.
      `SELECT t.id, b.code AS battle, t.ord, t.lead_unit_ids AS lead, t.due_date AS dueDate, t.milestones
         FROM tasks t JOIN battles b ON b.id = t.battle_id WHERE t.deleted = 0 AND t.plan_id = ?`,
    )
    .all(plan.id) as { id: string; battle: number; ord: number; lead: string; dueDate: string; milestones: string }[];
  const lead = new Map(rows.map((r) => [r.id, JSON.parse(r.lead) as string[]]));
  const facts = loadTaskFacts(store, (id) => lead.get(id) ?? []);
  return rows.map((r) => {
    const f = facts.get(r.id) ?? { percent: null, closeout: null };
    const milestones = r.milestones === '[]' ? NONE : (JSON.parse(r.milestones) as Milestone[]);
    const light = computeLight({ closed: f.closeout === 'approved', dueDate: r.dueDate, milestones, percent: f.percent, planYear: plan.year }, settings);
    return { id: r.id, battle: r.battle, ord: r.ord, leadUnitIds: lead.get(r.id)!, dueDate: r.dueDate, status: deriveStatus(f, light), light };
  });
}
