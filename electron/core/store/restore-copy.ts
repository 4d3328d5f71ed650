// The copy of a verified backup into a store, in one transaction: the store is emptied, the backup's events go
// in through the log's own ingest (hash and chain checked once more, and folded), and only what the fold cannot
// derive is taken from the file. Every table the fold writes — the entity tables, field_clocks, conflicts,
// task_units, task_facts — and which events are quarantined are rebuilt from the events, never read from the file:
// an edit to any of them in the file does not survive. Memory stays bounded: the events are read and folded a
// chunk at a time (the fold's copy in memory is dropped after each).
import type Database from 'better-sqlite3';
import { AppError, toAppError } from '../../../shared/errors';
import { registerDerivedTables } from '../derived-tables';
import { derivedTableNames } from '../events/entities';
import type { LedgerEvent, SealedEvent } from '../events/event';
import type { FoldReader } from '../events/fold';
import { EventLog } from '../events/log';
import { admissionReason, type AdmissionContext, type Grant } from '../sync/admission';
import type { VerifiedBackup } from './backup-verify';

// Large enough that the fold's per-batch work (conflicts read from the log, task facts) is not repeated often;
// small enough that a chunk's bodies and the fold's copy stay a few tens of MB.
const CHUNK = 20_000;

export interface CopyOptions {
  /** The installation the store belongs to (a working store's own; for a store rebuilt from nothing, the file's). */
  installation: string;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Replaces the content of `target` (a store with this program's full schema) by the verified backup `src`, in one
 * transaction: if anything fails, the target is as it was. The pins a person confirmed in the target are kept
 * (restoring does not take back a confirmation); the file's other local state is taken as verified. Marks the
 * store `restored_pending`, so it continues as a new replica before it writes anything.
 */
export function copyVerified(src: Database.Database, target: Database.Database, v: VerifiedBackup, options: CopyOptions): void {
  // A restore over a damaged file folds in a process that may have opened no store.
  registerDerivedTables();
  const run = target.transaction(() => {
    const kept = target.prepare('SELECT * FROM peers').all() as Record<string, unknown>[];
    const tables = target
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'")
      .pluck()
      .all() as string[];
    for (const t of tables) target.prepare(`DELETE FROM ${quoteIdent(t)}`).run();

    const meta = target.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    meta.run('replica_id', v.replica);
    meta.run('installation_id', options.installation);
    meta.run('seeded_plan', v.plan);
    if (v.settings) meta.run('settings', v.settings);
    // The fold below keeps the derived tables (task_facts): openStore need not fill them from the tables.
    for (const name of derivedTableNames) meta.run(`${name}_filled`, '1');
    // No key pair is taken from the file: the store continues as a new replica with a key of its own.
    meta.run('restored_pending', '1');

    const columns = ['replica_id', 'public_key', 'fingerprint', 'pinned_at', 'known_vector', 'last_import_at', 'last_export_at', 'office_unit_id', 'role', 'battle'] as const;
    const pin = target.prepare(`INSERT OR IGNORE INTO peers (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    // The store's own rows first: what it knows of a peer (and what a person here confirmed) is newer than the
    // backup's. A pin taken from the file is granted what its key announced first in the verified log — what a
    // person confirmed when pinning it — whatever the file's columns say (a backup from before roles were
    // granted has none, and an edited one might claim anything).
    const claims = firstAnnouncements(src);
    for (const p of kept) pin.run(...columns.map((c) => p[c] ?? (c === 'battle' ? 0 : '')));
    for (const p of v.peers) {
      const claim = claims.get(p.replica_id) ?? { office_unit_id: '', role: '', battle: 0 };
      const row: Record<string, unknown> = { ...p, ...claim };
      pin.run(...columns.map((c) => row[c] ?? ''));
    }
    // Pinned before the refold: the rules judge each peer's events by the identity granted to its key.
    const grants = new Map((target.prepare('SELECT replica_id AS r, office_unit_id AS officeUnitId, role, battle, public_key AS k FROM peers').all() as ({ r: string; k: string } & Grant)[]).map((g) => [g.r, g]));
    const ctx: AdmissionContext = {
      self: v.replica,
      // Every other author in a verified backup is a pinned peer or an earlier replica of this installation.
      own: (r) => !grants.has(r),
      pinned: (r) => {
        const g = grants.get(r);
        return g?.role ? g : undefined;
      },
      keyOf: (r) => grants.get(r)?.k,
    };

    const log = new EventLog(target, v.replica);
    // The rules again, for every event but the seeded ones: which events are quarantined is decided in the order
    // they were written, as it was when they arrived, and not read from the file.
    const admit = (e: LedgerEvent, state: FoldReader, again?: boolean) => (e.replica === v.seedReplica && e.seq <= v.seeded ? null : admissionReason(target, state, e, ctx, again));
    let chunk: SealedEvent[] = [];
    for (const [body, hash, sig] of src.prepare('SELECT body, hash, sig FROM events ORDER BY rowid').raw().iterate() as IterableIterator<[string, string, string | null]>) {
      chunk.push({ event: JSON.parse(body) as LedgerEvent, body, hash, ...(sig ? { sig } : {}) });
      if (chunk.length === CHUNK) {
        log.ingest(chunk, admit);
        chunk = [];
      }
    }
    if (chunk.length) log.ingest(chunk, admit);
    const headOf = target.prepare('SELECT seq, hash FROM events WHERE replica = ? ORDER BY seq DESC LIMIT 1');
    const authors = target.prepare('SELECT count(DISTINCT replica) FROM events').pluck().get() as number;
    const same = authors === v.heads.size && [...v.heads].every(([r, h]) => {
      const got = headOf.get(r) as { seq: number; hash: string } | undefined;
      return got?.seq === h.seq && got.hash === h.hash;
    });
    if (!same) throw new AppError('forbidden', '备份文件在核验后被改动，已拒绝恢复，未做任何改动。', 'backup changed between its check and its copy');

    const at = target.prepare('UPDATE quarantine SET at = ? WHERE event_id = ?');
    for (const [id, when] of v.quarantinedAt) at.run(when, id);

    const imported = target.prepare('INSERT INTO import_log (bundle_id, file_name, exporter, imported_at, applied, skipped, summary) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const r of v.importLog) imported.run(r.bundle_id, r.file_name, r.exporter, r.imported_at, r.applied, r.skipped, r.summary);

    // A person's "keep" on a conflict is not in the log: put back as it was, over what the fold made of it.
    const settle = target.prepare(
      'INSERT OR REPLACE INTO conflicts (id, entity, entity_id, field, winner_value, winner_replica, winner_hlc, loser_value, loser_replica, loser_hlc, settled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)',
    );
    for (const c of v.settled) settle.run(c.id, c.entity, c.entity_id, c.field, c.winner_value, c.winner_replica, c.winner_hlc, c.loser_value, c.loser_replica, c.loser_hlc);
  });
  try {
    run();
  } catch (err) {
    const e = toAppError(err);
    // A full disk or a busy store is said as such; anything else here is the file's events failing the fold.
    if (err instanceof AppError || e.code !== 'internal') throw e;
    throw new AppError('forbidden', '备份中的记录无法重建台账，已拒绝恢复，未做任何改动。', `refold of the backup failed: ${e.detail}`);
  }
}

/** Each author's first announcement of its office, role and battle in the log (its own "replica" event). */
function firstAnnouncements(src: Database.Database): Map<string, { office_unit_id: string; role: string; battle: number }> {
  const out = new Map<string, { office_unit_id: string; role: string; battle: number }>();
  const rows = src.prepare("SELECT replica, body FROM events WHERE entity = 'replica' AND entity_id = replica ORDER BY replica, seq").raw().iterate() as IterableIterator<[string, string]>;
  for (const [replica, body] of rows) {
    if (out.has(replica)) continue;
    const f = (JSON.parse(body) as LedgerEvent).fields;
    if (!['center', 'taskforce', 'unit'].includes(f.role as string)) continue;
    out.set(replica, { office_unit_id: typeof f.officeUnitId === 'string' ? f.officeUnitId : '', role: f.role as string, battle: Number.isInteger(f.battle) ? (f.battle as number) : 0 });
  }
  return out;
}
