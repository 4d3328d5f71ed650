// Import: verify the file → same plan → keys pinned or confirmed → preview of what changes → backup →
// one transaction → import log. A dry run executes the same transaction and rolls it back, so the preview
// is exactly what applying would do. Importing a bundle again changes nothing.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareTaskCodes } from '../../../shared/task-code';
import { AppError } from '../../../shared/errors';
import { sha256Hex } from '../events/canonical';
import type { LedgerEvent, SealedEvent } from '../events/event';
import { evidenceDir } from '../ledger/evidence';
import { hasPlan, homePlan, joinPlan, planKey } from '../plan/plans';
import { makeBackup } from '../store/backups';
import type { Store } from '../store/store';
import { admissionReason, pinnedPeers, type AdmissionContext, type Grant } from './admission';
import { seedIds } from '../plan/seed-ids';
import { fingerprint } from './keys';
import { storeVector, type Vector } from './vector';
import { verifyBundleBytes, type VerifiedBundle } from './verify';
import { MAX_BUNDLE_BYTES } from './bundle-format';
import { bytesInMemory, type BundleBytes } from './bundle-bytes';
import { splitAtEvents, type Split } from './bundle-layout';

export interface ImportReport {
  bundleId: string;
  exporter: string;
  exporterOffice: string;
  createdAt: string;
  /**
   * Authors whose keys this store has not pinned yet, with the office, role and battle each announces: compare the
   * fingerprints, then import with trust — which grants each key what it announced, and nothing it says later.
   */
  newKeys: { replica: string; fingerprint: string; officeUnitId: string; office: string; role: string; battle: number; sameOfficeAs: string }[];
  events: number;
  applied: number;
  skipped: number;
  quarantined: number;
  /** Events held back before and folded now (released by the centre, allowed now, or their time has come). */
  released: number;
  byEntity: Record<string, number>;
  /** Codes of the tasks the new records touch (the task itself, or a line, request, problem on it), first 200. */
  tasks: string[];
  gaps: { replica: string; from: number; to: number }[];
  forks: { replica: string; seq: number }[];
  /** Dated more than a day ahead of this machine's clock: held (时间异常), not folded. */
  futureClocks: number;
  alreadyImported: boolean;
  applied_: boolean;
}

export interface ImportOptions {
  dryRun?: boolean;
  /** The person has compared the fingerprints of the new keys and accepts them. */
  trust?: boolean;
  fileName?: string;
  now?: Date;
}

class Rollback extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}


/**
 * A bundle named without its bytes: a file the person picked. `key` changes whenever the bytes may have (an
 * upload's id; a path with its size and time), and `bytes` is called only when the key is not the one verified
 * last; they are closed once the events are stored, or dropped.
 */
export interface BundleSource {
  key: string;
  bytes(): BundleBytes;
}

interface Verified {
  key: string;
  result: VerifiedBundle;
  close(): void;
}

/**
 * The last file verified: a preview followed by its import (the usual way) checks the signatures once, and what
 * is imported is exactly what the preview showed. Named by the SHA-256 of its bytes, or by its source's key.
 * Dropped (and its file let go) once the file is imported, or another is verified.
 */
let lastVerified: Verified | null = null;

function remember(v: Verified): Verified {
  const old = lastVerified;
  lastVerified = v;
  if (old && old !== v) old.close();
  return v;
}

/** Lets go of the last file verified (its private copy is removed): when the application stops. */
export function forgetVerified(): void {
  const v = lastVerified;
  lastVerified = null;
  v?.close();
}

function verifyOnce(input: Uint8Array | BundleSource): Verified {
  if (!(input instanceof Uint8Array)) return cachedOr(`source:${input.key}`, () => ({ file: input.bytes(), split: undefined }));
  // An empty or oversized file is refused before it is hashed: verifyBundleBytes throws its reason.
  if (input.byteLength === 0 || input.byteLength > MAX_BUNDLE_BYTES) verifyBundleBytes(input);
  const file = bytesInMemory(input);
  // In the exporter's layout, the events' hash (which the verifier needs anyway) and the head's name every byte.
  const split = splitAtEvents(file);
  const key = split ? `${sha256Hex(file.slice(0, split.keyAt))}+${split.eventsSha256}` : sha256Hex(file.slice(0, file.size));
  return cachedOr(key, () => ({ file, split }));
}

