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
  for (const t of tasks) {
    const c = out.get(t.battle);
    if (!c) continue;
    c.total++;
    c.byStatus[t.status]++;
    c.byLight[t.light]++;
  }
  return [...out.values()];
}

export function unitCounts(tasks: readonly Pick<TaskRow, 'leadUnits' | 'status' | 'light'>[]): { unit: string; lead: number; red: number; yellow: number; closed: number }[] {
  const out = new Map<string, { unit: string; lead: number; red: number; yellow: number; closed: number }>();
  for (const t of tasks) {
    for (const u of t.leadUnits) {
      const c = out.get(u) ?? { unit: u, lead: 0, red: 0, yellow: 0, closed: 0 };
      c.lead++;
      if (t.light === 'red') c.red++;
      if (t.light === 'yellow') c.yellow++;
      if (t.status === 'closed') c.closed++;
      out.set(u, c);
    }
  }
  return [...out.values()].sort((a, b) => b.red - a.red || b.yellow - a.yellow || b.lead - a.lead);
}
