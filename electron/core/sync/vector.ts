// Version vectors: for each replica, the highest sequence number held.
import type Database from 'better-sqlite3';

export type Vector = Record<string, number>;

export function storeVector(db: Database.Database): Vector {
  const rows = db.prepare('SELECT replica, max(seq) AS seq FROM events GROUP BY replica').all() as { replica: string; seq: number }[];
  return Object.fromEntries(rows.map((r) => [r.replica, r.seq]));
}
