// Applies events to the tables. Deterministic: the result depends only on the set of events, not on the
// order they arrive in, because each field keeps the value of the event with the greatest (hlc, replica).
import type Database from 'better-sqlite3';
import type { Json } from './canonical';
import type { LedgerEvent } from './event';
import { entitySpecs, isEntityName, type EntityName, type FieldKind } from './entities';

type Statement = Database.Statement;

function toColumnValue(kind: FieldKind, value: Json, where: string): string | number | null {
  switch (kind) {
    case 'text':
      if (typeof value !== 'string') throw new Error(`${where}: expected string`);
      return value;
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error(`${where}: expected integer`);
      return value;
    case 'real':
      if (typeof value !== 'number') throw new Error(`${where}: expected number`);
      return value;
    case 'bool':
      if (typeof value !== 'boolean') throw new Error(`${where}: expected boolean`);
      return value ? 1 : 0;
    case 'json':
      return JSON.stringify(value);
  }
}

export class Folder {
  private readonly cache = new Map<string, Statement>();
  private readonly getClock: Statement;
  private readonly setClock: Statement;
  private readonly addConflict: Statement;
  private readonly setMixed: Statement;
  private readonly eventsOf: Statement;
  private readonly clearConflicts: Statement;

  constructor(private readonly db: Database.Database) {
    this.getClock = db.prepare('SELECT hlc, replica, basis, mixed FROM field_clocks WHERE entity = ? AND entity_id = ? AND field = ?');
    this.setClock = db.prepare(
      'INSERT INTO field_clocks (entity, entity_id, field, hlc, replica, basis, mixed) VALUES (?, ?, ?, ?, ?, ?, ?) ' +
        'ON CONFLICT (entity, entity_id, field) DO UPDATE SET hlc = excluded.hlc, replica = excluded.replica, basis = excluded.basis, mixed = excluded.mixed',
    );
    this.setMixed = db.prepare('UPDATE field_clocks SET mixed = 1 WHERE entity = ? AND entity_id = ? AND field = ?');
    this.eventsOf = db.prepare('SELECT body FROM events WHERE entity = ? AND entity_id = ? AND quarantined = 0');
    this.clearConflicts = db.prepare('DELETE FROM conflicts WHERE entity = ? AND entity_id = ? AND field = ? AND settled = 0');
    this.addConflict = db.prepare(
      `INSERT OR IGNORE INTO conflicts (id, entity, entity_id, field, winner_value, winner_replica, winner_hlc, loser_value, loser_replica, loser_hlc)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  apply(event: LedgerEvent): void {
    if (!isEntityName(event.entity)) throw new Error(`unknown entity "${event.entity}" in event ${event.id}`);
    const entity: EntityName = event.entity;
    const spec = entitySpecs[entity];
    const fields: Record<string, Json> = event.op === 'delete' ? { deleted: true } : event.fields;

    this.stmt(`INSERT OR IGNORE INTO ${spec.table} (id) VALUES (?)`).run(event.entityId);
    let unitsChanged = false;
    for (const [field, value] of Object.entries(fields)) {
      const col = (spec.fields as Record<string, { column: string; kind: FieldKind }>)[field];
      if (!col) throw new Error(`unknown field "${field}" of ${entity} in event ${event.id}`);
      const clock = this.getClock.get(entity, event.entityId, field) as { hlc: string; replica: string; basis: string; mixed: number } | undefined;
      const v = toColumnValue(col.kind, value, `${entity}.${field} in event ${event.id}`);
      const wins = !clock || clock.hlc < event.hlc || (clock.hlc === event.hlc && clock.replica < event.replica);
      const mixed = clock ? (clock.mixed || clock.replica !== event.replica ? 1 : 0) : 0;
      if (wins) {
        this.stmt(`UPDATE ${spec.table} SET ${col.column} = ? WHERE id = ?`).run(v, event.entityId);
        this.setClock.run(entity, event.entityId, field, event.hlc, event.replica, event.basis?.[field] ?? '', mixed);
      } else if (mixed && !clock!.mixed) {
        this.setMixed.run(entity, event.entityId, field);
      }
      if (mixed) this.recomputeConflicts(entity, event.entityId, field);
      if (!wins) continue;
      if (field === 'leadUnitIds' || field === 'coUnitIds') unitsChanged = true;
    }
    if (entity === 'task' && unitsChanged) this.rebuildTaskUnits(event.entityId);
  }

  /**
   * The conflicts of a field, from the log itself, relative to its winning write: every write by another
   * installation, with another value, such that neither author had seen the other's (each one's basis — the
   * clock of the value it replaced — is older than the other write). The same events give the same set in
   * every office, whatever order they arrived in. Settled conflicts stay settled.
   */
  private recomputeConflicts(entity: string, entityId: string, field: string): void {
    const writes = (this.eventsOf.all(entity, entityId) as { body: string }[])
      .map(({ body }) => JSON.parse(body) as LedgerEvent)
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
