// The interface's state: what the core told us, and what the user is looking at. Every change goes to the
// core first; the screen then reloads what it shows, so it never displays a value the core did not accept.
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { ChannelOutput } from '../../shared/contract';
import type { BattleSummary, PlanInfo, TaskRow, Unit } from '../../shared/domain';
import type { TaskFilter } from '../../shared/task-filter';
import type { Identity, Settings } from '../../shared/workflow';
import { request } from './api';
import { adoptGroupWordOf } from './labels';

export type Page = 'todo' | 'reporting' | 'overview' | 'ledger' | 'closeout' | 'indicators' | 'problems' | 'supervision' | 'meeting' | 'reports' | 'sync' | 'settings';

interface LedgerState {
  page: Page;
  loading: boolean;
  error: string | null;
  plan: PlanInfo | null;
  /** Every plan in the store; empty for a new ledger that has none yet. */
  plans: ChannelOutput<'plan.list'>['plans'];
  battles: BattleSummary[];
  units: Unit[];
  tasks: TaskRow[];
  identity: Identity | null;
  settings: Settings | null;
  dashboard: ChannelOutput<'dashboard.get'> | null;
  /** 我的待办 of this office, with its counts for the menu. */
  todo: ChannelOutput<'todo.get'> | null;
  filter: TaskFilter;
  openTaskId: string | null;
  load(): Promise<void>;
  go(page: Page, filter?: TaskFilter): void;
  setFilter(patch: Partial<TaskFilter>): void;
  openTask(id: string | null): void;
}

export const useLedger = create<LedgerState>((set) => ({
  // Every office starts at what is waiting for it; the whole-city overview is one click away.
  page: 'todo',
  loading: true,
  error: null,
  plan: null,
  plans: [],
  battles: [],
  units: [],
  tasks: [],
  identity: null,
  settings: null,
  dashboard: null,
  todo: null,
  filter: {},
  openTaskId: null,
  async load() {
    // Only the first load blanks the page; a reload (after a change) keeps the screen the user is on.
    set((s) => ({ loading: s.plan === null, error: null }));
    try {
      const { plans } = await request('plan.list', {});
      if (plans.length === 0) {
        set({ loading: false, plans, plan: null });
        return;
      }
      const [overview, list, who, settings, dashboard, units, todo] = await Promise.all([
        request('plan.overview', {}),
        request('tasks.list', {}),
        request('identity.get', {}),
        request('settings.get', {}),
        request('dashboard.get', {}),
        request('units.list', {}),
        // Asked alongside the rest; before an identity is set nothing is waiting for anyone (and it is refused).
        request('todo.get', {}).catch(() => null),
      ]);
      adoptGroupWordOf(overview.battles);
      set({
        loading: false,
        plans,
        plan: overview.plan,
        battles: overview.battles,
        tasks: list.tasks,
        identity: who.identity,
        settings,
        dashboard,
        todo: who.identity ? todo : null,
        units: units.units,
      });
    } catch (err) {
      set({ loading: false, error: err instanceof Error ? err.message : String(err) });
    }
  },
  go(page, filter) {
    set(filter === undefined ? { page } : { page, filter });
  },
  setFilter(patch) {
    set((s) => ({ filter: { ...s.filter, ...patch } }));
  },
  openTask(id) {
    set({ openTaskId: id });
  },
}));

/** Runs a change, then reloads; returns the error message for the form, or null. */
export async function change(action: () => Promise<unknown>): Promise<string | null> {
  try {
    await action();
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  await useLedger.getState().load();
  return null;
}

/**
 * The named parts of the state, re-rendering only when one of them changes: a component that took the whole
 * state re-rendered at every keystroke in the ledger's search box.
 */
export function useLedgerPick<K extends keyof LedgerState>(...keys: K[]): Pick<LedgerState, K> {
  return useLedger(useShallow((s) => Object.fromEntries(keys.map((k) => [k, s[k]])) as Pick<LedgerState, K>));
}
