// A hash of the shared state: every synced table's rows in id order. Two stores that have folded the same
// events have the same digest, whatever order the events came in.
import { createHash } from 'node:crypto';
import type { Store } from '../store/open-store';

const SHARED_TABLES = ['plans', 'battles', 'sections', 'units', 'tasks', 'task_units', 'targets', 'replicas', 'progress', 'closeouts'];

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
