// What a backup must be before any of it is restored: this program's schema, and an event log this program could
// have written — every body canonical and hashed as stored, every chain gap-free from its first event, every
// author's chain ending in a signature by a key this installation already trusts. Everything else the fold derives
// from those events is not read from the file at all (restore-copy.ts folds it again); what cannot be derived
// (settings, pinned keys, the import history, settled conflicts) is checked for the shape this program writes.
//
// The rule for keys. A chain's last event is signed over its body, which names the hash of the event before, and
// so on back to the first: one verified signature authenticates the chain, as a signed log head does (and as a
// bundle's runs are verified in verify.ts). The key it is verified with is the one the author announced in its own
// log (a replica event with `publicKey`), and it must agree with every other place the file names a key for that
// author — the pinned key in `peers`, and for the file's own replica the key pair in `meta`. When the store is
// there to compare with (a restore over a working store), that key must moreover be one this installation already
// trusts for that author: its own current key, a key a person confirmed (`peers`), or one announced in its own log.
// A backup can therefore never bring a key this office has not confirmed, nor contradict one it has: restoring
// does not change whom this office trusts. Every event of the file that the store also holds must be the same
// event. Seed events carry no signature: they must be the very events this installation was seeded with.
// A store lost to damage leaves nothing to compare with: the file must then agree with itself and with the seed.
import Database from 'better-sqlite3';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { settingsSchema } from '../../../shared/workflow';
import { isCanonicalText, sha256Hex, type Json } from '../events/canonical';
import { GENESIS_HASH } from '../events/event';
import { entitySpecs, isEntityName } from '../events/entities';
import { loadSeedFile } from '../plan/load-seed';
import { seedEvents } from '../plan/seed-events';
import { seedIds } from '../plan/seed-ids';
import { asLedgerEvent } from '../sync/event-shape';
import { fingerprint, verifySignature } from '../sync/keys';
import { schemaDifference } from './backup-schema';
import type { Store } from './store';

/** What a backup is held to. */
export interface TrustAnchor {
  /** The plan the installation was seeded with. */
  plan: string;
  /**
   * The key this installation trusts for an author, if any; null when there is no store to ask (it is damaged):
   * then the file's keys need only agree with each other.
   */
  keyOf: ((replica: string) => string | undefined) | null;
  /** The hash this installation holds at an author's seq, when it holds that event. */
  hashAt(replica: string, seq: number): string | undefined;
}

/** The working store: its own key, the keys a person confirmed, the keys its own log announced; its events. */
export function storeAnchor(store: Store): TrustAnchor {
  const db = store.sqlite;
  const keys = new Map<string, string>();
  for (const r of db.prepare("SELECT id, public_key AS k FROM replicas WHERE public_key <> ''").all() as { id: string; k: string }[]) keys.set(r.id, r.k);
  // A pin is what a person confirmed: it is the one asked about where the log says otherwise.
  for (const p of db.prepare('SELECT replica_id AS id, public_key AS k FROM peers').all() as { id: string; k: string }[]) keys.set(p.id, p.k);
  keys.set(store.replicaId, store.publicKey);
  const at = db.prepare('SELECT hash FROM events WHERE replica = ? AND seq = ?').pluck();
  const plan = (db.prepare("SELECT value FROM meta WHERE key = 'seeded_plan'").pluck().get() as string | undefined) ?? '';
  return { plan, keyOf: (r) => keys.get(r), hashAt: (r, seq) => at.get(r, seq) as string | undefined };
}

/** No store to compare with: the seed this program ships is what seed events must be. */
export function seedAnchor(seedFile: string): TrustAnchor {
  const seed = loadSeedFile(seedFile);
  const replica = seedIds.seedReplica(seed.plan.code);
  const hashes = seedEvents(seed).map((e) => e.hash);
  return { plan: seed.plan.code, keyOf: null, hashAt: (r, seq) => (r === replica ? hashes[seq - 1] : undefined) };
}

export interface PeerRow {
  replica_id: string;
  public_key: string;
  fingerprint: string;
  pinned_at: string;
  known_vector: string;
  last_import_at: string;
  last_export_at: string;
}

export interface ImportLogRow {
  bundle_id: string;
  file_name: string;
  exporter: string;
  imported_at: string;
  applied: number;
  skipped: number;
  summary: string;
}

export interface ConflictRow {
  id: string;
  entity: string;
  entity_id: string;
  field: string;
  winner_value: string;
  winner_replica: string;
  winner_hlc: string;
  loser_value: string;
  loser_replica: string;
  loser_hlc: string;
  settled: number;
}

