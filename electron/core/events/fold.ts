// Applies events to the tables. Deterministic: the result depends only on the set of events, not on the
// order they arrive in, because each field keeps the value of the event with the greatest (hlc, replica).
//
// Within one append or ingest the folder works on a copy in memory — each field's clock and value, read once
// from the tables — and writes what changed when the batch ends (flush). A bundle of 100,000 edits to a few
// hundred tasks so writes a few hundred rows, not 100,000 × (row + clock) of them, and the admission rules
// read the state as of the event before through `value`. The copy lives only inside the caller's
// transaction: `reset` drops it at the end, whether the transaction committed or not.
import type Database from 'better-sqlite3';
import type { Json } from './canonical';
import type { LedgerEvent } from './event';
import { derivedTableNames, entitySpecs, isEntityName, type EntityName, type FieldKind } from './entities';

type Statement = Database.Statement;

export interface FieldClock {
  hlc: string;
  replica: string;
  basis: string;
  mixed: number;
}

/** What the admission rules read: a field's value as folded so far (undefined when the row does not exist). */
export interface FoldReader {
  value(entity: EntityName, id: string, field: string): Json | undefined;
  /** The clock of a field's value as folded so far (null: never written). */
  clock(entity: EntityName, id: string, field: string): FieldClock | null;
  /** Writes what is pending, for the rare check that must query the tables themselves. */
  flush(): void;
}

/**
 * A table kept from entity tables rather than from events (derivedTableNames). The fold is generic and knows no
 * such rule: it notes which keys the rows a table is derived from touched, and at each flush asks the table's
 * owner to recompute those keys.
 */
export interface DerivedTable {
  /** Its name in derivedTableNames. */
  readonly table: string;
  /**
   * The rows it is derived from. A winning write to one of `fields` (to any field when absent) of an `entity` row
   * touches a key: the row's own id when `key` is 'id', else the value of its field `key` — both the one the
   * write replaced (a line moved to another task leaves the first one) and the one after the batch.
   */
  readonly sources: readonly { entity: EntityName; key: string; fields?: readonly string[] }[];
  /** Recomputes the rows of the keys named (a JSON array of them), or the whole table when null. */
  refresh(db: Database.Database, keys: string | null): void;
}

const derivedRegistry = new Map<string, DerivedTable>();

/**
 * Makes the fold keep a derived table from now on. Done before anything folds (derived-tables.ts); a Folder made
 * while one of derivedTableNames has none refuses to start, so no path can fold events and leave a table stale.
 */
export function registerDerived(derived: DerivedTable): void {
  const known = derivedRegistry.get(derived.table);
  if (known === derived) return;
  if (known) throw new Error(`fold: derived table ${derived.table} registered twice`);
  if (!(derivedTableNames as readonly string[]).includes(derived.table)) throw new Error(`fold: ${derived.table} is not in derivedTableNames`);
  for (const { entity, key, fields = [] } of derived.sources) {
    for (const f of key === 'id' ? fields : [key, ...fields]) {
      if (!fieldSpec(entity, f)) throw new Error(`fold: ${derived.table} is derived from ${entity}.${f}, which no event writes`);
    }
  }
  derivedRegistry.set(derived.table, derived);
}

/** The derived tables registered, for filling one that a migration added empty. */
export function registeredDerived(): DerivedTable[] {
  return [...derivedRegistry.values()];
}

/** One source of a derived table, with what this batch has touched. */
interface Source {
  key: string;
  fields: ReadonlySet<string> | null;
  /** The derived table's touched keys (shared by its sources). */
  keys: Set<string>;
  /** Rows written by this batch whose key is noted at the flush, after their writes. */
  rows: Set<Row>;
}

interface Row {
  entity: EntityName;
  id: string;
  /** Whether the row is in the table, or will be at the next flush. */
  exists: boolean;
  /** Made by this batch and not inserted yet. */
  created: boolean;
  values: Map<string, Json>;
  dirty: Set<string>;
  /** Each field's clock as folded so far (null: never written), read once from field_clocks. */
  clocks: Map<string, FieldClock | null>;
  dirtyClocks: Set<string>;
  /** Fields written by more than one installation: their conflicts are recomputed at the flush. */
  mixed: Set<string>;
  /** This batch's events on the row, already parsed: conflicts read only the older ones from the log. */
  batch: LedgerEvent[];
}

