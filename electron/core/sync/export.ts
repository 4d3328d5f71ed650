// Export: everything the peer is not known to hold (or everything, "full"), relayed unchanged with each
// event's own signature, in one signed file written under a temporary name and renamed when complete.
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../shared/errors';
import { sha256Hex } from '../events/canonical';
import { getIdentity } from '../identity';
import { readEvidence } from '../ledger/evidence';
import { planInfo } from '../ledger/queries';
import { seedIds } from '../plan/seed-ids';
import type { Store } from '../store/open-store';
import { BUNDLE_FORMAT, BUNDLE_MAJOR, BUNDLE_MINOR, canonicalEventsJson, signedPart, type Bundle, type Manifest } from './bundle-format';
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

const EVENTS_SLOT = '"\\u0000events\\u0000"';
/** The events' canonical text made for the hash, kept for writing the file. */
const eventsTextOf = new WeakMap<Bundle, string>();

/** The bundle as file text, without serialising its events twice (they are already one canonical string). */
export function bundleText(bundle: Bundle): string {
  const { events, ...rest } = bundle;
  const text = JSON.stringify({ ...rest, events: '\u0000events\u0000' });
  const at = text.lastIndexOf(EVENTS_SLOT);
  return `${text.slice(0, at)}${eventsTextOf.get(bundle) ?? canonicalEventsJson(events)}${text.slice(at + EVENTS_SLOT.length)}`;
}

export function buildBundle(store: Store, options: ExportOptions = {}): Bundle {
  const plan = planInfo(store);
  const seedReplica = seedIds.seedReplica(plan.docNo);
  const since = options.forPeer ? peerVector(store, options.forPeer) : {};
  // Seed events are not sent: every installation of the plan makes the same ones itself.
  const rows = store.sqlite
    .prepare("SELECT replica, seq, body, sig FROM events WHERE replica != ? AND sig IS NOT NULL AND sig != '' ORDER BY replica, seq")
    .all(seedReplica) as { replica: string; seq: number; body: string; sig: string }[];
  const chosen = rows.filter((r) => r.seq > (since[r.replica] ?? 0));
  const ranges: Record<string, [number, number]> = {};
  for (const r of chosen) ranges[r.replica] = [ranges[r.replica]?.[0] ?? r.seq, r.seq];
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
  const events = chosen.map((r) => ({ body: r.body, sig: r.sig }));
  const attachments = evidenceFor(store, chosen);
  const eventsText = canonicalEventsJson(events);
  const manifest: Manifest = {
    bundleId: uuidv7(),
    plan: plan.docNo,
    exporter: store.replicaId,
    exporterKey: store.publicKey,
    exporterOffice: getIdentity(store)?.officeName ?? '',
    for: options.forPeer ?? null,
    full: !options.forPeer,
    createdAt: (options.now ?? new Date()).toISOString(),
    vector: Object.fromEntries(Object.entries(storeVector(store.sqlite)).filter(([r]) => r !== seedReplica)),
    ranges,
    keys,
    count: events.length,
    eventsSha256: sha256Hex(eventsText),
    eventsBytes: Buffer.byteLength(eventsText, 'utf8'),
    ...(Object.keys(attachments).length
      ? { attachments: Object.fromEntries(Object.entries(attachments).map(([h, b]) => [h, Buffer.from(b, 'base64').length])) }
      : {}),
  };
  const version: [number, number] = [BUNDLE_MAJOR, BUNDLE_MINOR];
  const signature = store.log.signBody(signedPart(BUNDLE_FORMAT, version, manifest));
  const bundle: Bundle = { format: BUNDLE_FORMAT, version, manifest, signature, events, ...(manifest.attachments ? { attachments } : {}) };
  eventsTextOf.set(bundle, eventsText);
  return bundle;
}

/** The evidence files the chosen progress lines refer to, where this store has them. */
function evidenceFor(store: Store, rows: readonly { body: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows) {
    if (!r.body.includes('"entity":"progress"') || !r.body.includes('"evidence"')) continue;
    const refs = (JSON.parse(r.body) as { fields: { evidence?: { sha256: string }[] } }).fields.evidence ?? [];
    for (const ref of refs) {
      if (out[ref.sha256]) continue;
      try {
        out[ref.sha256] = readEvidence(store, ref.sha256).toString('base64');
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

/** The name says from whom, to whom, when: 市商务局_至_市发改局_20230702-101500.ledger.json */
export function bundleFileName(store: Store, bundle: Bundle, options: ExportOptions = {}): string {
  const to = options.forPeer ? officeOf(store, options.forPeer) : '全部';
  return `${bundle.manifest.exporterOffice || store.replicaId.slice(0, 8)}_至_${to}_${stamp(options.now ?? new Date())}.ledger.json`;
}

export function markExported(store: Store, bundle: Bundle): void {
  store.sqlite.prepare('UPDATE peers SET last_export_at = ? WHERE replica_id = ?').run(bundle.manifest.createdAt, bundle.manifest.for ?? '');
}

/** Writes the bundle into dir under a temporary name, renamed when complete. */
export function writeBundle(store: Store, dir: string, options: ExportOptions = {}): { path: string; bundle: Bundle } {
  if (!existsSync(dir)) throw new AppError('bad_input', `找不到文件夹“${dir}”，请确认U盘已插好。`, `no such directory ${dir}`);
  const bundle = buildBundle(store, options);
  const path = join(dir, bundleFileName(store, bundle, options));
  const tmp = `${path}.part`;
  try {
    writeFileSync(tmp, bundleText(bundle));
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOSPC' ? 'U盘空间不足' : code === 'EACCES' || code === 'EROFS' ? '该位置不允许写入' : '写入失败';
    throw new AppError('bad_input', `${why}，同步包未导出。`, `write ${path}: ${(err as Error).message}`);
  }
  markExported(store, bundle);
  return { path, bundle };
}

function officeOf(store: Store, replica: string): string {
  const row = store.sqlite.prepare('SELECT u.name FROM replicas r JOIN units u ON u.id = r.office_unit_id WHERE r.id = ?').get(replica) as { name: string } | undefined;
  return row?.name ?? replica.slice(0, 8);
}
