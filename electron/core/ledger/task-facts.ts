// What a task's status and light are derived from: its latest progress per unit and its latest close-out.
import type { CloseoutState } from '../../../shared/workflow';
import type { Store } from '../store/open-store';

export interface TaskFacts {
  percent: number | null;
  closeout: CloseoutState | null;
}

/** A month's report ranks after all three 旬 of that month. */
export function periodKey(period: string): string {
  return period.length === 7 ? `${period}-9` : period;
}

/**
 * Facts of every task with a progress line or a close-out, or only of the tasks named (a JSON array of ids).
 * SQLite picks each unit's latest line per task (max of periodKey, spelled in SQL; the bare percent comes from that row),
 * reading the progress_latest index in order, so JavaScript sees one row per task and unit, tasks together.
 */
export function loadTaskFacts(store: Store, leadUnitsOf: (taskId: string) => readonly string[], onlyIds?: string): Map<string, TaskFacts> {
  const only = onlyIds === undefined ? '' : 'AND task_id IN (SELECT value FROM json_each(?))';
  const args = onlyIds === undefined ? [] : [onlyIds];
  const rows = store.sqlite
    .prepare(
      `SELECT task_id, unit_id, percent, max(CASE WHEN length(period) = 7 THEN period || '-9' ELSE period END)
         FROM progress WHERE deleted = 0 ${only} GROUP BY task_id, unit_id`,
    )
    .raw()
    .all(...args) as [taskId: string, unitId: string, percent: number, key: string][];
  const facts = new Map<string, TaskFacts>();
  for (let i = 0; i < rows.length; ) {
    const taskId = rows[i]![0];
    let end = i + 1;
    while (end < rows.length && rows[end]![0] === taskId) end++;
    facts.set(taskId, { percent: end - i === 1 ? rows[i]![2] : pooledPercent(rows, i, end, leadUnitsOf(taskId)), closeout: null });
    i = end;
  }
  const closeouts = store.sqlite.prepare(`SELECT task_id AS taskId, state FROM closeouts WHERE deleted = 0 ${only} ORDER BY id`).all(...args) as {
    taskId: string;
    state: CloseoutState;
  }[];
  for (const c of closeouts) {
    const f = facts.get(c.taskId) ?? { percent: null, closeout: null };
    f.closeout = c.state; // ordered by id (UUID v7, time-ordered): the last one wins
    facts.set(c.taskId, f);
  }
  return facts;
}

/** The task's progress is its lead units' (averaged when several lead); co-units' lines count only alone. */
function pooledPercent(rows: readonly [string, string, number, string][], from: number, to: number, leads: readonly string[]): number {
  const percentOf = new Map<string, number>();
  for (let k = from; k < to; k++) percentOf.set(rows[k]![1], rows[k]![2]);
  const ofLeads = leads.filter((u) => percentOf.has(u)).map((u) => percentOf.get(u)!);
  const pool = ofLeads.length ? ofLeads : [...percentOf.values()];
  return Math.round(pool.reduce((s, x) => s + x, 0) / pool.length);
}
