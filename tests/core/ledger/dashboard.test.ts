// The overview counts lights from a few columns (task-lights.ts); the ledger builds whole rows (queries.ts).
// Both count each real task once.
// On a played March with milestones, progress, 销号 and missed deadlines, both must tell the same story.
import { describe, expect, it } from 'vitest';
import { playedMarch } from '../../helpers/march';

describe('the overview', () => {
  it('counts by battle, light, status and lead unit exactly as the ledger rows do', async () => {
    const { call } = await playedMarch();
    const { tasks: before } = await call('tasks.list', {});
    // Milestones too: one missed (red), one ahead.
    await call('task.update', { id: before[3]!.id, edit: { milestones: [{ date: '2023-03-10', percent: 30, text: '完成方案' }] } });
    await call('task.update', { id: before[4]!.id, edit: { milestones: [{ date: '2023-06-30', percent: 50, text: '过半' }] } });
    const { tasks: rows } = await call('tasks.list', {});
    // The overview counts real tasks, as the documents do: a sub-task (a 任务分解表 row breaking an item down) is
    // part of its task, which is as late as its latest open part; each unit answers for its own part.
    const rank = { done: -1, green: 0, blue: 1, yellow: 2, red: 3 } as const;
    const partsOf = (id: string) => rows.filter((r) => r.parentId === id);
    const tasks = rows
      .filter((t) => !t.parentId)
      .map((t) => {
        if (t.status === 'closed') return t;
        const light = partsOf(t.id).filter((p) => p.status !== 'closed').reduce((w, p) => (rank[p.light] > rank[w] ? p.light : w), t.light);
        return light === t.light ? t : { ...t, light, status: (light === 'red' || light === 'yellow') && t.status === 'in_progress' ? ('lagging' as const) : t.status };
      });
    expect(tasks.length).toBeLessThan(rows.length);
    // The played March makes some parts late whose task is not: the roll-up is exercised.
    expect(tasks.filter((t, i) => t.light !== rows.filter((r) => !r.parentId)[i]!.light).length).toBeGreaterThan(0);
    const o = await call('dashboard.get', {});

    const lights = new Set(tasks.map((t) => t.light));
    expect(lights.size).toBeGreaterThanOrEqual(3); // the comparison means something
    for (const b of o.battles) {
      const mine = tasks.filter((t) => t.battle === b.battle);
      expect(b.total).toBe(mine.length);
      for (const [light, n] of Object.entries(b.byLight)) expect([b.battle, light, n]).toEqual([b.battle, light, mine.filter((t) => t.light === light).length]);
      for (const [status, n] of Object.entries(b.byStatus)) expect([b.battle, status, n]).toEqual([b.battle, status, mine.filter((t) => t.status === status).length]);
    }
    expect(o.overdueCount).toBe(tasks.filter((t) => t.light === 'red').length);
    expect(o.dueSoonCount).toBe(tasks.filter((t) => t.light === 'blue').length);
    expect(o.overdue.map((t) => t.id).sort()).toEqual(tasks.filter((t) => t.light === 'red').slice(0, 200).map((t) => t.id).sort());
    const byUnit = new Map<string, { lead: number; red: number; yellow: number; closed: number }>();
    const own = new Map(rows.map((r) => [r.id, r]));
    for (const t of tasks) {
      const parts = partsOf(t.id);
      // Each unit on the task once, with the latest light of the parts it leads (the task's own for its leads).
      const mine = new Map<string, string>();
      const add = (u: string, light: string) => {
        const had = mine.get(u);
        if (had === undefined || rank[light as keyof typeof rank] > rank[had as keyof typeof rank]) mine.set(u, light);
      };
      const closed = t.status === 'closed';
      for (const u of t.leadUnits) add(u, parts.length ? (closed ? 'done' : own.get(t.id)!.light) : t.light);
      if (!closed) for (const p of parts) for (const u of p.leadUnits) add(u, p.light);
      for (const [u, light] of mine) {
        const c = byUnit.get(u) ?? { lead: 0, red: 0, yellow: 0, closed: 0 };
        c.lead++;
        if (light === 'red') c.red++;
        if (light === 'yellow') c.yellow++;
        if (closed) c.closed++;
        byUnit.set(u, c);
      }
    }
    expect(new Map(o.units.map(({ unit, ...c }) => [unit, c]))).toEqual(byUnit);
  });
});
