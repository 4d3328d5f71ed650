// Export: everything the peer is not known to hold (or everything, "full"), relayed unchanged with each
// event's own signature, in one signed file; the shell delivers it through the outbox (core/files/outbox.ts).
import { namePart } from '../../../shared/file-names';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../shared/errors';
import { sha256Hex } from '../events/canonical';
import { getIdentity } from '../app/identity';
import { readEvidence } from '../ledger/evidence';
import { homePlan, planKey } from '../plan/plans';
import { seedIds } from '../plan/seed-ids';
import type { Store } from '../store/store';
import { BUNDLE_FORMAT, BUNDLE_MAJOR, BUNDLE_MINOR, MAX_ATTACHMENT_BYTES, signedPart, type Bundle, type Manifest } from './bundle-format';
import { storeVector, type Vector } from './vector';

export interface ExportOptions {
  /** The peer's replica id: only what it lacks. Omitted: full. */
  forPeer?: string;
  now?: Date;
}

function peerVector(store: Store, peer: string): Vector {
  const row = store.sqlite.prepare('SELECT known_vector AS v FROM peers WHERE replica_id = ?').get(peer) as { v: string } | undefined;
  if (!row) throw new AppError('bad_input', '还没有从这个单位导入过同步包，无法做增量导出；请先导入对方的包，或选择“全部导出”。', `unknown peer ${peer}`);
  return JSON.parse(row.v) as Vector;
}

/** A bundle as written to the stick: its bytes, and its manifest for the screen and the log. */
export interface ExportedBundle {
  bytes: Buffer;
  manifest: Manifest;
}

/**
 * The events chosen for a peer: every signed event but the seed's (every installation makes those itself),
 * above the number the peer is known to hold. `since` is the peer's vector as JSON ('{}' for everything).
 */
const CHOSEN = `FROM events WHERE replica != @seed AND sig IS NOT NULL AND sig != '' AND seq > coalesce(json_extract(@since, '$."' || replica || '"'), 0)`;

/**
 * The file: `{format, version, manifest, signature[, attachments], "events": [...]}`, the events written last
 * and verbatim so the receiver can check their hash where they lie. SQLite builds the events' canonical array
 * itself — its JSON quoting of a body is byte for byte JSON.stringify's (tested over every character) — and
 * hands it over as bytes: a hundred thousand events never become JavaScript strings on the way to the stick.
 */
