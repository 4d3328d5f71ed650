// Reads stored events back exactly as they were hashed, for export and for checks.
import type Database from 'better-sqlite3';
import type { LedgerEvent, SealedEvent } from './event';

export function readEvents(db: Database.Database, replica?: string): SealedEvent[] {
  const rows = (
    replica
      ? db.prepare('SELECT body, hash, sig FROM events WHERE replica = ? ORDER BY seq').all(replica)
      : db.prepare('SELECT body, hash, sig FROM events ORDER BY replica, seq').all()
  ) as { body: string; hash: string; sig: string | null }[];
  return rows.map((r) => ({ event: JSON.parse(r.body) as LedgerEvent, body: r.body, hash: r.hash, ...(r.sig ? { sig: r.sig } : {}) }));
}
