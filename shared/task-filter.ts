// What "filter by battle, search" means, in one place: the core applies it for the CLI and the API, the
// renderer applies it in memory for instant filtering. A search matches code, title, content and unit names.
import type { ListType, TaskRow, TaskStatus } from './domain';
import type { Light } from './workflow';

export interface TaskFilter {
  battle?: number;
  search?: string;
  listType?: ListType;
  /** A unit's name: tasks it leads or cooperates on. */
  unit?: string;
  status?: TaskStatus;
  light?: Light;
}

type Filterable = Pick<TaskRow, 'battle' | 'code' | 'title' | 'content' | 'leadUnits' | 'coUnits'> &
  Partial<Pick<TaskRow, 'listType' | 'status' | 'light'>>;

export function normalizeSearch(text: string | undefined): string {
  return (text ?? '').trim().toLowerCase();
}

/** What a search looks in, lower-cased once per task instead of once per task per keystroke. */
export type SearchIndex = WeakMap<object, { code: string; text: string }>;

export function buildSearchIndex(tasks: readonly Filterable[]): SearchIndex {
  const index: SearchIndex = new WeakMap();
  for (const t of tasks) index.set(t, { code: t.code.toLowerCase(), text: `${t.title}\n${t.content}\n${t.leadUnits.join('\n')}\n${t.coUnits.join('\n')}`.toLowerCase() });
  return index;
}

export function taskMatches(task: Filterable, filter: TaskFilter, index?: SearchIndex): boolean {
  return matcher(filter, index)(task);
}

/** The filter as one predicate, its search text normalised once rather than once per task. */
function matcher(filter: TaskFilter, index?: SearchIndex): (task: Filterable) => boolean {
  const q = normalizeSearch(filter.search);
  return (task) => {
    if (filter.battle !== undefined && task.battle !== filter.battle) return false;
    if (filter.listType !== undefined && task.listType !== filter.listType) return false;
    if (filter.status !== undefined && task.status !== filter.status) return false;
    if (filter.light !== undefined && task.light !== filter.light) return false;
    if (filter.unit !== undefined && !task.leadUnits.includes(filter.unit) && !task.coUnits.includes(filter.unit)) return false;
    if (!q) return true;
    const indexed = index?.get(task);
    if (indexed) return indexed.code.startsWith(q) || indexed.text.includes(q);
    if (task.code.toLowerCase().startsWith(q)) return true;
    if (task.title.toLowerCase().includes(q) || task.content.toLowerCase().includes(q)) return true;
    return task.leadUnits.some((u) => u.includes(q)) || task.coUnits.some((u) => u.includes(q));
  };
}

export function filterTasks<T extends Filterable>(tasks: readonly T[], filter: TaskFilter, index?: SearchIndex): T[] {
  const matches = matcher(filter, index);
  return tasks.filter(matches);
}
