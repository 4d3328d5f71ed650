// The only write path into the store. Local changes are appended to this replica's log; events built
// elsewhere (the seeded plan now, bundles later) are ingested after their hash and chain are checked.
// Either way they are folded into the tables inside the same transaction, so log and tables never disagree.
import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { sha256Hex } from './canonical';
import { EVENT_SCHEMA_VERSION, GENESIS_HASH, hashIsChecked, sealEvent, type EventDraft, type LedgerEvent, type SealedEvent } from './event';
import { contentProblem } from './content-rules';
import { Folder, type FoldReader } from './fold';
import { formatHlc, HybridClock, HLC_ZERO } from './hlc';
import { replicaHeads } from './heads';

interface Head {
  seq: number;
  hash: string;
}

/** How far ahead of this machine's clock a received event may be dated and still be folded. */
export const CLOCK_MARGIN_MS = 86_400_000;

/** Why a received event is not folded: its author may not write it, it is malformed, or it is dated too far ahead. */
export type Quarantine = 'role' | 'content' | 'clock';

/**
 * Judges a received event against the state folded so far: null to apply it, else the reason in Chinese. `again`
 * when it was held back before and is looked at once more (only then can a release or a grant have come for it).
 */
export type Admit = (e: LedgerEvent, state: FoldReader, again?: boolean) => string | null;

export interface IngestResult {
  applied: number;
  skipped: number;
  /** Quarantined for their author or their content. */
  quarantined: number;
  /** Held for their clock. */
  held: number;
  /** Events quarantined or held before, folded now (released by the centre or allowed now, or their time has come). */
  released: number;
}

export class EventLog {
  private readonly folder: Folder;
  private readonly clock: HybridClock;
  private readonly insert: Database.Statement;
  private readonly insertLiteral: Database.Statement;
  private readonly headOf: Database.Statement;
  private readonly byReplicaSeq: Database.Statement;
  private readonly quarantine: Database.Statement;
  private readonly now: () => number;

