import { AppError } from '../../../shared/errors';
import type { Store } from '../store/store';

/** Every name a unit is known by (canonical and aliases) → its id. */
export function unitIdByName(store: Store): Map<string, string> {
  const rows = store.sqlite.prepare('SELECT id, name, aliases FROM units WHERE deleted = 0').all() as { id: string; name: string; aliases: string }[];
  const out = new Map<string, string>();
  for (const r of rows) for (const n of [r.name, ...(JSON.parse(r.aliases) as string[])]) if (!out.has(n)) out.set(n, r.id);
  return out;
}

/** A unit's id by its canonical name or any alias; unknown names are refused, never created by accident. */
export function resolveUnitId(store: Store, name: string): string {
  const wanted = name.trim();
  const hit = unitIdByName(store).get(wanted);
  if (!hit) throw new AppError('bad_input', `单位名录中没有“${wanted}”，请从名录中选择。`, `unknown unit: ${wanted}`);
  return hit;
}

export function unitNames(store: Store): Map<string, string> {
  const rows = store.sqlite.prepare('SELECT id, name FROM units').all() as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A collective name (各成员单位, 各乡镇街道…): several units, never one to commend, rank or supervise. */
export function isCollective(store: Store, unitId: string): boolean {
  return store.sqlite.prepare("SELECT 1 FROM units WHERE id = ? AND kind = 'group'").get(unitId) !== undefined;
}