/** Why a value cannot go in a column of this kind, or null when it can. */
function kindMismatch(kind: FieldKind, value: Json): string | null {
  switch (kind) {
    case 'text':
      return typeof value === 'string' ? null : 'expected string';
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) ? null : 'expected integer';
    case 'real':
      return typeof value === 'number' ? null : 'expected number';
    case 'bool':
      return typeof value === 'boolean' ? null : 'expected boolean';
    case 'json':
      return null;
  }
}

function toColumnValue(kind: FieldKind, value: Json, where: string): string | number | null {
  const wrong = kindMismatch(kind, value);
  if (wrong) throw new Error(`${where}: ${wrong}`);
  if (kind === 'bool') return value ? 1 : 0;
  return kind === 'json' ? JSON.stringify(value) : (value as string | number);
}

function fromColumnValue(kind: FieldKind, value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (kind === 'bool') return value === 1 || value === true;
  if (kind === 'json') return JSON.parse(String(value)) as Json;
  return value as Json;
}

const fieldSpec = (entity: EntityName, field: string) => (entitySpecs[entity].fields as Record<string, { column: string; kind: FieldKind } | undefined>)[field];

export class Folder implements FoldReader {
  private readonly cache = new Map<string, Statement>();
  private readonly getClock: Statement;
  private readonly setClock: Statement;
  private readonly addConflict: Statement;
  private readonly eventsOf: Statement;
  private readonly clearConflicts: Statement;

  /** entity → id → row: nested, so a lookup builds no key string. */
  private rows = new Map<string, Map<string, Row>>();
  private unitsChanged = new Set<string>();
  private readonly derived: { table: DerivedTable; keys: Set<string> }[];
  private readonly sourcesOf = new Map<string, Source[]>();
  /** The first rowid of an event written in this batch (everything below was in the log before it). */
  private firstNew: number | null = null;

