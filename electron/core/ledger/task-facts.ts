// What a task's status and light are derived from: its latest progress per unit and its latest close-out.
import type { CloseoutState } from '../../../shared/workflow';
import { effectiveStateSql } from './closeout-state';
import type Database from 'better-sqlite3';
import type { DerivedTable } from '../events/fold';
import type { Store } from '../store/store';

export interface TaskFacts {
  percent: number | null;
  closeout: CloseoutState | null;
}

/** A month's report ranks after all three 旬 of that month. */
export function periodKey(period: string): string {
  return period.length === 7 ? `${period}-9` : period;
}

/**
 * The rule, in SQL, for the tasks named in @ids (a JSON array of ids) or, with `all`, for every task: each unit's
 * latest line per task (max of periodKey spelled in SQL; the bare percent comes from that row, read in the order
 * of the progress_latest index); the lead units' lines averaged, or every unit's when no lead has reported
 * (co-units' lines count only alone); the state of the latest close-out (ids are UUID v7, time-ordered), approved while any is (closeout-state.ts).
 */
function factsSelect(all: boolean): string {
  const only = all ? '' : 'AND task_id IN (SELECT value FROM json_each(@ids))';
  return `WITH latest AS (
      SELECT task_id, unit_id, percent, max(CASE WHEN length(period) = 7 THEN period || '-9' ELSE period END)
        FROM progress WHERE deleted = 0 ${only} GROUP BY task_id, unit_id),
    lines AS (
      SELECT l.task_id, l.percent,
             EXISTS (SELECT 1 FROM tasks t, json_each(t.lead_unit_ids) j WHERE t.id = l.task_id AND j.value = l.unit_id) AS lead
        FROM latest l),
    pct AS (
      SELECT task_id, CAST(round(CASE WHEN max(lead) = 1 THEN avg(CASE WHEN lead = 1 THEN percent END) ELSE avg(percent) END) AS INTEGER) AS percent
        FROM lines GROUP BY task_id),
    last AS (SELECT task_id, ${effectiveStateSql('closeouts')} AS state, max(id) FROM closeouts WHERE deleted = 0 ${only} GROUP BY task_id),
    approved AS (SELECT DISTINCT task_id FROM closeouts WHERE deleted = 0 AND state = 'approved' ${only}),
    co AS (SELECT last.task_id, CASE WHEN approved.task_id IS NOT NULL THEN 'approved' ELSE last.state END AS state FROM last LEFT JOIN approved USING (task_id)),
    ids AS (SELECT task_id FROM pct UNION SELECT task_id FROM co)
  SELECT ids.task_id, pct.percent, co.state FROM ids LEFT JOIN pct USING (task_id) LEFT JOIN co USING (task_id)`;
}

/** Recomputes task_facts for the tasks named (JSON array of ids), or for all tasks when null. */
export function refreshTaskFacts(db: Database.Database, taskIds: string | null): void {
  if (taskIds === null) {
    db.prepare('DELETE FROM task_facts').run();
    db.prepare(`INSERT INTO task_facts (task_id, percent, closeout) ${factsSelect(true)}`).run();
    return;
  }
  db.prepare('DELETE FROM task_facts WHERE task_id IN (SELECT value FROM json_each(@ids))').run({ ids: taskIds });
  db.prepare(`INSERT INTO task_facts (task_id, percent, closeout) ${factsSelect(false)}`).run({ ids: taskIds });
}

/**
 * task_facts as the fold keeps it: a task's facts change with its progress lines and close-outs (both the task a
 * line left and the one it joined) and with its lead units (whose lines are averaged).
 */
export const taskFactsTable: DerivedTable = {
  table: 'task_facts',
  sources: [
    { entity: 'progress', key: 'taskId' },
    { entity: 'closeout', key: 'taskId' },
    { entity: 'task', key: 'id', fields: ['leadUnitIds'] },
  ],
  refresh: refreshTaskFacts,
};

/** Facts of every task with a progress line or a close-out, or only of the tasks named (a JSON array of ids). */
export function loadTaskFacts(store: Store, onlyIds?: string): Map<string, TaskFacts> {
  const rows = store.sqlite
    .prepare(`SELECT task_id, percent, closeout FROM task_facts ${onlyIds === undefined ? '' : 'WHERE task_id IN (SELECT value FROM json_each(?))'}`)
    .raw()
    .all(...(onlyIds === undefined ? [] : [onlyIds])) as [taskId: string, percent: number | null, closeout: CloseoutState | null][];
  return new Map(rows.map(([taskId, percent, closeout]) => [taskId, { percent, closeout }]));
}
