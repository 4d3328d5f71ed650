// Checks a bundle file on its own, in the order that fails cheapest first: size → encoding → JSON → format
// and version → strict schema → SHA-256 and length of the events → manifest signature → each event's shape and
// exact canonical bytes → each author's hash chain and the signature ending each run of it. Any failure is an
// AppError with the reason in Chinese. A file laid out as the exporter writes it is read in place (bundle-layout);
// its events keep their bodies as places in the file, read again when they are stored.
import { AppError } from '../../../shared/errors';
import { isCanonicalText, sha256Hex, type Json } from '../events/canonical';
import { sealReceived, type PlaceInFile, type SealedEvent } from '../events/event';
import {
  BUNDLE_FORMAT,
  BUNDLE_MAJOR,
  BUNDLE_MINOR,
  bundleEnvelopeSchema,
  canonicalEventsJson,
  isBundleBody,
  isBundleEvent,
  MAX_ATTACHMENT_BYTES,
  MAX_BUNDLE_BYTES,
  MAX_HEAD_BYTES,
  MAX_JSON_DEPTH,
  MAX_RESAVED_BUNDLE_BYTES,
  signedPart,
  type Bundle,
  type BundleHead,
} from './bundle-format';
import { scanJson } from './json-scan';
import { bytesInMemory, isUtf8Of, type BundleBytes } from './bundle-bytes';
import { layOut, splitAtEvents, type Split } from './bundle-layout';
import { asLedgerEvent } from './event-shape';
import { verifySignature } from './keys';

const bad = (message: string, detail: string) => new AppError('bad_input', message, detail);

export interface VerifiedBundle {
  bundle: BundleHead;
  events: SealedEvent[];
}

/** The events as found in the file: each one's body text and signature, and where the body can be read again. */
interface Entries {
  count: number;
  body(i: number): string;
  sig(i: number): string;
  at(i: number): PlaceInFile | null;
}

/**
 * The bytes in memory, or read where they lie (then the events keep places in them: the caller closes them once
 * the events are stored or dropped). `split`: splitAtEvents of these bytes, where the caller has it already.
 */
export function verifyBundleBytes(input: Uint8Array | BundleBytes, split?: Split | null): VerifiedBundle {
  const file = input instanceof Uint8Array ? bytesInMemory(input) : input;
  if (file.size === 0) throw bad('文件是空的，不是同步包。', 'empty file');
  if (file.size > MAX_BUNDLE_BYTES) throw bad('文件过大，不是正常的同步包。', `file of ${file.size} bytes over the cap`);
  if (!isUtf8Of(file)) throw bad('文件编码不对，不是同步包。', 'not UTF-8');
  const at = split === undefined ? splitAtEvents(file) : split;
  // Evidence travels in the head: a head larger than the cap allows is refused before it is read into memory.
  if (at && at.keyAt > MAX_HEAD_BYTES) throw bad(`同步包携带的附件过多（合计超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB），已拒绝导入。`, `head of ${at.keyAt} bytes over ${MAX_HEAD_BYTES}`);
  const laid = layOut(file, at);
  if (laid) {
    return checked(laid.head, {
      count: laid.bodyStart.length,
      body: (i) => {
        let body: unknown;
        try {
          body = JSON.parse(file.text(laid.bodyStart[i]!, laid.bodyEnd[i]!, 'utf8'));
        } catch (err) {
          throw bad('同步包不完整或已损坏（可能复制时被截断），请重新导出后再导入。', `event ${i}: body literal: ${(err as Error).message}`);
        }
        if (!isBundleBody(body)) throw bad('同步包内容不符合格式，可能被改动过。', `event ${i}: body length`);
        return body;
      },
      sig: (i) => file.text(laid.sigStart[i]!, laid.sigEnd[i]!, 'latin1'),
      at: (i) => ({ file, bodyStart: laid.bodyStart[i]!, bodyEnd: laid.bodyEnd[i]! }),
    });
  }
  if (file.size > MAX_RESAVED_BUNDLE_BYTES) {
    throw bad('这个文件不是专班台账导出时的原样（可能被其他软件另存过），且过大，无法检查。请使用对方导出的原文件。', `file of ${file.size} bytes in another layout`);
  }
  const { events, ...head } = parsedWhole(file.slice(0, file.size));
  return checked(head, { count: events.length, body: (i) => events[i]!.body, sig: (i) => events[i]!.sig, at: () => null });
}

