// The plans a store holds (this year's and next year's, a county's own beside the city's), which one this
// installation is looking at, and which one its offices sync under. Nothing saved is ever hidden: every plan
// is listed, and choosing another changes only what the pages show.
import type { PlanInfo } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { PlanList } from '../../../shared/plan-import';
import type { Store } from '../store/store';
import { getIdentity } from '../app/identity';
import { planCode } from '../../../shared/plan-seed';

const PLAN_SELECT = 'SELECT id, title, doc_no AS docNo, issuer, issued_on AS issuedOn, year FROM plans';

function meta(store: Store, key: string): string | undefined {
  return (store.sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

function setMeta(store: Store, key: string, value: string): void {
  store.sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function planById(store: Store, id: string): PlanInfo {
  const row = store.sqlite.prepare(`${PLAN_SELECT} WHERE id = ? AND deleted = 0`).get(id) as PlanInfo | undefined;
  if (!row) throw new AppError('not_found', '台账中没有这个实施方案。', `no plan ${id}`);
  return row;
}

/** The plan the pages show: the one chosen here, else the newest. */
export function currentPlan(store: Store): PlanInfo {
  const chosen = meta(store, 'current_plan');
  const row =
    (chosen ? (store.sqlite.prepare(`${PLAN_SELECT} WHERE id = ? AND deleted = 0`).get(chosen) as PlanInfo | undefined) : undefined) ??
    (store.sqlite.prepare(`${PLAN_SELECT} WHERE deleted = 0 ORDER BY year DESC, issued_on DESC, id LIMIT 1`).get() as PlanInfo | undefined);
  if (!row) throw new AppError('not_found', '台账中还没有实施方案。', 'no plan in store');
  return row;
}

export function usePlan(store: Store, id: string): void {
  planById(store, id);
  setMeta(store, 'current_plan', id);
}

/**
 * The plan a store's offices sync under: the one it was started with. A plan added later travels in the
 * same log to every office, so bundles keep naming the first; without the record (stores made before it
 * was kept) the plan of the earliest plan event is that plan.
 */
export function homePlan(store: Store): PlanInfo {
  const home = meta(store, 'home_plan');
  if (home) {
    const row = store.sqlite.prepare(`${PLAN_SELECT} WHERE id = ?`).get(home) as PlanInfo | undefined;
    if (row) return row;
  }
  const first = store.sqlite.prepare("SELECT entity_id AS id FROM events WHERE entity = 'plan' AND quarantined = 0 ORDER BY rowid LIMIT 1").get() as { id: string } | undefined;
  const row = first ? (store.sqlite.prepare(`${PLAN_SELECT} WHERE id = ?`).get(first.id) as PlanInfo | undefined) : undefined;
  return row ?? currentPlan(store);
}

export function markHomePlan(store: Store, id: string): void {
  if (!meta(store, 'home_plan')) setMeta(store, 'home_plan', id);
}

/** A new ledger has none until a person chooses its plan (or it joins another office's). */
export function hasPlan(store: Store): boolean {
  return !!store.sqlite.prepare('SELECT 1 FROM plans WHERE deleted = 0').get();
}

export function listPlans(store: Store): PlanList {
  if (!hasPlan(store)) return { plans: [] };
  const current = currentPlan(store).id;
  const rows = store.sqlite
    .prepare(`SELECT p.id, p.title, p.doc_no AS docNo, p.year, (SELECT count(*) FROM tasks t WHERE t.plan_id = p.id AND t.deleted = 0) AS tasks
                FROM plans p WHERE p.deleted = 0 ORDER BY p.year DESC, p.issued_on DESC, p.id`)
    .all() as { id: string; title: string; docNo: string; year: number; tasks: number }[];
  return { plans: rows.map((r) => ({ ...r, current: r.id === current })) };
}

/** How bundles name a plan: its 文号, or where it has none its title and date (as its seed code was made). */
export function planKey(plan: Pick<PlanInfo, 'docNo' | 'title' | 'issuedOn'>): string {
  return planCode(plan).slice(0, 100);
}

/** After a new ledger took its first bundle: the plan that bundle names is this ledger's home and current plan. */
export function joinPlan(store: Store, key: string): void {
  const rows = store.sqlite.prepare(`${PLAN_SELECT} WHERE deleted = 0`).all() as PlanInfo[];
  const plan = rows.find((p) => planKey(p) === key);
  if (!plan) return;
  markHomePlan(store, plan.id);
  usePlan(store, plan.id);
}

/**
 * Who may add a plan: anyone starting a new ledger (it has none yet); after that the centre only, since a plan
 * added travels to every office of the ledger.
 */
export function requirePlanAuthor(store: Store): void {
  if (!hasPlan(store)) return;
  const role = getIdentity(store)?.role;
  if (role !== 'center') throw new AppError('forbidden', '只有总指挥中心可以向台账添加实施方案（新方案会随同步发给各单位）。', `role ${role ?? 'none'} may not add a plan`);
}