  constructor(private readonly db: Database.Database) {
    const missing = derivedTableNames.filter((name) => !derivedRegistry.has(name));
    if (missing.length) throw new Error(`fold: nothing keeps ${missing.join(', ')}; registerDerivedTables() (electron/core/derived-tables.ts) must run before events are folded`);
    this.derived = [...derivedRegistry.values()].map((table) => ({ table, keys: new Set<string>() }));
    for (const { table, keys } of this.derived) {
      for (const s of table.sources) {
        const list = this.sourcesOf.get(s.entity) ?? [];
        list.push({ key: s.key, fields: s.fields ? new Set(s.fields) : null, keys, rows: new Set() });
        this.sourcesOf.set(s.entity, list);
      }
    }
    this.getClock = db.prepare('SELECT hlc, replica, basis, mixed FROM field_clocks WHERE entity = ? AND entity_id = ? AND field = ?');
    this.setClock = db.prepare(
      'INSERT INTO field_clocks (entity, entity_id, field, hlc, replica, basis, mixed) VALUES (?, ?, ?, ?, ?, ?, ?) ' +
        'ON CONFLICT (entity, entity_id, field) DO UPDATE SET hlc = excluded.hlc, replica = excluded.replica, basis = excluded.basis, mixed = excluded.mixed',
    );
    // The row's events from before this batch: the rowid bound is applied in the index, so the batch's own
    // events (in memory already) are not read back from the table.
    this.eventsOf = db.prepare('SELECT body FROM events WHERE entity = ? AND entity_id = ? AND quarantined = 0 AND rowid < ?');
    this.clearConflicts = db.prepare('DELETE FROM conflicts WHERE entity = ? AND entity_id = ? AND field = ? AND settled = 0');
    this.addConflict = db.prepare(
      `INSERT OR IGNORE INTO conflicts (id, entity, entity_id, field, winner_value, winner_replica, winner_hlc, loser_value, loser_replica, loser_hlc)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** Marks where the batch starts in the log: called when a transaction begins, before any event is written. */
  begin(): void {
    this.firstNew = (this.stmt('SELECT coalesce(max(rowid), 0) + 1 AS n FROM events').get() as { n: number }).n;
  }

  apply(event: LedgerEvent): void {
    if (!isEntityName(event.entity)) throw new Error(`unknown entity "${event.entity}" in event ${event.id}`);
    const entity: EntityName = event.entity;
    const fields: Record<string, Json> = event.op === 'delete' ? { deleted: true } : event.fields;
    const row = this.row(entity, event.entityId);
    const sources = this.sourcesOf.get(entity);
    row.batch.push(event);
    if (!row.exists) {
      row.exists = true;
      row.created = true;
    }
    // A hundred thousand events a bundle: no entry arrays, and the message built only when a value is refused.
    for (const field in fields) {
      const value = fields[field]!;
      const col = fieldSpec(entity, field);
      if (!col) throw new Error(`unknown field "${field}" of ${entity} in event ${event.id}`);
      const wrong = kindMismatch(col.kind, value);
      if (wrong) throw new Error(`${entity}.${field} in event ${event.id}: ${wrong}`);
      const clock = this.clockOf(row, field);
      const wins = !clock || clock.hlc < event.hlc || (clock.hlc === event.hlc && clock.replica < event.replica);
      const mixed = clock ? (clock.mixed || clock.replica !== event.replica ? 1 : 0) : 0;
      if (wins) {
        if (sources) this.touch(sources, row, field);
        row.values.set(field, value);
        row.dirty.add(field);
        row.clocks.set(field, { hlc: event.hlc, replica: event.replica, basis: event.basis?.[field] ?? '', mixed });
        row.dirtyClocks.add(field);
        if (entity === 'task' && (field === 'leadUnitIds' || field === 'coUnitIds')) this.unitsChanged.add(event.entityId);
      } else if (mixed && !clock!.mixed) {
        row.clocks.set(field, { ...clock!, mixed: 1 });
        row.dirtyClocks.add(field);
      }
      if (mixed) row.mixed.add(field);
    }
  }

  /** The clock of a field's current value, as folded so far. */
  clock(entity: string, entityId: string, field: string): FieldClock | null {
    // A draft of an unknown kind has no clocks; apply refuses it with the reason.
    return isEntityName(entity) ? this.clockOf(this.row(entity, entityId), field) : null;
  }

  value(entity: EntityName, id: string, field: string): Json | undefined {
    const row = this.row(entity, id);
    if (!row.exists) return undefined;
    if (row.values.has(field)) return row.values.get(field);
    const col = fieldSpec(entity, field);
    if (!col) throw new Error(`unknown field "${field}" of ${entity}`);
    // A row created in this batch has its table defaults for fields no event has set yet: insert it to read them.
    if (row.created) this.insertRow(row);
    const stored = this.stmt(`SELECT ${col.column} AS v FROM ${entitySpecs[entity].table} WHERE id = ?`).get(id) as { v: unknown } | undefined;
    const v = fromColumnValue(col.kind, stored?.v);
    row.values.set(field, v);
    return v;
  }

  /** Writes the pending rows, clocks, task units and conflicts; what is in memory stays valid. */
  flush(): void {
    const rows = [...this.rows.values()].flatMap((byId) => [...byId.values()]);
    for (const row of rows) {
      if (row.created) this.insertRow(row);
      if (row.dirty.size) {
        const fields = [...row.dirty].sort();
        const cols = fields.map((f) => fieldSpec(row.entity, f)!);
        this.stmt(`UPDATE ${entitySpecs[row.entity].table} SET ${cols.map((c) => `${c.column} = ?`).join(', ')} WHERE id = ?`).run(
          ...fields.map((f, i) => toColumnValue(cols[i]!.kind, row.values.get(f)!, `${row.entity}.${f}`)),
          row.id,
        );
        row.dirty.clear();
      }
      for (const field of row.dirtyClocks) {
        const c = row.clocks.get(field)!;
        this.setClock.run(row.entity, row.id, field, c.hlc, c.replica, c.basis, c.mixed);
      }
      row.dirtyClocks.clear();
    }
    for (const taskId of this.unitsChanged) this.rebuildTaskUnits(taskId);
    this.unitsChanged.clear();
    for (const sources of this.sourcesOf.values()) {
      for (const s of sources) {
        for (const row of s.rows) this.noteKey(row, s.key, s.keys);
        s.rows.clear();
      }
    }
    for (const { table, keys } of this.derived) {
      if (keys.size) table.refresh(this.db, JSON.stringify([...keys]));
      keys.clear();
    }
    // After every row is written: the conflicts are read from the log and compared with the winners.
    for (const row of rows) {
      if (!row.mixed.size) continue;
      // The row's events, read and parsed once for all its fields.
      if (this.firstNew === null) throw new Error('fold: flush outside a batch');
      const events = (this.eventsOf.all(row.entity, row.id, this.firstNew) as { body: string }[]).map(({ body }) => JSON.parse(body) as LedgerEvent);
      events.push(...row.batch);
      for (const field of row.mixed) this.recomputeConflicts(row.entity, row.id, field, events);
      row.mixed.clear();
    }
  }

  /** Forgets the copy in memory: at the end of every transaction, committed or rolled back. */
  reset(): void {
    this.firstNew = null;
    this.rows = new Map();
    this.unitsChanged = new Set();
    for (const { keys } of this.derived) keys.clear();
    for (const sources of this.sourcesOf.values()) for (const s of sources) s.rows.clear();
  }

  /** A winning write to `field` of `row`, before its value is set: the keys of derived tables it touches. */
  private touch(sources: readonly Source[], row: Row, field: string): void {
    for (const s of sources) {
      if (s.fields && !s.fields.has(field)) continue;
      if (s.key === 'id') {
        s.keys.add(row.id);
        continue;
      }
      // The key it held until now: the value is set after this.
      if (field === s.key) this.noteKey(row, s.key, s.keys);
      s.rows.add(row);
    }
  }

  /** The key a row's field holds, as folded so far. */
  private noteKey(row: Row, key: string, keys: Set<string>): void {
    // A row made in this batch has no key but the one its events set.
    const value = row.values.has(key) || !row.created ? this.value(row.entity, row.id, key) : undefined;
    if (typeof value === 'string' && value) keys.add(value);
  }

  private insertRow(row: Row): void {
    this.stmt(`INSERT OR IGNORE INTO ${entitySpecs[row.entity].table} (id) VALUES (?)`).run(row.id);
    row.created = false;
  }

  private row(entity: EntityName, id: string): Row {
    let byId = this.rows.get(entity);
    if (!byId) this.rows.set(entity, (byId = new Map()));
    let row = byId.get(id);
    if (!row) {
      const exists = !!this.stmt(`SELECT 1 FROM ${entitySpecs[entity].table} WHERE id = ?`).get(id);
      row = { entity, id, exists, created: false, values: new Map(), dirty: new Set(), clocks: new Map(), dirtyClocks: new Set(), mixed: new Set(), batch: [] };
      byId.set(id, row);
    }
    return row;
  }

  private clockOf(row: Row, field: string): FieldClock | null {
    let c = row.clocks.get(field);
    if (c === undefined) {
      c = (this.getClock.get(row.entity, row.id, field) as FieldClock | undefined) ?? null;
      row.clocks.set(field, c);
    }
    return c;
  }

  /**
   * The conflicts of a field, from the log itself, relative to its winning write: every write by another
   * installation, with another value, such that neither author had seen the other's (each one's basis — the
   * clock of the value it replaced — is older than the other write). The same events give the same set in
   * every office, whatever order they arrived in. Settled conflicts stay settled.
   */
  private recomputeConflicts(entity: string, entityId: string, field: string, events: readonly LedgerEvent[]): void {
    const writes = events
      .filter((e) => (e.op === 'delete' ? field === 'deleted' : field in e.fields))
      .map((e) => ({ key: `${e.hlc}|${e.replica}`, hlc: e.hlc, replica: e.replica, basis: e.basis?.[field] ?? '', value: JSON.stringify(e.op === 'delete' ? true : e.fields[field]) }));
    if (writes.length < 2) return;
    const winner = writes.reduce((a, b) => (b.hlc > a.hlc || (b.hlc === a.hlc && b.replica > a.replica) ? b : a));
    this.clearConflicts.run(entity, entityId, field);
    for (const w of writes) {
      if (w.replica === winner.replica || w.value === winner.value) continue;
      if (winner.basis >= w.key || w.basis >= winner.key) continue;
      this.addConflict.run(`${entity}:${entityId}:${field}:${w.key}`, entity, entityId, field, winner.value, winner.replica, winner.hlc, w.value, w.replica, w.hlc);
    }
  }

  private rebuildTaskUnits(taskId: string): void {
    const row = this.stmt('SELECT lead_unit_ids, co_unit_ids FROM tasks WHERE id = ?').get(taskId) as {
      lead_unit_ids: string;
      co_unit_ids: string;
    };
    this.stmt('DELETE FROM task_units WHERE task_id = ?').run(taskId);
    const insert = this.stmt('INSERT OR IGNORE INTO task_units (task_id, unit_id, role, ord) VALUES (?, ?, ?, ?)');
    (JSON.parse(row.lead_unit_ids) as string[]).forEach((u, i) => insert.run(taskId, u, 'lead', i));
    (JSON.parse(row.co_unit_ids) as string[]).forEach((u, i) => insert.run(taskId, u, 'co', i));
  }

  private stmt(sql: string): Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }
}
