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

export function taskMatches(task: Filterable, filter: TaskFilter): boolean {
  if (filter.battle !== undefined && task.battle !== filter.battle) return false;
  if (filter.listType !== undefined && task.listType !== filter.listType) return false;
  if (filter.status !== undefined && task.status !== filter.status) return false;
  if (filter.light !== undefined && task.light !== filter.light) return false;
  if (filter.unit !== undefined && !task.leadUnits.includes(filter.unit) && !task.coUnits.includes(filter.unit)) return false;
  const q = normalizeSearch(filter.search);
  if (!q) return true;
  if (task.code.toLowerCase().startsWith(q)) return true;
  if (task.title.toLowerCase().includes(q) || task.content.toLowerCase().includes(q)) return true;
  return task.leadUnits.some((u) => u.includes(q)) || task.coUnits.some((u) => u.includes(q));
}

export function filterTasks<T extends Filterable>(tasks: readonly T[], filter: TaskFilter): T[] {
  return tasks.filter((t) => taskMatches(t, filter));
}
