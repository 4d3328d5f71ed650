// Where each replica's log ends: its last sequence number and clock.
import type Database from 'better-sqlite3';

/**
 * Each replica's head, by seeks on the (replica, seq) index: a handful of offices means a handful of lookups,
 * where GROUP BY would read every one of hundreds of thousands of index entries.
 */
export function replicaHeads(db: Database.Database): { replica: string; seq: number; hlc: string }[] {
  const next = db.prepare('SELECT replica FROM events WHERE replica > ? ORDER BY replica LIMIT 1').pluck();
  const head = db.prepare('SELECT seq, hlc FROM events WHERE replica = ? ORDER BY seq DESC LIMIT 1');
  const out: { replica: string; seq: number; hlc: string }[] = [];
  for (let r = next.get('') as string | undefined; r !== undefined; r = next.get(r) as string | undefined) {
    const h = head.get(r) as { seq: number; hlc: string };
    out.push({ replica: r, seq: h.seq, hlc: h.hlc });
  }
  return out;
}
