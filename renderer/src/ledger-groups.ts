// Grouping the ledger by battle or by lead unit: a header row before each group's tasks, in the same
// virtualised table. A task led by two units appears under each of them.
import type { TaskRow } from '../../shared/domain';
import { battleOrdinal } from './labels';

export type Grouping = 'none' | 'battle' | 'unit';

export type LedgerRow = { kind: 'task'; key: string; task: TaskRow } | { kind: 'group'; key: string; label: string; count: number };

export function groupRows(tasks: readonly TaskRow[], grouping: Grouping): LedgerRow[] {
  if (grouping === 'none') return tasks.map(plainRow);
  const groups = new Map<string, TaskRow[]>();
  for (const t of tasks) {
    const keys = grouping === 'battle' ? [`${battleOrdinal(t.battle)} ${t.battleName}`] : t.leadUnits.length ? t.leadUnits : ['（未定牵头单位）'];
    for (const k of keys) {
      const list = groups.get(k);
      if (list) list.push(t);
      else groups.set(k, [t]);
    }
  }
  const ordered = grouping === 'unit' ? [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0], 'zh-CN')) : [...groups.entries()];
  return ordered.flatMap(([label, list]): LedgerRow[] => [
    { kind: 'group', key: `g|${label}`, label, count: list.length },
    ...list.map((task): LedgerRow => ({ kind: 'task', key: `${label}|${task.id}`, task })),
  ]);
}

/** One row object per task for as long as the task is unchanged: the table sees the same records between keystrokes. */
const plainRows = new WeakMap<TaskRow, LedgerRow>();

function plainRow(task: TaskRow): LedgerRow {
  let row = plainRows.get(task);
  if (!row) plainRows.set(task, (row = { kind: 'task', key: task.id, task }));
  return row;
}