/** The file as one JSON value, for any layout but the exporter's own (a file re-saved by some tool). */
function parsedWhole(file: Buffer): Bundle {
  let raw: unknown;
  const text = file.toString('utf8');
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw bad('同步包不完整或已损坏（可能复制时被截断），请重新导出后再导入。', `JSON: ${(err as Error).message}`);
  }
  const scan = scanJson(text, MAX_JSON_DEPTH);
  if (scan?.kind === 'duplicate') throw bad(`同步包中同一名称“${scan.key.slice(0, 40)}”出现了两次，可能被改动过，已拒绝导入。`, `duplicate key ${scan.key}`);
  if (scan) throw bad('同步包的内容嵌套过深，不是本程序写出的，已拒绝导入。', 'nesting too deep');
  const head = raw as { format?: unknown; version?: unknown };
  if (typeof raw !== 'object' || raw === null || head.format !== BUNDLE_FORMAT) throw bad('这不是专班台账的同步包。', 'not a bundle');
  const version = Array.isArray(head.version) ? head.version : [];
  if (version[0] !== BUNDLE_MAJOR) throw bad(`同步包格式版本（${String(version[0])}）不受本程序支持。`, `unknown major version ${String(version[0])}`);
  const parsed = bundleEnvelopeSchema.safeParse(raw);
  const eventsOk = parsed.success && parsed.data.events.every(isBundleEvent);
  if (!parsed.success || !eventsOk) {
    if (typeof version[1] === 'number' && version[1] > BUNDLE_MINOR) {
      throw bad('这个同步包由更新版本的专班台账导出，含本程序不认识的内容，请升级后再导入。', `minor ${version[1]} with unknown fields`);
    }
    throw bad('同步包内容不符合格式，可能被改动过。', parsed.success ? 'malformed event entry' : (parsed.error.issues[0]?.message ?? 'schema'));
  }
  const bundle = parsed.data as Bundle;
  const m = bundle.manifest;
  if (bundle.events.length !== m.count || !eventsMatchManifest(bundle, m.eventsBytes, m.eventsSha256)) {
    throw bad('同步包内容与其清单不符，已被改动或损坏。', 'events hash/length/count mismatch');
  }
  return bundle;
}

/** What holds however the file is laid out: the exporter's signature, the attachments, every event and chain. */
function checked(bundle: BundleHead, entries: Entries): VerifiedBundle {
  const m = bundle.manifest;
  const [major, minor] = bundle.version;
  if (major !== BUNDLE_MAJOR) throw bad(`同步包格式版本（${major}）不受本程序支持。`, `unknown major version ${major}`);
  if (minor < 0) throw bad(`同步包格式版本（${major}.${minor}）不对。`, `negative minor version ${minor}`);
  const evidenceBytes = Object.values(m.attachments ?? {}).reduce((n, size) => n + size, 0);
  if (evidenceBytes > MAX_ATTACHMENT_BYTES) throw bad(`同步包携带的附件过多（合计超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB），已拒绝导入。`, `attachments of ${evidenceBytes} bytes`);
  if (!verifySignature(m.exporterKey, signedPart(bundle.format, bundle.version, m), bundle.signature)) {
    throw bad('同步包的签名无效：它不是由所声称的单位导出的，或已被改动。', 'manifest signature invalid');
  }
  if (m.keys[m.exporter] !== undefined && m.keys[m.exporter] !== m.exporterKey) throw bad('同步包中导出单位的密钥前后不一致。', 'exporter key mismatch');

  const listed = Object.keys(m.attachments ?? {}).sort();
  const carried = Object.keys(bundle.attachments ?? {}).sort();
  if (listed.join() !== carried.join()) throw bad('同步包中的附件与清单不符。', 'attachments do not match the manifest');
  for (const [hash, b64] of Object.entries(bundle.attachments ?? {})) {
    const bytes = Buffer.from(b64, 'base64');
    if (bytes.length !== m.attachments![hash] || sha256Hex(bytes) !== hash) throw bad('同步包中的附件已损坏或被改动。', `attachment ${hash} mismatch`);
  }

  const events: SealedEvent[] = new Array(entries.count);
  const replicas = new Map<string, string>();
  for (let i = 0; i < entries.count; i++) {
    const text = entries.body(i);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw bad(`同步包第 ${i + 1} 条记录已损坏。`, `event ${i} body not JSON`);
    }
    const event = asLedgerEvent(body);
    // Exactly the canonical bytes: no duplicate keys, no __proto__ games, no second meaning of the same record.
    if (!event || !canonical(body as Json, text, i)) throw bad(`同步包第 ${i + 1} 条记录格式不对。`, `event ${i} not canonical`);
    if (!m.keys[event.replica]) throw bad(`同步包第 ${i + 1} 条记录缺少作者的公钥。`, `no key for ${event.replica}`);
    const range = m.ranges[event.replica];
    if (!range || event.seq < range[0] || event.seq > range[1]) throw bad('同步包的记录与清单范围不符。', `event ${event.replica}#${event.seq} outside range`);
    // One copy of each author's id and of each hash, where the parse made one per event: 13 MB of 100,000.
    event.replica = replicas.get(event.replica) ?? (replicas.set(event.replica, event.replica), event.replica);
    const before = events[i - 1];
    if (before && before.hash === event.prevHash) event.prevHash = before.hash;
    events[i] = sealReceived(event, text, entries.sig(i), entries.at(i));
  }
  verifyChains(events, m.keys);
  return { bundle, events };
}

