import { describe, expect, it } from 'vitest';
import type { TaskRow } from '../../shared/domain';
import { groupRows } from '../../renderer/src/ledger-groups';

const task = (id: string, battle: number, leadUnits: string[]) => ({ id, battle, battleName: `第${battle}仗`, leadUnits }) as unknown as TaskRow;
const tasks = [task('a', 1, ['市商务局']), task('b', 2, ['市发改局', '市商务局']), task('c', 1, []), task('d', 1, ['市商务局'])];

describe('groupRows', () => {
  it('by unit: a header with its count before each unit’s tasks, a task led by two under both, units in pinyin order', () => {
    const rows = groupRows(tasks, 'unit');
    expect(rows.map((r) => (r.kind === 'group' ? `[${r.label} ${r.count}]` : r.task.id))).toEqual([
      '[（未定牵头单位） 1]', 'c', '[市发改局 1]', 'b', '[市商务局 3]', 'a', 'b', 'd',
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('ungrouped: the same row object for a task from one filtering to the next', () => {
    const first = groupRows(tasks, 'none');
    const again = groupRows(tasks.slice(1), 'none');
    expect(again[0]).toBe(first[1]);
    expect(first.map((r) => r.key)).toEqual(['a', 'b', 'c', 'd']);
  });
});