export interface VerifiedBackup {
  migrations: number;
  replica: string;
  installation: string;
  plan: string;
  seedReplica: string;
  /** How many events the seed chain has that were seeded (unsigned, the installation's own). */
  seeded: number;
  events: number;
  /** The newest clock's wall time, ISO; '' without events. */
  lastEvent: string;
  /** Each author's last event: the copy must end on the same ones. */
  heads: Map<string, { seq: number; hash: string }>;
  /** As this program writes them, or null when the file has none or something else (the defaults then apply). */
  settings: string | null;
  peers: PeerRow[];
  importLog: ImportLogRow[];
  settled: ConflictRow[];
  /** When each quarantined event was set aside, where the file says so in the form this program writes. */
  quarantinedAt: Map<string, string>;
}

const REFUSED = '，已拒绝恢复，未做任何改动。';
const refuse = (what: string, detail: string) => new AppError('forbidden', `备份文件${what}${REFUSED}`, `backup refused: ${detail}`);

const UUID = /^[0-9a-f-]{36}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const SIG = /^[A-Za-z0-9+/]{86}==$/;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const fp = (key: string | undefined) => (key ? fingerprint(key) : '（无）');

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isEd25519Key(b64: unknown): b64 is string {
  if (typeof b64 !== 'string' || !b64) return false;
  try {
    return createPublicKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'spki' }).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

function publicKeyOf(privateB64: string): string | null {
  try {
    return createPublicKey(createPrivateKey({ key: Buffer.from(privateB64, 'base64'), format: 'der', type: 'pkcs8' }))
      .export({ format: 'der', type: 'spki' })
      .toString('base64');
  } catch {
    return null;
  }
}

/** Opens a backup for the checks and the copy: read-only, one snapshot for both, nothing of the file trusted. */
export function openBackup(path: string): Database.Database {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    // The schema check refuses views and triggers; until it has, nothing they could call counts as safe.
    db.pragma('trusted_schema = OFF');
    // What was verified is what is copied, whatever writes the file meanwhile through SQLite.
    db.exec('BEGIN');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

const hasTable = (db: Database.Database, name: string) => !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);

/**
 * Checks a backup, open read-only inside one read transaction (see openBackup), against this program's schema
 * and the anchor. Throws an AppError saying what was found; returns what the copy needs.
 */
