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

export function loadTaskFacts(store: Store, leadUnitsOf: (taskId: string) => readonly string[]): Map<string, TaskFacts> {
  const latest = new Map<string, Map<string, { key: string; percent: number }>>();
  const rows = store.sqlite.prepare('SELECT task_id AS taskId, unit_id AS unitId, period, percent FROM progress WHERE deleted = 0').all() as {
    taskId: string;
    unitId: string;
    period: string;
    percent: number;
  }[];
  for (const r of rows) {
    const byUnit = latest.get(r.taskId) ?? new Map<string, { key: string; percent: number }>();
    const key = periodKey(r.period);
    const had = byUnit.get(r.unitId);
    if (!had || had.key < key) byUnit.set(r.unitId, { key, percent: r.percent });
    latest.set(r.taskId, byUnit);
  }
  const facts = new Map<string, TaskFacts>();
  for (const [taskId, byUnit] of latest) {
    // The task's progress is its lead units' (averaged when several lead); co-units' lines count only alone.
    const leads = leadUnitsOf(taskId).map((u) => byUnit.get(u)).filter((x): x is { key: string; percent: number } => !!x);
    const pool = leads.length ? leads : [...byUnit.values()];
    facts.set(taskId, { percent: Math.round(pool.reduce((s, x) => s + x.percent, 0) / pool.length), closeout: null });
  }
  const closeouts = store.sqlite.prepare('SELECT task_id AS taskId, state FROM closeouts WHERE deleted = 0 ORDER BY id').all() as {
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
