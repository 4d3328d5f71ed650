// A hash of the shared state: every synced table's rows in id order. Two stores that have folded the same
// events have the same digest, whatever order the events came in.
import { createHash } from 'node:crypto';
import { entitySpecs } from '../events/entities';
import type { Store } from '../store/store';

/** Every folded table (from the registry, so a new entity is covered without touching this file), and the
 * task–unit index derived from tasks. */
const SHARED_TABLES = [...Object.values(entitySpecs).map((e) => e.table), 'task_units'];

export function stateDigest(store: Store): string {
  const h = createHash('sha256');
  for (const table of SHARED_TABLES) {
    const order = table === 'task_units' ? 'task_id, role, unit_id' : 'id';
    h.update(`#${table}\n`);
    for (const row of store.sqlite.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).iterate()) h.update(`${JSON.stringify(row)}\n`);
  }
  // The set of events held (quarantined ones included), so "same tables by accident" is not enough.
  for (const row of store.sqlite.prepare('SELECT hash, quarantined FROM events ORDER BY replica, seq').iterate()) h.update(`${JSON.stringify(row)}\n`);
  return h.digest('hex');
}