export function verifyBackup(src: Database.Database, anchor: TrustAnchor, migrationsDir: string): VerifiedBackup {
  const diff = schemaDifference(src, migrationsDir);
  if (diff?.kind === 'extra') throw refuse(`含有本程序不会写入的内容（${diff.what}）`, diff.detail);
  if (diff?.kind === 'other') throw refuse(`的结构与本程序写入的不同（${diff.what}）`, diff.detail);
  if (diff) throw refuse('的版本记录不是本程序写入的', diff.detail);
  const migrations = (src.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number) ?? 0;

  // meta: only what this program reads back is taken, each in the form it writes.
  const meta = new Map((src.prepare('SELECT key, value FROM meta').raw().all() as [unknown, unknown][]).map(([k, v]) => [String(k), v]));
  const text = (k: string) => (typeof meta.get(k) === 'string' ? (meta.get(k) as string) : undefined);
  const replica = text('replica_id') ?? '';
  const installation = text('installation_id') ?? replica;
  if (!UUID.test(replica) || !UUID.test(installation)) throw refuse('中本机的标识格式不对', `replica ${replica}, installation ${installation}`);
  const plan = text('seeded_plan') ?? '';
  if (plan !== anchor.plan) throw refuse(`属于另一个实施方案（${plan || '无'}）`, `seeded plan ${plan}, expected ${anchor.plan}`);
  const seedReplica = seedIds.seedReplica(plan);
  const ownKey = text('public_key');
  const privateKey = text('signing_key');
  if ((ownKey === undefined) !== (privateKey === undefined) || (privateKey !== undefined && publicKeyOf(privateKey) !== ownKey)) {
    throw refuse('中本机的密钥对不一致', `meta key pair of ${replica} does not match`);
  }
  let settings: string | null = null;
  const savedSettings = settingsSchema.partial().safeParse(parseJson(text('settings')));
  if (text('settings') !== undefined && savedSettings.success) settings = JSON.stringify(savedSettings.data);

  const peers = hasTable(src, 'peers') ? readPeers(src) : [];
  const pinned = new Map(peers.map((p) => [p.replica_id, p.public_key]));

  // The log, in the order it was written (the fold's order): shape, bytes, hash, columns, chain, seed, sameness.
  const heads = new Map<string, { seq: number; hash: string; body: string; sig: string | null; n: number }>();
  const announced = new Map<string, string>();
  let n = 0;
  let seeded = 0;
  let newest = '';
  const rows = src
    .prepare('SELECT id, replica, seq, hlc, entity, entity_id, op, schema_version, prev_hash, body, hash, sig FROM events ORDER BY rowid')
    .raw()
    .iterate() as IterableIterator<unknown[]>;
  for (const row of rows) {
    n++;
    const [id, rep, seq, hlc, entity, entityId, op, schemaVersion, prevHash, body, hash, sig] = row;
    const at = `event ${n} (${String(rep)}#${String(seq)})`;
    const parsed = parseJson(body);
    const e = asLedgerEvent(parsed);
    if (!e || !isCanonicalText(parsed as Json, body as string)) throw refuse(`中第 ${n} 条记录格式不对`, `${at}: not a canonical event`);
    if (sha256Hex(body as string) !== hash) throw refuse(`中第 ${n} 条记录的内容与其哈希不符，已被改动`, `${at}: hash mismatch`);
    if (id !== e.id || rep !== e.replica || seq !== e.seq || hlc !== e.hlc || entity !== e.entity || entityId !== e.entityId || op !== e.op || schemaVersion !== e.schemaVersion || prevHash !== e.prevHash) {
      throw refuse(`中第 ${n} 条记录的字段与其内容不符，已被改动`, `${at}: columns differ from the body`);
    }
    const head = heads.get(e.replica) ?? { seq: 0, hash: GENESIS_HASH };
    if (e.seq !== head.seq + 1 || e.prevHash !== head.hash) throw refuse(`中第 ${n} 条记录与同一单位的前一条衔接不上，已被改动`, `${at}: chain broken after #${head.seq}`);
    const held = anchor.hashAt(e.replica, e.seq);
    if (held !== undefined && held !== hash) throw refuse(`中第 ${n} 条记录与本机已有的同一条记录不同，已被改动`, `${at}: differs from the event this installation holds`);
    if (sig === null || sig === '') {
      // Only the seed's events are unsigned, and anyone can make them again: they must be the ones this installation
      // was seeded with, all before any signed event a peer may have added to that chain.
      if (e.replica !== seedReplica || held === undefined || seeded !== e.seq - 1) throw refuse(`中第 ${n} 条记录没有签名`, `${at}: unsigned`);
      seeded = e.seq;
    } else if (typeof sig !== 'string' || !SIG.test(sig)) {
      throw refuse(`中第 ${n} 条记录的签名格式不对`, `${at}: malformed signature`);
    }
    if (e.entity === 'replica' && e.entityId === e.replica && e.op === 'put' && e.fields.publicKey !== undefined) {
      const key = e.fields.publicKey;
      const before = announced.get(e.replica);
      if (typeof key !== 'string' || (before !== undefined && before !== key)) throw refuse('中同一单位前后声明了不同的密钥，已被改动', `${at}: second key announced`);
      announced.set(e.replica, key);
    }
    heads.set(e.replica, { seq: e.seq, hash: hash as string, body: body as string, sig: (sig as string | null) || null, n });
    if (e.hlc > newest) newest = e.hlc;
  }

  const keyOf = (author: string): string => {
    const own = author === replica ? ownKey : undefined;
    const said = announced.get(author);
    const pin = pinned.get(author);
    const claimed = said ?? pin ?? own;
    if (anchor.keyOf) {
      const trusted = anchor.keyOf(author);
      if (trusted === undefined) throw refuse(`中有本机从未确认过的单位密钥（指纹 ${fp(claimed)}）`, `no trusted key for ${author}`);
      for (const k of [said, pin, own]) {
        if (k !== undefined && k !== trusted) throw refuse(`中某单位的密钥（指纹 ${fp(k)}）与本机已确认的（指纹 ${fp(trusted)}）不一致`, `key of ${author} contradicts this installation's`);
      }
      return trusted;
    }
    if (said !== undefined && pin !== undefined && said !== pin) throw refuse(`中已确认的单位密钥（指纹 ${fp(pin)}）与该单位自己声明的（指纹 ${fp(said)}）不一致`, `pinned key of ${author} contradicts its announcement`);
    if (said !== undefined && own !== undefined && said !== own) throw refuse('中本机的密钥与本机声明的不一致', `meta key of ${author} contradicts its announcement`);
    if (claimed === undefined) throw refuse('中有单位的记录找不到公钥，无法核验', `no key for ${author}`);
    return claimed;
  };
  for (const [author, head] of heads) {
    if (head.sig === null) continue; // every event of an unsigned chain was matched with this installation's seed
    if (!verifySignature(keyOf(author), head.body, head.sig)) throw refuse(`中第 ${head.n} 条记录的签名无效，该单位的记录已被改动`, `${author}#${head.seq}: signature invalid`);
  }
  // Pins of authors without events here are held to the same rule: no key this installation has not confirmed.
  for (const p of peers) keyOf(p.replica_id);

  const settled = hasTable(src, 'conflicts') ? readSettled(src) : [];
  const importLog = hasTable(src, 'import_log') ? readImportLog(src) : [];
  const quarantinedAt = new Map<string, string>();
  if (hasTable(src, 'quarantine')) {
    for (const [id, at] of src.prepare('SELECT event_id, at FROM quarantine').raw().iterate() as IterableIterator<[unknown, unknown]>) {
      if (typeof id === 'string' && typeof at === 'string' && ISO_TIME.test(at)) quarantinedAt.set(id, at);
    }
  }
  const wall = newest ? parseInt(newest.slice(0, 15), 10) : 0;
  return {
    migrations,
    replica,
    installation,
    plan,
    seedReplica,
    seeded,
    events: n,
    lastEvent: wall ? new Date(wall).toISOString() : '',
    heads: new Map([...heads].map(([r, h]) => [r, { seq: h.seq, hash: h.hash }])),
    settings,
    peers,
    importLog,
    settled,
    quarantinedAt,
  };
}

