// A task's progress: each unit's latest line (a month's report after its three 旬), the lead units' averaged,
// co-units' only when no lead has reported. The store computes "latest per unit" in SQL; this checks it against
// the rule written plainly, on random lines, and that asking for some tasks gives those tasks' facts alone.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadTaskFacts, periodKey } from '../../../electron/core/ledger/task-facts';
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
  it('equal the rule written plainly, for all tasks and for the tasks asked for', () => {
    const store = openStore(join(tempDir(), 'l.db'));
    try {
      const insert = store.sqlite.prepare('INSERT INTO progress (id, task_id, unit_id, period, percent, deleted) VALUES (?, ?, ?, ?, ?, ?)');
      fc.assert(
        fc.property(fc.array(line, { maxLength: 30 }), leadsOf, (raw, leads) => {
          // One line per task, unit and period, as the store keeps them (re-reporting a period replaces it).
          const lines = [...new Map(raw.map((l) => [`${l.task}|${l.unit}|${l.period}`, l])).values()];
          store.sqlite.prepare('DELETE FROM progress').run();
          lines.forEach((l, i) => insert.run(`p${i}`, l.task, l.unit, l.period, l.percent, l.deleted ? 1 : 0));
          const expected = plainly(lines, leads);
          const all = loadTaskFacts(store, (t) => leads[t as keyof typeof leads] ?? []);
          expect(new Map([...all].map(([t, f]) => [t, f.percent]))).toEqual(expected);
          const some = loadTaskFacts(store, (t) => leads[t as keyof typeof leads] ?? [], JSON.stringify(['t2']));
          expect([...some.keys()]).toEqual(expected.has('t2') ? ['t2'] : []);
          expect(some.get('t2')?.percent).toBe(expected.get('t2'));
        }),
        { numRuns: 300 },
      );
    } finally {
      store.close();
    }
  });
});
