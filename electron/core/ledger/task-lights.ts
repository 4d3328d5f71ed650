// Status and light of every real task (a sub-task is part of its task, as in the documents) without building
// whole task rows: what the dashboard and the counts need, read from the few columns they depend on.
// At 50,000 tasks this is the difference between a glance and a wait.
import type { TaskStatus } from '../../../shared/domain';
import type { CloseoutState, Light, Milestone, Settings } from '../../../shared/workflow';
import type { Store } from '../store/store';
import { lightMemo, listMemo } from './light-memo';

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
  /** For a task with sub-tasks: each unit on it (its leads, its parts' leads) with the light of its own part. */
  parts?: [unitId: string, light: Light][];
}

const RANK: Record<Light, number> = { done: -1, green: 0, blue: 1, yellow: 2, red: 3 };

/**
 * A task is as late as its latest open part (a sub-task: a 任务分解表 row breaking it down), as in the documents;
 * each unit answers for its own part. Sub-tasks are few: read apart, by the index's parent_id range.
 */
function rollUpParts(store: Store, plan: { id: string }, tasks: TaskLight[], lightOf: ReturnType<typeof lightMemo>, leadOf: (json: string) => string[]): void {
  const rows = store.sqlite
    .prepare(
      `SELECT t.parent_id, t.lead_unit_ids, t.due_date, t.milestones, f.percent, f.closeout, t.created_on
         FROM tasks t LEFT JOIN task_facts f ON f.task_id = t.id
        WHERE t.deleted = 0 AND t.plan_id = ? AND t.parent_id > ''`,
    )
    .raw()
    .all(plan.id) as [parent: string, lead: string, dueDate: string, milestones: string, percent: number | null, closeout: CloseoutState | null, createdOn: string][];
  if (!rows.length) return;
  const byId = new Map(tasks.map((t) => [t.id, t]));
  for (const [parentId, lead, dueDate, ms, percent, closeout, createdOn] of rows) {
    const parent = byId.get(parentId);
    if (!parent) continue;
    const [light] = lightOf(dueDate, percent, closeout, ms === '[]' ? null : (JSON.parse(ms) as Milestone[]), createdOn);
    const parts = (parent.parts ??= parent.leadUnitIds.map((u) => [u, parent.light] as [string, Light]));
    if (parent.status === 'closed') continue;
    for (const u of leadOf(lead)) {
      const had = parts.find((p) => p[0] === u);
      if (!had) parts.push([u, light]);
      else if (RANK[light] > RANK[had[1]]) had[1] = light;
    }
    if (RANK[light] > RANK[parent.light]) {
      parent.light = light;
      if ((light === 'red' || light === 'yellow') && parent.status === 'in_progress') parent.status = 'lagging';
    }
  }
}

export function taskLights(store: Store, settings: Settings, plan: { id: string; year: number }): TaskLight[] {
  // 50,000 rows come back as one JSON text of arrays: one native parse instead of a call into V8 for every cell
  // (~25 % of the query). Each task's facts come from its task_facts row (one lookup by key), not from the progress
  // lines. Most tasks have no milestones: NULL costs less than '[]'.
  const text = store.sqlite
    .prepare(
      // No ORDER BY: counts need none, and sorting 50,000 rows costs more than the rest of the query.
      `SELECT json_group_array(json_array(t.id, b.code, t.ord, t.lead_unit_ids, t.due_date, nullif(t.milestones, '[]'), f.percent, f.closeout, nullif(t.created_on, '')))
         FROM tasks t JOIN battles b ON b.id = t.battle_id LEFT JOIN task_facts f ON f.task_id = t.id
        WHERE t.deleted = 0 AND t.plan_id = ? AND t.parent_id = ''`,
    )
    .pluck()
    .get(plan.id) as string;
  const rows = JSON.parse(text) as [id: string, battle: number, ord: number, lead: string, dueDate: string, milestones: string | null, percent: number | null, closeout: CloseoutState | null, createdOn: string | null][];
  const leadOf = listMemo();
  const lightOf = lightMemo(settings, plan.year);
  const out = new Array<TaskLight>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    // Indexed reads, not destructuring: this loop runs once per request, mostly before it is optimised, and
    // unoptimised array destructuring walks an iterator per row.
    const r = rows[i]!;
    const ms = r[5];
    const known = lightOf(r[4], r[6], r[7], ms === null ? null : (JSON.parse(ms) as Milestone[]), r[8] ?? '');
    out[i] = { id: r[0], battle: r[1], ord: r[2], leadUnitIds: leadOf(r[3]), dueDate: r[4], status: known[1], light: known[0] };
  }
  rollUpParts(store, plan, out, lightOf, leadOf);
  return out;
}

