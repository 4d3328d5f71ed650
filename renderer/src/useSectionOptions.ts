// The sections (工作任务 groups) this office may add tasks under: a taskforce its own battle's, the center all.
import { useMemo } from 'react';
import { battleOrdinal } from './labels';
import { useLedgerPick } from './state';

export function useSectionOptions(): { value: string; label: string }[] {
  const { tasks, identity } = useLedgerPick('tasks', 'identity');
  return useMemo(() => {
    const seen = new Map<string, string>();
    for (const t of tasks) {
      if (!t.sectionCode || seen.has(t.sectionCode)) continue;
      if (identity?.role === 'taskforce' && t.battle !== identity.battle) continue;
      seen.set(t.sectionCode, `${battleOrdinal(t.battle)} ${t.sectionCode} ${t.section}`);
    }
    return [...seen.entries()].map(([value, label]) => ({ value, label }));
  }, [tasks, identity]);
}
