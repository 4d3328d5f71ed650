// A task's progress: each unit's latest line (a month's report after its three 旬), the lead units' averaged,
// co-units' only when no lead has reported; its close-out state is approved while any close-out is approved, else its
// latest close-out's (withdrawn when a pending one was taken back). The store keeps these
// per task in task_facts, computed in SQL; this checks them against the rule written plainly on random lines, for
// all tasks and for some, and that the fold keeps them as lines are reported and lead units change.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadTaskFacts, periodKey, refreshTaskFacts } from '../../../electron/core/ledger/task-facts';
import { openStore } from '../../../electron/core/store/open-store';
import { tempDir } from '../../helpers/temp-store';

const TASKS = ['t1', 't2', 't3'];
const UNITS = ['u1', 'u2', 'u3'];
const PERIODS = ['2023-03-1', '2023-03-2', '2023-03-3', '2023-03', '2023-04-1', '2023-04'];

const line = fc.record({
  task: fc.constantFrom(...TASKS),
  unit: fc.constantFrom(...UNITS),
  period: fc.constantFrom(...PERIODS),
  percent: fc.integer({ min: 0, max: 100 }),
  deleted: fc.boolean(),
});
const leadsOf = fc.record({ t1: fc.subarray(UNITS), t2: fc.subarray(UNITS), t3: fc.subarray(UNITS) });

type Line = { task: string; unit: string; period: string; percent: number; deleted: boolean };

function plainly(lines: readonly Line[], leads: Record<string, string[]>): Map<string, number> {
  const latest = new Map<string, Map<string, Line>>();
  for (const l of lines) {
    if (l.deleted) continue;
    const byUnit = latest.get(l.task) ?? new Map<string, Line>();
    const had = byUnit.get(l.unit);
    if (!had || periodKey(had.period) < periodKey(l.period)) byUnit.set(l.unit, l);
    latest.set(l.task, byUnit);
  }
  const out = new Map<string, number>();
  for (const [task, byUnit] of latest) {
    const ofLeads = leads[task]!.filter((u) => byUnit.has(u)).map((u) => byUnit.get(u)!.percent);
    const pool = ofLeads.length ? ofLeads : [...byUnit.values()].map((l) => l.percent);
    out.set(task, Math.round(pool.reduce((s, x) => s + x, 0) / pool.length));
  }
  return out;
}

