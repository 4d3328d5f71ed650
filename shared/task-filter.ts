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

/** What a search looks in: the code (matched from its start) and the rest (matched anywhere), lower-cased. */
function searchTexts(task: Filterable): { code: string; text: string } {
  return { code: task.code.toLowerCase(), text: `${task.title}\n${task.content}\n${task.leadUnits.join('\n')}\n${task.coUnits.join('\n')}`.toLowerCase() };
}

/** The search texts of a task list, built once per list rather than once per task per keystroke. */
export interface SearchIndex {
  of: readonly object[];
  code: string[];
  text: string[];
}

export function buildSearchIndex(tasks: readonly Filterable[]): SearchIndex {
  const code: string[] = new Array(tasks.length);
  const text: string[] = new Array(tasks.length);
  tasks.forEach((t, i) => ({ code: code[i], text: text[i] } = searchTexts(t)));
  return { of: tasks, code, text };
}

function passesFields(task: Filterable, filter: TaskFilter): boolean {
  if (filter.battle !== undefined && task.battle !== filter.battle) return false;
  if (filter.listType !== undefined && task.listType !== filter.listType) return false;
  if (filter.status !== undefined && task.status !== filter.status) return false;
  if (filter.light !== undefined && task.light !== filter.light) return false;
  return filter.unit === undefined || task.leadUnits.includes(filter.unit) || task.coUnits.includes(filter.unit);
}

/** An index built from this very list is used; any other is ignored. */
export function filterTasks<T extends Filterable>(tasks: readonly T[], filter: TaskFilter, index?: SearchIndex): T[] {
  const q = normalizeSearch(filter.search);
  const indexed = index?.of === tasks ? index : undefined;
  const out: T[] = [];
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i]!;
    if (!passesFields(task, filter)) continue;
    if (q) {
      const own = indexed ? null : searchTexts(task);
      const code = own ? own.code : indexed!.code[i]!;
      const text = own ? own.text : indexed!.text[i]!;
      if (!code.startsWith(q) && !text.includes(q)) continue;
    }
    out.push(task);
  }
  return out;
}
