// Version vectors: for each replica, the highest sequence number held.
import type Database from 'better-sqlite3';

export type Vector = Record<string, number>;

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

export function storeVector(db: Database.Database): Vector {
  return Object.fromEntries(replicaHeads(db).map((h) => [h.replica, h.seq]));
}
