// Read side of the ledger: what the overview, the ledger table and the CLI show.
import type { BattleSummary, PlanInfo, TaskRow, Target, Unit } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { filterTasks, type TaskFilter } from '../../../shared/task-filter';
import type { Store } from '../store/open-store';
import { deriveStatus, NO_PROGRESS } from './task-status';

export function planInfo(store: Store): PlanInfo {
  const row = store.sqlite
    .prepare('SELECT id, title, doc_no AS docNo, issuer, issued_on AS issuedOn, year FROM plans WHERE deleted = 0 ORDER BY year DESC LIMIT 1')
    .get() as PlanInfo | undefined;
  if (!row) throw new AppError('not_found', '台账中还没有实施方案。', 'no plan in store');
  return row;
}

export function battleSummaries(store: Store, planId: string): BattleSummary[] {
  return store.sqlite
    .prepare(
      `SELECT b.id, b.code, b.name, b.short_name AS shortName, b.office,
              (SELECT count(*) FROM tasks t WHERE t.battle_id = b.id AND t.deleted = 0) AS taskCount
         FROM battles b WHERE b.plan_id = ? AND b.deleted = 0 ORDER BY b.code`,
    )
    .all(planId) as BattleSummary[];
}

export function countTasks(store: Store, planId: string): number {
  return (store.sqlite.prepare('SELECT count(*) AS n FROM tasks WHERE deleted = 0 AND plan_id = ?').get(planId) as { n: number }).n;
}

export function listUnits(store: Store): Unit[] {
  const rows = store.sqlite.prepare('SELECT id, name, aliases FROM units WHERE deleted = 0 ORDER BY name').all() as {
    id: string;
    name: string;
    aliases: string;
  }[];
  return rows.map((r) => ({ id: r.id, name: r.name, aliases: JSON.parse(r.aliases) as string[] }));
}

interface TaskDbRow {
  id: string;
  code: string;
  battle: number;
  battleName: string;
  section: string | null;
  title: string;
  content: string;
  listType: TaskRow['listType'];
  leadUnitIds: string;
  coUnitIds: string;
  groupLabel: string;
  clause: string;
  leadByOrder: number;
}

function targetsByOwner(store: Store, ownerType: string): Map<string, Target[]> {
  const rows = store.sqlite
    .prepare(
      'SELECT id, owner_id AS ownerId, name, value, unit, kind, comparison, text FROM targets WHERE owner_type = ? AND deleted = 0 ORDER BY owner_id, ord',
    )
    .all(ownerType) as (Target & { ownerId: string })[];
  const out = new Map<string, Target[]>();
  for (const { ownerId, ...t } of rows) {
    const list = out.get(ownerId) ?? [];
    list.push(t);
    out.set(ownerId, list);
  }
  return out;
}

/** Tasks of one plan (the current one unless named), in the document's order. */
export function listTasks(store: Store, filter: TaskFilter = {}, planId: string = planInfo(store).id): TaskRow[] {
  const byBattle = filter.battle !== undefined;
  const rows = store.sqlite
    .prepare(
      `SELECT t.id, t.code, b.code AS battle, b.name AS battleName, s.title AS section, t.title, t.content,
              t.list_type AS listType, t.lead_unit_ids AS leadUnitIds, t.co_unit_ids AS coUnitIds,
              t.group_label AS groupLabel, t.clause, t.lead_by_order AS leadByOrder
         FROM tasks t JOIN battles b ON b.id = t.battle_id LEFT JOIN sections s ON s.id = t.section_id
        WHERE t.deleted = 0 AND t.plan_id = ? ${byBattle ? 'AND b.code = ?' : ''}
        ORDER BY b.code, t.ord`,
    )
    .all(planId, ...(byBattle ? [filter.battle] : [])) as TaskDbRow[];

  const unitName = new Map(listUnits(store).map((u) => [u.id, u.name]));
  const names = (json: string) => (JSON.parse(json) as string[]).map((id) => unitName.get(id) ?? id);
  const targets = targetsByOwner(store, 'task');
  const all = rows.map(
    (r): TaskRow => ({
      id: r.id,
      code: r.code,
      battle: r.battle,
      battleName: r.battleName,
      section: r.section ?? '',
      group: r.groupLabel,
      title: r.title,
      content: r.content,
      listType: r.listType,
      leadUnits: names(r.leadUnitIds),
      coUnits: names(r.coUnitIds),
      clause: r.clause,
      leadByOrder: r.leadByOrder === 1,
      status: deriveStatus(NO_PROGRESS),
      targets: targets.get(r.id) ?? [],
    }),
  );
  // The same matching as the renderer's, so a search finds the same tasks on screen and in the CLI.
  return filter.search ? filterTasks(all, filter) : all;
}