/** The verification remembered under this key, or the bytes opened and verified now (and closed if refused). */
function cachedOr(key: string, open: () => { file: BundleBytes; split: Split | null | undefined }): Verified {
  if (lastVerified?.key === key) return lastVerified;
  const { file, split } = open();
  try {
    return remember({ key, result: verifyBundleBytes(file, split), close: () => file.close() });
  } catch (err) {
    file.close();
    throw err;
  }
}

/** The codes of the tasks a set of events touches, in natural order: what an import will change, named. */
function touchedTasks(store: Store, events: readonly { entity: string; entityId: string; fields: Record<string, unknown> }[]): string[] {
  const codeOf = store.sqlite.prepare('SELECT code FROM tasks WHERE id = ?').pluck();
  const codes = new Set<string>();
  for (const e of events) {
    if (codes.size >= 200) break;
    const id = e.entity === 'task' ? e.entityId : typeof e.fields.taskId === 'string' ? e.fields.taskId : '';
    if (!id) continue;
    const code = (codeOf.get(id) as string | undefined) ?? (e.entity === 'task' && typeof e.fields.code === 'string' ? e.fields.code : undefined);
    if (code) codes.add(code);
  }
  return [...codes].sort(compareTaskCodes);
}

export async function importBundle(store: Store, input: Uint8Array | BundleSource, options: ImportOptions = {}): Promise<ImportReport> {
  const verified = verifyOnce(input);
  if (!options.dryRun && lastVerified === verified) lastVerified = null;
  try {
    return await importVerified(store, verified.result, options);
  } finally {
    if (!options.dryRun) verified.close();
  }
}

