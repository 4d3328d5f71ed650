// The interface's state: what the core told us, and what the user is looking at.
import { create } from 'zustand';
import type { BattleSummary, PlanInfo, TaskRow } from '../../shared/domain';
import { request } from './api';

export type Page = 'overview' | 'ledger' | 'settings';

interface LedgerState {
  page: Page;
  loading: boolean;
  error: string | null;
  plan: PlanInfo | null;
  battles: BattleSummary[];
  unitCount: number;
  tasks: TaskRow[];
  battleFilter: number | undefined;
  search: string;
  openTaskId: string | null;
  load(): Promise<void>;
  go(page: Page, battle?: number): void;
  setBattleFilter(battle: number | undefined): void;
  setSearch(search: string): void;
  openTask(id: string | null): void;
}

export const useLedger = create<LedgerState>((set) => ({
  page: 'overview',
  loading: true,
  error: null,
  plan: null,
  battles: [],
  unitCount: 0,
  tasks: [],
  battleFilter: undefined,
  search: '',
  openTaskId: null,
  async load() {
    // Only the first load blanks the page; a reload (after an import) keeps the screen the user is on.
    set((s) => ({ loading: s.plan === null, error: null }));
    try {
      const [overview, list] = await Promise.all([request('plan.overview', {}), request('tasks.list', {})]);
      set({ loading: false, plan: overview.plan, battles: overview.battles, unitCount: overview.unitCount, tasks: list.tasks });
    } catch (err) {
      set({ loading: false, error: err instanceof Error ? err.message : String(err) });
    }
  },
  go(page, battle) {
    set(battle === undefined ? { page } : { page, battleFilter: battle });
  },
  setBattleFilter(battle) {
    set({ battleFilter: battle });
  },
  setSearch(search) {
    set({ search });
  },
  openTask(id) {
    set({ openTaskId: id });
  },
}));
