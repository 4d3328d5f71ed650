import { AppError } from '../../shared/errors';
import type { Store } from './store/open-store';

/** A unit's id by its canonical name or any alias; unknown names are refused, never created by accident. */
export function resolveUnitId(store: Store, name: string): string {
  const wanted = name.trim();
  const rows = store.sqlite.prepare('SELECT id, name, aliases FROM units WHERE deleted = 0').all() as { id: string; name: string; aliases: string }[];
  const hit = rows.find((r) => r.name === wanted || (JSON.parse(r.aliases) as string[]).includes(wanted));
  if (!hit) throw new AppError('bad_input', `单位名录中没有“${wanted}”，请从名录中选择。`, `unknown unit: ${wanted}`);
  return hit.id;
}

export function unitNames(store: Store): Map<string, string> {
  const rows = store.sqlite.prepare('SELECT id, name FROM units').all() as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}
