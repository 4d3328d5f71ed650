// An attacker holding a valid key: events written straight into an installation's own log and signed with its
// real key, saying whatever the attacker likes — things the core would never write (a role it does not have, a
// field of the wrong kind, a clock in 2100). Not folded on the attacker's side (its fold would refuse many of
// them): kept there as quarantined, so its exports carry them exactly as an honest export carries anything.
import { canonicalJson, sha256Hex, type Json } from '../../electron/core/events/canonical';
import { EVENT_SCHEMA_VERSION } from '../../electron/core/events/event';
import { formatHlc } from '../../electron/core/events/hlc';
import type { Store } from '../../electron/core/store/store';
import { v7 as uuidv7 } from 'uuid';
import { canonicalEventsJson, signedPart } from '../../electron/core/sync/bundle-format';

export interface Forgery {
  entity: string;
  entityId: string;
  op?: 'put' | 'delete';
  fields: Record<string, unknown>;
  /** Wall milliseconds of its clock; default now. */
  wall?: number;
  /** Any other top-level property of the event (a schema version of 99, ...). */
  extra?: Record<string, unknown>;
}

/** Appends the forgeries to the store's own chain, signed with its key; returns their event ids. */
export function forge(store: Store, forgeries: readonly Forgery[]): string[] {
  const head = store.sqlite.prepare('SELECT seq, hash, hlc FROM events WHERE replica = ? ORDER BY seq DESC LIMIT 1').get(store.replicaId) as
    | { seq: number; hash: string; hlc: string }
    | undefined;
  let seq = head?.seq ?? 0;
  let prev = head?.hash ?? '0'.repeat(64);
  let lastWall = head ? Number(head.hlc.slice(0, 15)) : 0;
  const ids: string[] = [];
  const insert = store.sqlite.prepare(
    'INSERT INTO events (id, replica, seq, hlc, entity, entity_id, op, schema_version, prev_hash, body, hash, sig, quarantined) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)',
  );
  const list = store.sqlite.prepare("INSERT INTO quarantine (event_id, replica, seq, body, sig, reason, at, kind) VALUES (?, ?, ?, ?, ?, 'forged', '', 'role')");
  for (const f of forgeries) {
    const wall = f.wall ?? Math.max(Date.now(), lastWall + 1);
    lastWall = Math.max(lastWall, wall);
    const event = {
      id: uuidv7(),
      replica: store.replicaId,
      seq: ++seq,
      prevHash: prev,
      hlc: formatHlc(wall, 0),
      entity: f.entity,
      entityId: f.entityId,
      op: f.op ?? 'put',
      fields: f.fields,
      schemaVersion: EVENT_SCHEMA_VERSION,
      ...f.extra,
    } as unknown as Json;
    const body = canonicalJson(event);
    const hash = sha256Hex(body);
    const e = event as Record<string, unknown>;
    insert.run(e.id, store.replicaId, seq, e.hlc, f.entity, f.entityId, e.op, e.schemaVersion, prev, body, hash, store.log.signBody(body));
    list.run(e.id, store.replicaId, seq, body, '');
    prev = hash;
    ids.push(e.id as string);
  }
  return ids;
}

/**
 * A bundle made from scratch by the attacker: these event bodies (texts, as they are to be hashed and signed),
 * each signed with its own key, in a manifest it signs too. Each body's author must be `replica` at `seq`.
 */
export function craftedBundle(attacker: Store, bodies: { text: string; replica: string; seq: number }[]): Buffer {
  const entries = bodies.map((b) => ({ body: b.text, sig: attacker.log.signBody(b.text) }));
  const events = Buffer.from(canonicalEventsJson(entries));
  const ranges: Record<string, [number, number]> = {};
  const keys: Record<string, string> = { [attacker.replicaId]: attacker.publicKey };
  for (const b of bodies) {
    const r = ranges[b.replica];
    ranges[b.replica] = r ? [Math.min(r[0], b.seq), Math.max(r[1], b.seq)] : [b.seq, b.seq];
    keys[b.replica] = attacker.publicKey;
  }
  const manifest = {
    bundleId: uuidv7(),
    plan: (attacker.sqlite.prepare("SELECT value FROM meta WHERE key = 'seeded_plan'").pluck().get() as string) ?? '',
    exporter: attacker.replicaId,
    exporterKey: attacker.publicKey,
    exporterOffice: '',
    for: null,
    full: true,
    createdAt: new Date().toISOString(),
    vector: {},
    ranges,
    keys,
    count: entries.length,
    eventsSha256: sha256Hex(events),
    eventsBytes: events.length,
  };
  const version: [number, number] = [1, 0];
  const signature = attacker.log.signBody(signedPart('zhuanban-bundle', version, manifest as never));
  const head = JSON.stringify({ format: 'zhuanban-bundle', version, manifest, signature });
  return Buffer.concat([Buffer.from(`${head.slice(0, -1)},"events":`), events, Buffer.from('}')]);
}
