// The only write path into the store. Local changes are appended to this replica's log; events built
// elsewhere (the seeded plan now, bundles later) are ingested after their hash and chain are checked.
// Either way they are folded into the tables inside the same transaction, so log and tables never disagree.
import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { sha256Hex } from './canonical';
import { EVENT_SCHEMA_VERSION, GENESIS_HASH, hashIsChecked, sealEvent, type EventDraft, type LedgerEvent, type SealedEvent } from './event';
import { Folder, type FoldReader } from './fold';
import { HybridClock, HLC_ZERO } from './hlc';
import { replicaHeads } from './heads';

interface Head {
  seq: number;
  hash: string;
}

export class EventLog {
  private readonly folder: Folder;
  private readonly clock: HybridClock;
  private readonly insert: Database.Statement;
  private readonly insertLiteral: Database.Statement;
  private readonly headOf: Database.Statement;
  private readonly byReplicaSeq: Database.Statement;
  private readonly quarantine: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    readonly replicaId: string,
    now: () => number = Date.now,
    private readonly sign: (body: string) => string | undefined = () => undefined,
  ) {
    this.folder = new Folder(db);
    // A replica's clock only moves forward along its log, so the newest clock is among the replicas' heads.
    const maxHlc = replicaHeads(db).reduce<string | null>((m, h) => (m === null || h.hlc > m ? h.hlc : m), null);
    this.clock = new HybridClock(maxHlc ?? HLC_ZERO, now);
    // Positional parameters: binding by name costs a property lookup per column on every event.
    this.insert = db.prepare(
      'INSERT INTO events (id, replica, seq, hlc, entity, entity_id, op, schema_version, prev_hash, body, hash, sig, quarantined) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    // A body that came as a JSON string literal is decoded by SQLite: no JavaScript string on the way in.
    this.insertLiteral = db.prepare(
      "INSERT INTO events (id, replica, seq, hlc, entity, entity_id, op, schema_version, prev_hash, body, hash, sig, quarantined) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT) ->> '$', ?, ?, ?)",
    );
    this.headOf = db.prepare('SELECT seq, hash FROM events WHERE replica = ? ORDER BY seq DESC LIMIT 1');
    this.byReplicaSeq = db.prepare('SELECT hash FROM events WHERE replica = ? AND seq = ?');
    this.quarantine = db.prepare('INSERT OR IGNORE INTO quarantine (event_id, replica, seq, body, sig, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  }

  /** Signs with this installation's key (bundle manifests). */
  signBody(body: string): string {
    const sig = this.sign(body);
    if (!sig) throw new Error('this store has no signing key');
    return sig;
  }

  /** Records local changes as new events of this replica and folds them, atomically. */
  append(drafts: readonly EventDraft[]): LedgerEvent[] {
    return this.folding(() => {
      let head = this.head(this.replicaId);
      const out: LedgerEvent[] = [];
      for (const d of drafts) {
        const basis = this.basisOf(d);
        const event: LedgerEvent = {
          ...(basis ? { basis } : {}),
          id: uuidv7(),
          replica: this.replicaId,
          seq: head.seq + 1,
          prevHash: head.hash,
          hlc: this.clock.tick(),
          entity: d.entity,
          entityId: d.entityId,
          op: d.op,
          fields: d.fields,
          schemaVersion: EVENT_SCHEMA_VERSION,
        };
        const sealed = sealEvent(event);
        sealed.sig = this.sign(sealed.body);
        this.store(sealed);
        head = { seq: event.seq, hash: sealed.hash };
        out.push(event);
      }
      this.folder.flush();
      return out;
    });
  }

  /** One transaction with the folder's copy in memory, dropped at its end whatever happens. */
  private folding<T>(work: () => T): T {
    return this.db.transaction(() => {
      try {
        this.folder.begin();
        return work();
      } finally {
        this.folder.reset();
      }
    })();
  }

  /**
   * Takes events written by another replica. Already-known events are skipped (so ingesting twice equals
   * ingesting once); a known position with a different hash, a broken chain or a bad hash aborts the whole
   * batch with nothing written.
   */
  ingest(
    events: readonly SealedEvent[],
    admit: (e: LedgerEvent, state: FoldReader) => string | null = () => null,
    options: { dryRun?: boolean } = {},
  ): { applied: number; skipped: number; quarantined: number } {
    return this.folding(() => {
      let applied = 0;
      let skipped = 0;
      let quarantined = 0;
      const heads = new Map<string, Head>();
      let newest = '';
      for (const s of events) {
        const { event } = s;
        if (!hashIsChecked(s) && sha256Hex(s.body) !== s.hash) throw new Error(`hash mismatch for event ${event.replica}#${event.seq}`);
        let head = heads.get(event.replica);
        if (!head) heads.set(event.replica, (head = this.head(event.replica)));
        if (event.seq <= head.seq) {
          const known = this.byReplicaSeq.get(event.replica, event.seq) as { hash: string } | undefined;
          if (known?.hash !== s.hash) throw new Error(`fork: ${event.replica}#${event.seq} already stored with another hash`);
          skipped++;
          continue;
        }
        if (event.seq !== head.seq + 1) {
          throw new Error(`gap: ${event.replica} expects #${head.seq + 1}, got #${event.seq}`);
        }
        if (event.prevHash !== head.hash) throw new Error(`broken chain at ${event.replica}#${event.seq}`);
        heads.set(event.replica, { seq: event.seq, hash: s.hash });
        if (event.hlc > newest) newest = event.hlc; // string order is clock order
        const refused = admit(event, this.folder);
        // A dry run folds in memory only: what admission would decide, without writing the log.
        if (refused) {
          // Kept in the chain, so the author's later events still follow on, but never folded into the tables.
          if (!options.dryRun) {
            this.store(s, true);
            this.quarantine.run(event.id, event.replica, event.seq, s.body, s.sig ?? '', refused, new Date().toISOString());
          }
          quarantined++;
        } else {
          if (options.dryRun) this.folder.apply(event);
          else this.store(s);
          applied++;
        }
      }
      if (newest) this.clock.observe(newest);
      if (!options.dryRun) this.folder.flush();
      return { applied, skipped, quarantined };
    });
  }

  private store(s: SealedEvent, quarantined = false): void {
    const e = s.event;
    // The literal may be a view of a buffer the file's next read reuses: nothing is read between here and the bind.
    const literal = s.bodyLiteral;
    (literal ? this.insertLiteral : this.insert).run(e.id, e.replica, e.seq, e.hlc, e.entity, e.entityId, e.op, e.schemaVersion, e.prevHash, literal ?? s.body, s.hash, s.sig ?? null, quarantined ? 1 : 0);
    if (!quarantined) this.folder.apply(e);
  }

  /** What this replica's write replaces, field by field: the basis for telling concurrent edits apart. */
  private basisOf(d: EventDraft): Record<string, string> | undefined {
    const fields = d.op === 'delete' ? ['deleted'] : Object.keys(d.fields);
    const out: Record<string, string> = {};
    for (const f of fields) {
      const c = this.folder.clock(d.entity, d.entityId, f);
      if (c) out[f] = `${c.hlc}|${c.replica}`;
    }
    return Object.keys(out).length ? out : undefined;
  }

  private head(replica: string): Head {
    const row = this.headOf.get(replica) as Head | undefined;
    return row ?? { seq: 0, hash: GENESIS_HASH };
  }
}