/** Whether the body is its value's canonical text; a value nested deeper than the stack allows is refused as such. */
function canonical(value: Json, text: string, i: number): boolean {
  try {
    return isCanonicalText(value, text);
  } catch (err) {
    if (err instanceof RangeError) throw bad(`同步包第 ${i + 1} 条记录嵌套过深，不是本程序写出的。`, `event ${i}: ${err.message}`);
    throw err;
  }
}

/**
 * Each author's events form a hash chain (every body names the hash of the one before). Within the bundle the
 * links are checked, and the signature of the last event of each unbroken run: it covers the previous hash,
 * which covers the body before, and so on — one signature authenticates the whole run, as a signed log head
 * does. (Checking every signature cost ~145 µs an event here, ten times a raw insert.) A run starts wherever
 * the bundle skips numbers; where it continues the receiver's log, ingest checks the link to that log's head.
 */
function verifyChains(events: readonly SealedEvent[], keys: Record<string, string>): void {
  const order = events.map((_, i) => i);
  order.sort((a, b) => {
    const x = events[a]!.event;
    const y = events[b]!.event;
    return x.replica < y.replica ? -1 : x.replica > y.replica ? 1 : x.seq - y.seq;
  });
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const s = events[i]!;
    const next = k + 1 < order.length ? events[order[k + 1]!]! : undefined;
    const sameAuthor = next?.event.replica === s.event.replica;
    if (sameAuthor && next.event.seq === s.event.seq) throw bad('同步包中有重复的记录。', `duplicate ${s.event.replica}#${s.event.seq}`);
    if (sameAuthor && next.event.seq === s.event.seq + 1) {
      if (next.event.prevHash !== s.hash) {
        throw bad(`同步包第 ${order[k + 1]! + 1} 条记录与前一条衔接不上，已被改动。`, `chain broken at ${s.event.replica}#${next.event.seq}`);
      }
      continue;
    }
    // The end of a run: its signature vouches for every event before it in the run.
    if (!verifySignature(keys[s.event.replica]!, s.body, s.sig!)) {
      throw bad(`同步包第 ${i + 1} 条记录的签名无效，已被改动。`, `event ${s.event.replica}#${s.event.seq} signature invalid`);
    }
  }
}

/** The long way: the parsed events serialised again must be the text the manifest hashes. */
function eventsMatchManifest(bundle: Bundle, length: number, sha256: string): boolean {
  const text = Buffer.from(canonicalEventsJson(bundle.events), 'utf8');
  return text.length === length && sha256Hex(text) === sha256;
}
