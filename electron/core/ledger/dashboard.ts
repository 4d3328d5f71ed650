// 总览: per battle, tasks by status and by light; the overdue list and what falls due soon.
import type { TaskRow, TaskStatus } from '../../../shared/domain';
import { taskStatuses } from '../../../shared/domain';
import { lights, type Light } from '../../../shared/workflow';

export interface BattleCounts {
  battle: number;
  total: number;
  byStatus: Record<TaskStatus, number>;
  byLight: Record<Light, number>;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function battleCounts(tasks: readonly Pick<TaskRow, 'battle' | 'status' | 'light'>[], battles: readonly number[]): BattleCounts[] {
  const out = new Map(battles.map((b) => [b, { battle: b, total: 0, byStatus: zeros(taskStatuses), byLight: zeros(lights) }]));
  // Indexed loops: these run once per request over 50,000 tasks, mostly before they are optimised, when for…of
  // walks an iterator.
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i]!;
    const c = out.get(t.battle);
    if (!c) continue;
    c.total++;
    c.byStatus[t.status]++;
    c.byLight[t.light]++;
  }
  return [...out.values()];
}

export interface UnitCount {
  unit: string;
  lead: number;
  red: number;
  yellow: number;
  closed: number;
}

/** Per lead unit (by id, named at the end): one pass, no row copied. */
export function unitCounts(
  tasks: readonly (Pick<TaskRow, 'status' | 'light'> & { leadUnitIds: readonly string[]; parts?: readonly (readonly [string, Light])[] })[],
  nameOf: (unitId: string) => string,
): UnitCount[] {
  const out = new Map<string, UnitCount>();
  // Indexed loops and no helper call per task: this runs once per request over 50,000 tasks, mostly before it
  // is optimised. A task with parts counts each unit on it with the light of its own part.
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i]!;
    const closed = t.status === 'closed';
    const parts = t.parts;
    const n = parts ? parts.length : t.leadUnitIds.length;
    for (let k = 0; k < n; k++) {
      const u = parts ? parts[k]![0] : t.leadUnitIds[k]!;
      const light = parts ? parts[k]![1] : t.light;
      let c = out.get(u);
      if (!c) out.set(u, (c = { unit: u, lead: 0, red: 0, yellow: 0, closed: 0 }));
      c.lead++;
      if (light === 'red') c.red++;
      else if (light === 'yellow') c.yellow++;
      if (closed) c.closed++;
    }
  }
  // Two ids under one name (a unit renamed into another's name) count as one line, as they did by name.
  const byName = new Map<string, UnitCount>();
  for (const c of out.values()) {
    const unit = nameOf(c.unit);
    const had = byName.get(unit);
    if (had) {
      had.lead += c.lead;
      had.red += c.red;
      had.yellow += c.yellow;
      had.closed += c.closed;
    } else byName.set(unit, { ...c, unit });
  }
  return [...byName.values()].sort((a, b) => b.red - a.red || b.yellow - a.yellow || b.lead - a.lead);
}