describe('task facts', () => {
  it('equal the rule written plainly, for all tasks and for the tasks named', () => {
    const store = openStore(join(tempDir(), 'l.db'));
    try {
      const db = store.sqlite;
      const insert = db.prepare('INSERT INTO progress (id, task_id, unit_id, period, percent, deleted) VALUES (?, ?, ?, ?, ?, ?)');
      const task = db.prepare("INSERT OR REPLACE INTO tasks (id, plan_id, battle_id, lead_unit_ids) VALUES (?, 'p', 'b', ?)");
      const closeout = db.prepare('INSERT INTO closeouts (id, task_id, state, withdrawn_on, deleted) VALUES (?, ?, ?, ?, ?)');
      fc.assert(
        fc.property(
          fc.array(line, { maxLength: 30 }),
          leadsOf,
          fc.array(fc.record({ task: fc.constantFrom(...TASKS), state: fc.constantFrom('pending', 'approved', 'rejected'), withdrawn: fc.boolean(), deleted: fc.boolean() }), { maxLength: 5 }),
          (raw, leads, closeouts) => {
            // One line per task, unit and period, as the store keeps them (re-reporting a period replaces it).
            const lines = [...new Map(raw.map((l) => [`${l.task}|${l.unit}|${l.period}`, l])).values()];
            db.prepare("DELETE FROM progress WHERE task_id LIKE 't_'").run();
            db.prepare("DELETE FROM closeouts WHERE task_id LIKE 't_'").run();
            for (const t of TASKS) task.run(t, JSON.stringify(leads[t as keyof typeof leads]));
            lines.forEach((l, i) => insert.run(`p${i}`, l.task, l.unit, l.period, l.percent, l.deleted ? 1 : 0));
            closeouts.forEach((c, i) => closeout.run(`c${i}`, c.task, c.state, c.withdrawn ? '2023-07-01' : '', c.deleted ? 1 : 0));
            const percent = plainly(lines, leads);
            const live = closeouts.filter((c) => !c.deleted);
            const state = new Map(live.map((c) => [c.task, c.state === 'pending' && c.withdrawn ? 'withdrawn' : c.state]));
            for (const c of live) if (c.state === 'approved') state.set(c.task, 'approved');
            const expected = new Map(TASKS.filter((t) => percent.has(t) || state.has(t)).map((t) => [t, { percent: percent.get(t) ?? null, closeout: state.get(t) ?? null }]));

            refreshTaskFacts(db, null);
            const all = loadTaskFacts(store);
            expect(new Map([...all].filter(([t]) => TASKS.includes(t)))).toEqual(expected);

            db.prepare('DELETE FROM task_facts').run();
            refreshTaskFacts(db, JSON.stringify(['t2']));
            expect([...loadTaskFacts(store).keys()]).toEqual(expected.has('t2') ? ['t2'] : []);
            expect(loadTaskFacts(store, JSON.stringify(['t2'])).get('t2')).toEqual(expected.get('t2'));
          },
        ),
        { numRuns: 300 },
      );
    } finally {
      store.close();
    }
  });

  it('are kept by the fold as lines are reported, corrected and deleted, and when lead units change', () => {
    const store = openStore(join(tempDir(), 'l.db'));
    try {
      const t = store.sqlite.prepare("SELECT id, lead_unit_ids AS lead, co_unit_ids AS co FROM tasks WHERE co_unit_ids <> '[]' LIMIT 1").get() as { id: string; lead: string; co: string };
      const [lead] = JSON.parse(t.lead) as string[];
      const [co] = JSON.parse(t.co) as string[];
      const facts = () => loadTaskFacts(store).get(t.id) ?? null;
      const report = (id: string, unitId: string, period: string, percent: number) =>
        store.log.append([{ entity: 'progress', entityId: id, op: 'put', fields: { taskId: t.id, unitId, period, percent, text: '进展' } }]);
      expect(facts()).toBeNull();
      report('a', co!, '2023-03', 30);
      expect(facts()).toEqual({ percent: 30, closeout: null });
      report('b', lead!, '2023-03-2', 60);
      expect(facts()).toEqual({ percent: 60, closeout: null }); // the lead's line counts, the co-unit's alone only
      report('b', lead!, '2023-03-2', 70);
      expect(facts()?.percent).toBe(70);
      // The co-unit made lead: both are lead units now, their lines averaged.
      store.log.append([{ entity: 'task', entityId: t.id, op: 'put', fields: { leadUnitIds: [lead!, co!] } }]);
      expect(facts()?.percent).toBe(50);
      store.log.append([{ entity: 'progress', entityId: 'b', op: 'delete', fields: {} }]);
      expect(facts()?.percent).toBe(30);
      store.log.append([{ entity: 'closeout', entityId: 'c', op: 'put', fields: { taskId: t.id, state: 'pending' } }]);
      expect(facts()).toEqual({ percent: 30, closeout: 'pending' });
    } finally {
      store.close();
    }
  });

  it('are filled when a store from before them is opened', () => {
    const path = join(tempDir(), 'l.db');
    let store = openStore(path);
    const taskId = (store.sqlite.prepare('SELECT id FROM tasks LIMIT 1').get() as { id: string }).id;
    const unitId = (store.sqlite.prepare("SELECT id FROM units WHERE kind = 'unit' LIMIT 1").get() as { id: string }).id;
    store.log.append([{ entity: 'progress', entityId: 'x', op: 'put', fields: { taskId, unitId, period: '2023-03', percent: 40, text: '进展' } }]);
    // As a store (or a restored backup) made before task_facts existed: the table empty, the mark absent.
    store.sqlite.exec("DELETE FROM task_facts; DELETE FROM meta WHERE key = 'task_facts_filled'");
    store.close();
    store = openStore(path);
    try {
      expect(loadTaskFacts(store).get(taskId)).toEqual({ percent: 40, closeout: null });
    } finally {
      store.close();
    }
  });
});