async function importVerified(store: Store, { bundle, events }: VerifiedBundle, options: ImportOptions): Promise<ImportReport> {
  const m = bundle.manifest;
  // A new ledger with no plan yet joins the plan of the first bundle it takes (an office joining the centre's).
  const joining = !hasPlan(store);
  const plan = joining ? null : homePlan(store);
  if (plan && m.plan !== planKey(plan)) throw new AppError('bad_input', `这个同步包属于另一个实施方案（${m.plan}），本机台账是 ${planKey(plan)}。`, `bundle for plan ${m.plan}`);
  if (m.exporter === store.replicaId) throw new AppError('bad_input', '这是本机自己导出的同步包，无需导入。', 'own bundle');

  const seedReplica = seedIds.seedReplica(plan ? planKey(plan) : m.plan);
  if (events.some((e) => e.event.replica === seedReplica)) {
    throw new AppError('forbidden', '同步包中有冒充预置实施方案的记录，已拒绝导入。', 'events signed as the seed replica');
  }
  const peerRows = pinnedPeers(store.sqlite);
  const pinned = new Map(peerRows.map((p) => [p.replica, p.key]));
  const grants = new Map<string, Grant>(peerRows.map((p) => [p.replica, p]));
  pinned.set(store.replicaId, store.publicKey);
  const keys = { ...m.keys, [m.exporter]: m.exporterKey };
  for (const [replica, key] of Object.entries(keys)) {
    const known = pinned.get(replica);
    if (known && known !== key) {
      throw new AppError('forbidden', `同步包中有单位的密钥与本机记录的不一致（指纹 ${fingerprint(key)}，应为 ${fingerprint(known)}）。可能有人冒充，已拒绝导入。`, `changed key for ${replica}`);
    }
  }
  // Only the authors of events it carries: a key listed with no events of its own says nothing a person could check.
  const claims = announcedIdentities(events);
  const units = new Map((store.sqlite.prepare('SELECT id, name FROM units').all() as { id: string; name: string }[]).map((u) => [u.id, u.name]));
  const newKeys: ImportReport['newKeys'] = [];
  // A new key is pinned only with the start of its log (seq 1): what it announced first is then in what it sent,
  // not a later claim in a bundle that starts after a gap (whose events could not be applied anyway).
  const fromStart = new Set(events.filter((e) => e.event.seq === 1).map((e) => e.event.replica));
  for (const replica of [...new Set(events.map((e) => e.event.replica))].sort()) {
    if (pinned.has(replica) || !fromStart.has(replica)) continue;
    const claim = claims.get(replica) ?? { officeUnitId: '', role: '', battle: 0 };
    // Another key already trusted for the same office (or a second centre): a reinstall or a restore looks like
    // this, and so does an impostor. The person is told before confirming.
    const rival = peerRows.find((p) => p.replica !== replica && p.role && ((claim.officeUnitId && p.officeUnitId === claim.officeUnitId) || (claim.role === 'center' && p.role === 'center')));
    newKeys.push({ replica, fingerprint: fingerprint(keys[replica]!), ...claim, office: units.get(claim.officeUnitId) ?? '', sameOfficeAs: rival ? fingerprint(rival.key) : '' });
    // What the person confirms with the fingerprint is what this key is granted.
    grants.set(replica, claim);
  }
  const ctx: AdmissionContext = { self: store.replicaId, pinned: (r) => grants.get(r), keyOf: (r) => (r === store.replicaId ? store.publicKey : (pinned.get(r) ?? keys[r])) };

  const run = (): ImportReport => {
    const now = (options.now ?? new Date()).toISOString();
    const already = !!store.sqlite.prepare('SELECT 1 FROM import_log WHERE bundle_id = ?').get(m.bundleId);
    const have = storeVector(store.sqlite);
    const hashOf = store.sqlite.prepare('SELECT hash FROM events WHERE replica = ? AND seq = ?');
    const byReplica = new Map<string, SealedEvent[]>();
    for (const e of events) {
      const list = byReplica.get(e.event.replica);
      if (list) list.push(e);
      else byReplica.set(e.event.replica, [e]);
    }
    const report: ImportReport = {
      bundleId: m.bundleId,
      exporter: m.exporter,
      exporterOffice: m.exporterOffice,
      createdAt: m.createdAt,
      newKeys,
      events: events.length,
      applied: 0,
      skipped: 0,
      quarantined: 0,
      released: 0,
      byEntity: {},
      tasks: [],
      gaps: [],
      forks: [],
      futureClocks: 0,
      alreadyImported: already,
      applied_: false,
    };
    const toIngest: SealedEvent[] = [];
    for (const [replica, list] of [...byReplica.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      list.sort((a, b) => a.event.seq - b.event.seq);
      let head = have[replica] ?? 0;
      for (const s of list) {
        // Only numbers at or below the stored head can be known.
        const known = s.event.seq <= (have[replica] ?? 0) ? (hashOf.get(replica, s.event.seq) as { hash: string } | undefined) : undefined;
        if (known) {
          if (known.hash !== s.hash) report.forks.push({ replica, seq: s.event.seq });
          else report.skipped++;
          continue;
        }
        if (s.event.seq !== head + 1) {
          // The chain cannot continue past a gap: what follows waits for a bundle that fills it.
          report.gaps.push({ replica, from: head + 1, to: s.event.seq - 1 });
          break;
        }
        head = s.event.seq;
        toIngest.push(s);
        report.byEntity[s.event.entity] = (report.byEntity[s.event.entity] ?? 0) + 1;
      }
    }
    report.tasks = touchedTasks(store, toIngest.map((s) => s.event));
    if (report.forks.length) {
      throw new AppError('forbidden', `同步包与本机已有记录冲突（同一单位同一序号内容不同，共 ${report.forks.length} 处），可能有人篡改或恢复了旧备份。已拒绝导入，请联系该单位核实。`, `fork at ${JSON.stringify(report.forks[0])}`);
    }
    // Keys are pinned, with the identity granted to them, in the same transaction as their events.
    const pin = store.sqlite.prepare('INSERT OR IGNORE INTO peers (replica_id, public_key, fingerprint, pinned_at, office_unit_id, role, battle) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const k of newKeys) pin.run(k.replica, keys[k.replica], k.fingerprint, now, k.officeUnitId, k.role, k.battle);
    const result = store.log.ingest(toIngest, (e: LedgerEvent, state, again) => admissionReason(store.sqlite, state, e, ctx, again), { dryRun: options.dryRun });
    report.applied = result.applied;
    report.quarantined = result.quarantined;
    report.released = result.released;
    // Held by the log itself, against this machine's clock: the preview says what applying will do.
    report.futureClocks = result.held;
    // The exporter's state is remembered only for a key pinned here (with this bundle or before).
    const peer = store.sqlite.prepare('SELECT known_vector AS v FROM peers WHERE replica_id = ?').get(m.exporter) as { v: string } | undefined;
    if (peer) {
      const merged: Vector = { ...(JSON.parse(peer.v) as Vector) };
      for (const [r, seq] of Object.entries(m.vector)) merged[r] = Math.max(merged[r] ?? 0, seq);
      store.sqlite.prepare('UPDATE peers SET known_vector = ?, last_import_at = ? WHERE replica_id = ?').run(JSON.stringify(merged), now, m.exporter);
    }
    if (!already) {
      store.sqlite
        .prepare('INSERT INTO import_log (bundle_id, file_name, exporter, imported_at, applied, skipped, summary) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(m.bundleId, options.fileName ?? '', m.exporter, now, report.applied, report.skipped, JSON.stringify({ byEntity: report.byEntity, gaps: report.gaps, quarantined: report.quarantined, held: report.futureClocks }));
    }
    report.applied_ = !options.dryRun;
    if (options.dryRun) throw new Rollback(report);
    if (joining) joinPlan(store, m.plan);
    return report;
  };

  if (newKeys.length && !options.trust && !options.dryRun) {
    throw new AppError('forbidden', `同步包来自尚未确认的单位（指纹 ${newKeys.map((k) => k.fingerprint).join('、')}）。请与对方核对指纹后，选择“信任并导入”。`, 'untrusted keys');
  }
  if (!options.dryRun) {
    await makeBackup(store, 'import', { now: options.now ?? new Date() });
    // Files first, content-addressed and already verified: a failed transaction leaves only unreferenced files.
    storeAttachments(store, bundle.attachments ?? {});
  }
  try {
    return store.sqlite.transaction(run)();
  } catch (err) {
    if (err instanceof Rollback) return err.report;
    throw err;
  }
}

function storeAttachments(store: Store, attachments: Record<string, string>): void {
  const dir = evidenceDir(store);
  if (Object.keys(attachments).length) mkdirSync(dir, { recursive: true });
  for (const [hash, b64] of Object.entries(attachments)) {
    const path = join(dir, hash);
    if (existsSync(path)) continue;
    writeFileSync(`${path}.tmp`, Buffer.from(b64, 'base64'));
    renameSync(`${path}.tmp`, path);
  }
}


/**
 * The office, role and battle each author announces first in its chain (its own "replica" event): what a person
 * confirms with its fingerprint. Later announcements are judged against it on arrival.
 */
function announcedIdentities(events: readonly SealedEvent[]): Map<string, Grant> {
  const firstSeen = new Map<string, { seq: number; grant: Grant }>();
  for (const { event: e } of events) {
    if (e.entity !== 'replica' || e.entityId !== e.replica || e.op !== 'put' || !['center', 'taskforce', 'unit'].includes(e.fields.role as string)) continue;
    const seen = firstSeen.get(e.replica);
    if (seen && seen.seq < e.seq) continue;
    const battle = Number.isInteger(e.fields.battle) ? (e.fields.battle as number) : 0;
    firstSeen.set(e.replica, { seq: e.seq, grant: { officeUnitId: typeof e.fields.officeUnitId === 'string' ? e.fields.officeUnitId : '', role: e.fields.role as string, battle } });
  }
  return new Map([...firstSeen].map(([r, v]) => [r, v.grant]));
}