  constructor(
    private readonly db: Database.Database,
    readonly replicaId: string,
    now: () => number = Date.now,
    private readonly sign: (body: string) => string | undefined = () => undefined,
  ) {
    this.folder = new Folder(db);
    this.now = now;
    // A replica's clock only moves forward along its log, so the newest clock is among the replicas' heads; another
    // office's event dated beyond the margin was held, not folded, and must not drag this office's clock with it.
    const horizon = this.horizon();
    const newestBelow = db.prepare('SELECT max(hlc) FROM events WHERE replica = ? AND quarantined != 2').pluck();
    const maxHlc = replicaHeads(db)
      .map((h) => (h.replica === replicaId || h.hlc <= horizon ? h.hlc : ((newestBelow.get(h.replica) as string | null) ?? HLC_ZERO)))
      .reduce<string | null>((m, hlc) => (m === null || hlc > m ? hlc : m), null);
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
    this.quarantine = db.prepare('INSERT OR IGNORE INTO quarantine (event_id, replica, seq, body, sig, reason, at, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  }

  /** The latest clock a received event may carry and be folded now: this machine's time plus the margin. */
  horizon(): string {
    return formatHlc(Math.min(this.now() + CLOCK_MARGIN_MS, 999_999_999_999_999), 999_999);
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
   * batch with nothing written. An event that is malformed, that its author may not write, or that is dated more
   * than a day ahead of this machine is kept in the chain (its author's later events still follow on) but not
   * folded. Then what was held back before is looked at again: see `reconsider`.
   */
  ingest(events: readonly SealedEvent[], admit: Admit = () => null, options: { dryRun?: boolean } = {}): IngestResult {
    return this.folding(() => {
      const result: IngestResult = { applied: 0, skipped: 0, quarantined: 0, held: 0, released: 0 };
      const heads = new Map<string, Head>();
      const horizon = this.horizon();
      const at = new Date(this.now()).toISOString();
      let newest = '';
      for (const s of events) {
        const { event } = s;
        if (!hashIsChecked(s) && sha256Hex(s.body) !== s.hash) throw new Error(`hash mismatch for event ${event.replica}#${event.seq}`);
        let head = heads.get(event.replica);
        if (!head) heads.set(event.replica, (head = this.head(event.replica)));
        if (event.seq <= head.seq) {
          const known = this.byReplicaSeq.get(event.replica, event.seq) as { hash: string } | undefined;
          if (known?.hash !== s.hash) throw new Error(`fork: ${event.replica}#${event.seq} already stored with another hash`);
          result.skipped++;
          continue;
        }
        if (event.seq !== head.seq + 1) {
          throw new Error(`gap: ${event.replica} expects #${head.seq + 1}, got #${event.seq}`);
        }
        if (event.prevHash !== head.hash) throw new Error(`broken chain at ${event.replica}#${event.seq}`);
        heads.set(event.replica, { seq: event.seq, hash: s.hash });
        const malformed = contentProblem(event);
        const early = !malformed && event.hlc > horizon;
        // Only clocks within the margin move this office's clock: one event dated 2100 must not date its own next ones.
        if (!early && event.hlc > newest) newest = event.hlc; // string order is clock order
        const refused = malformed ?? (early ? `时间异常：记录的时间（${clockDate(event.hlc)}）比本机时间晚一天以上，到该时间后自动生效` : admit(event, this.folder));
        // A dry run folds in memory only: what admission would decide, without writing the log.
        if (refused) {
          if (!options.dryRun) {
            this.store(s, early ? 2 : 1);
            this.quarantine.run(event.id, event.replica, event.seq, s.body, s.sig ?? '', refused, at, malformed ? 'content' : early ? 'clock' : 'role');
          }
          if (early) result.held++;
          else result.quarantined++;
        } else {
          if (options.dryRun) this.folder.apply(event);
          else this.store(s);
          result.applied++;
        }
      }
      if (newest) this.clock.observe(newest);
      if (!options.dryRun) {
        this.folder.flush();
        result.released = this.reconsidered(admit);
      }
      return result;
    });
  }

  /**
   * Looks again at the events held back: those whose time has come, and those refused for their author or scope
   * (a grant, a release or the task they need may have arrived since, in any order). Each is judged as it stands
   * now and folded when allowed; a malformed one never is. Returns how many were folded.
   */
  reconsider(admit: Admit): number {
    return this.folding(() => this.reconsidered(admit));
  }

  private reconsidered(admit: Admit): number {
    const rows = this.db
      .prepare(
        // Only other offices' events: this installation's own are folded as it writes them, never held back.
        `SELECT e.id, e.body, e.quarantined AS q FROM events e WHERE e.quarantined = 2 AND e.hlc <= @horizon AND e.replica <> @self
         UNION ALL SELECT e.id, e.body, e.quarantined FROM quarantine q JOIN events e ON e.id = q.event_id
          WHERE e.replica <> @self AND q.kind = 'role' AND e.quarantined = 1`,
      )
      .all({ horizon: this.horizon(), self: this.replicaId }) as { id: string; body: string; q: number }[];
    if (!rows.length) return 0;
    const pending = rows.map((r) => ({ ...r, event: JSON.parse(r.body) as LedgerEvent })).sort((a, b) => (a.event.hlc < b.event.hlc ? -1 : a.event.hlc > b.event.hlc ? 1 : 0));
    const folded: string[] = [];
    const due: { id: string; reason: string }[] = [];
    // One event allowed may allow another (a task created, then a line on it): go round until nothing changes.
    for (let changed = true; changed && pending.length; ) {
      changed = false;
      for (let i = 0; i < pending.length; i++) {
        const p = pending[i]!;
        // Whatever put it here, a malformed event is never folded.
        const refused = contentProblem(p.event) ?? admit(p.event, this.folder, true);
        if (refused) continue;
        this.folder.apply(p.event);
        folded.push(p.id);
        pending.splice(i--, 1);
        changed = true;
      }
    }
    // Held events whose time has come but that their author may not write: quarantined like any other.
    for (const p of pending) if (p.q === 2) due.push({ id: p.id, reason: (contentProblem(p.event) ?? admit(p.event, this.folder, true))! });
    this.folder.flush();
    // The flags change after the flush, so the conflicts read these events once, from the batch.
    const unflag = this.db.prepare('UPDATE events SET quarantined = 0 WHERE id = ?');
    const unlist = this.db.prepare('DELETE FROM quarantine WHERE event_id = ?');
    for (const id of folded) {
      unflag.run(id);
      unlist.run(id);
    }
    const requarantine = this.db.prepare('UPDATE events SET quarantined = 1 WHERE id = ?');
    const rereason = this.db.prepare("UPDATE quarantine SET reason = ?, kind = 'role' WHERE event_id = ?");
    for (const d of due) {
      requarantine.run(d.id);
      rereason.run(d.reason, d.id);
    }
    return folded.length;
  }

  private store(s: SealedEvent, quarantined: 0 | 1 | 2 = 0): void {
    const e = s.event;
    // The literal may be a view of a buffer the file's next read reuses: nothing is read between here and the bind.
    const literal = s.bodyLiteral;
    (literal ? this.insertLiteral : this.insert).run(e.id, e.replica, e.seq, e.hlc, e.entity, e.entityId, e.op, e.schemaVersion, e.prevHash, literal ?? s.body, s.hash, s.sig ?? null, quarantined);
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

/** A clock as a date for a message: 2100年1月1日. */
function clockDate(hlc: string): string {
  const d = new Date(Math.min(Number(hlc.slice(0, 15)), 8.64e15));
  return Number.isNaN(d.getTime()) ? hlc : `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}