function readPeers(src: Database.Database): PeerRow[] {
  const rows = src.prepare('SELECT replica_id, public_key, fingerprint, pinned_at, known_vector, last_import_at, last_export_at FROM peers').all() as PeerRow[];
  for (const p of rows) {
    const vector = parseJson(p.known_vector);
    const ok =
      typeof p.replica_id === 'string' &&
      UUID.test(p.replica_id) &&
      isEd25519Key(p.public_key) &&
      p.fingerprint === fingerprint(p.public_key) &&
      typeof p.pinned_at === 'string' &&
      ISO_TIME.test(p.pinned_at) &&
      isRecord(vector) &&
      Object.entries(vector).every(([r, s]) => UUID.test(r) && count(s)) &&
      [p.last_import_at, p.last_export_at].every((t) => t === '' || (typeof t === 'string' && ISO_TIME.test(t)));
    if (!ok) throw refuse('中已确认单位的记录格式不对', `peer row ${String(p.replica_id)}`);
  }
  return rows;
}

function readImportLog(src: Database.Database): ImportLogRow[] {
  const rows = src.prepare('SELECT bundle_id, file_name, exporter, imported_at, applied, skipped, summary FROM import_log').all() as ImportLogRow[];
  for (const r of rows) {
    const ok =
      typeof r.bundle_id === 'string' &&
      UUID.test(r.bundle_id) &&
      typeof r.file_name === 'string' &&
      r.file_name.length <= 1000 &&
      typeof r.exporter === 'string' &&
      UUID.test(r.exporter) &&
      typeof r.imported_at === 'string' &&
      ISO_TIME.test(r.imported_at) &&
      count(r.applied) &&
      count(r.skipped) &&
      isRecord(parseJson(r.summary));
    if (!ok) throw refuse('中的同步包导入记录格式不对', `import_log row ${String(r.bundle_id)}`);
  }
  return rows;
}

/**
 * A settled conflict is a person's decision and not in the log, so it is kept; but each side of it must be a
 * write in the log, of that field with that value: a backup cannot settle (hide) a conflict that never was.
 */
function readSettled(src: Database.Database): ConflictRow[] {
  const rows = src.prepare('SELECT * FROM conflicts WHERE settled <> 0').all() as ConflictRow[];
  const bodies = src.prepare('SELECT body FROM events WHERE entity = ? AND entity_id = ? AND replica = ? AND hlc = ?').pluck();
  const wrote = (c: ConflictRow, replica: string, hlc: string, value: string) =>
    (bodies.all(c.entity, c.entity_id, replica, hlc) as string[]).some((b) => {
      const e = JSON.parse(b) as { op: string; fields: Record<string, unknown> };
      const v = e.op === 'delete' ? (c.field === 'deleted' ? true : undefined) : e.fields[c.field];
      return v !== undefined && JSON.stringify(v) === value;
    });
  for (const c of rows) {
    const ok =
      c.settled === 1 &&
      typeof c.entity === 'string' &&
      isEntityName(c.entity) &&
      Object.prototype.hasOwnProperty.call(entitySpecs[c.entity].fields, c.field) &&
      c.id === `${c.entity}:${c.entity_id}:${c.field}:${c.loser_hlc}|${c.loser_replica}` &&
      c.winner_replica !== c.loser_replica &&
      wrote(c, c.loser_replica, c.loser_hlc, c.loser_value) &&
      wrote(c, c.winner_replica, c.winner_hlc, c.winner_value);
    if (!ok) throw refuse('中已处理的冲突与记录不符', `settled conflict ${String(c.id)}`);
  }
  return rows;
}
