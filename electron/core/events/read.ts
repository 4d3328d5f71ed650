// Reads stored events back exactly as they were hashed, for export and for checks.
import type Database from 'better-sqlite3';
import type { LedgerEvent, SealedEvent } from './event';

export function readEvents(db: Database.Database, replica?: string): SealedEvent[] {
  const rows = (
    replica
      ? db.prepare('SELECT body, hash FROM events WHERE replica = ? ORDER BY seq').all(replica)
      : db.prepare('SELECT body, hash FROM events ORDER BY replica, seq').all()
  ) as { body: string; hash: string }[];
  return rows.map((r) => ({ event: JSON.parse(r.body) as LedgerEvent, body: r.body, hash: r.hash }));
}
