// What "filter by battle, search" means, in one place: the core applies it for the CLI and the API, the
// renderer applies it in memory for instant filtering. A search matches code, title, content and unit names.
import type { TaskRow } from './domain';

export interface TaskFilter {
  battle?: number;
  search?: string;
}

export function normalizeSearch(text: string | undefined): string {
  return (text ?? '').trim().toLowerCase();
}

export function taskMatches(task: Pick<TaskRow, 'battle' | 'code' | 'title' | 'content' | 'leadUnits' | 'coUnits'>, filter: TaskFilter): boolean {
  if (filter.battle !== undefined && task.battle !== filter.battle) return false;
  const q = normalizeSearch(filter.search);
  if (!q) return true;
  if (task.code.toLowerCase().startsWith(q)) return true;
  if (task.title.toLowerCase().includes(q) || task.content.toLowerCase().includes(q)) return true;
  return task.leadUnits.some((u) => u.includes(q)) || task.coUnits.some((u) => u.includes(q));
}

export function filterTasks<T extends Pick<TaskRow, 'battle' | 'code' | 'title' | 'content' | 'leadUnits' | 'coUnits'>>(tasks: readonly T[], filter: TaskFilter): T[] {
  return tasks.filter((t) => taskMatches(t, filter));
}