export function exportBundle(store: Store, options: ExportOptions = {}): ExportedBundle {
  const plan = homePlan(store);
  const params = { seed: seedIds.seedReplica(planKey(plan)), since: JSON.stringify(options.forPeer ? peerVector(store, options.forPeer) : {}) };
  const ranges: Record<string, [number, number]> = {};
  for (const r of store.sqlite.prepare(`SELECT replica, min(seq) AS lo, max(seq) AS hi ${CHOSEN} GROUP BY replica ORDER BY replica`).all(params) as { replica: string; lo: number; hi: number }[]) {
    ranges[r.replica] = [r.lo, r.hi];
  }
  const keyRows = store.sqlite.prepare("SELECT id, public_key AS k FROM replicas WHERE public_key != ''").all() as { id: string; k: string }[];
  const known = new Map(keyRows.map((r) => [r.id, r.k]));
  const peerKeys = store.sqlite.prepare('SELECT replica_id AS id, public_key AS k FROM peers').all() as { id: string; k: string }[];
  for (const p of peerKeys) known.set(p.id, p.k);
  known.set(store.replicaId, store.publicKey);
  const keys: Record<string, string> = {};
  for (const replica of Object.keys(ranges)) {
    const k = known.get(replica);
    if (!k) throw new AppError('internal', '缺少某个单位的公钥，无法导出它的记录。', `no key for replica ${replica}`);
    keys[replica] = k;
  }
  // The rows come to the aggregate in (replica, seq) order from the index, through an ordered subquery: the
  // aggregate's own ORDER BY sorted 80 MB of objects in a temporary B-tree (550 → 260 ms for 100,000 events).
  // The export test holds the file to the rows in that order.
  const { events, count } = store.sqlite
    .prepare(`SELECT CAST(json_group_array(json_object('body', body, 'sig', sig)) AS BLOB) AS events, count(*) AS count FROM (SELECT body, sig ${CHOSEN} ORDER BY replica, seq)`)
    .get(params) as { events: Buffer; count: number };
  // Files of folded lines only: a quarantined line travels (its author's chain needs it), its claims do not.
  const withEvidence = store.sqlite.prepare(`SELECT body ${CHOSEN} AND entity = 'progress' AND quarantined = 0 AND instr(body, '"evidence"') > 0`).pluck().all(params) as string[];
  const attachments = evidenceFor(store, withEvidence);
  const manifest: Manifest = {
    bundleId: uuidv7(),
    plan: planKey(plan),
    exporter: store.replicaId,
    exporterKey: store.publicKey,
    exporterOffice: getIdentity(store)?.officeName ?? '',
    for: options.forPeer ?? null,
    full: !options.forPeer,
    createdAt: (options.now ?? new Date()).toISOString(),
    vector: Object.fromEntries(Object.entries(storeVector(store.sqlite)).filter(([r]) => r !== params.seed)),
    ranges,
    keys,
    count,
    eventsSha256: sha256Hex(events),
    eventsBytes: events.length,
    ...(Object.keys(attachments).length
      ? { attachments: Object.fromEntries(Object.entries(attachments).map(([h, b]) => [h, Buffer.from(b, 'base64').length])) }
      : {}),
  };
  const version: [number, number] = [BUNDLE_MAJOR, BUNDLE_MINOR];
  const signature = store.log.signBody(signedPart(BUNDLE_FORMAT, version, manifest));
  const head = JSON.stringify({ format: BUNDLE_FORMAT, version, manifest, signature, ...(manifest.attachments ? { attachments } : {}) });
  const bytes = Buffer.concat([Buffer.from(`${head.slice(0, -1)},"events":`), events, Buffer.from('}')]);
  return { bytes, manifest };
}

/** The bundle as an object (tests and tools): the exported file, parsed. */
export function buildBundle(store: Store, options: ExportOptions = {}): Bundle {
  return JSON.parse(exportBundle(store, options).bytes.toString('utf8')) as Bundle;
}

/** The evidence files the chosen progress lines refer to, where this store has them. */
function evidenceFor(store: Store, bodies: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  let total = 0;
  for (const body of bodies) {
    const refs = (JSON.parse(body) as { fields: { evidence?: { sha256: string; size: number }[] } }).fields.evidence;
    if (!Array.isArray(refs)) continue;
    for (const ref of refs) {
      // Past the cap a file is left out, as one this PC does not have: the receiver says it has not arrived yet.
      if (out[ref.sha256] || total + ref.size > MAX_ATTACHMENT_BYTES) continue;
      try {
        out[ref.sha256] = readEvidence(store, ref.sha256).toString('base64');
        total += ref.size;
      } catch {
        // Not on this PC (relayed without its file): the line travels, the file comes from an office that has it.
      }
    }
  }
  return out;
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

// An office's name may be typed into a plan draft as anything (“市住建局/市城管局”): namePart makes it a plain part.

/** The name says from whom, to whom, when: 市商务局_至_市发改局_20230702-101500.ledger.json */
export function bundleFileName(store: Store, bundle: { manifest: Manifest }, options: ExportOptions = {}): string {
  const to = options.forPeer ? officeOf(store, options.forPeer) : '全部';
  return `${namePart(bundle.manifest.exporterOffice || store.replicaId.slice(0, 8))}_至_${namePart(to)}_${stamp(options.now ?? new Date())}.ledger.json`;
}

export function markExported(store: Store, bundle: { manifest: Manifest }): void {
  store.sqlite.prepare('UPDATE peers SET last_export_at = max(last_export_at, ?) WHERE replica_id = ?').run(bundle.manifest.createdAt, bundle.manifest.for ?? '');
}


function officeOf(store: Store, replica: string): string {
  const row = store.sqlite.prepare('SELECT u.name FROM replicas r JOIN units u ON u.id = r.office_unit_id WHERE r.id = ?').get(replica) as { name: string } | undefined;
  return row?.name ?? replica.slice(0, 8);
}
