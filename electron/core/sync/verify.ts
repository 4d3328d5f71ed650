// Checks a bundle file on its own, in the order that fails cheapest first: size → encoding → JSON → format
// and version → strict schema → SHA-256 and length of the events → manifest signature → each event's
// signature and exact canonical bytes. Any failure is an AppError with the reason in Chinese.
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { createHash } from 'node:crypto';
import { canonicalJson, sha256Hex, type Json } from '../events/canonical';
import type { LedgerEvent, SealedEvent } from '../events/event';
import { BUNDLE_FORMAT, BUNDLE_MAJOR, BUNDLE_MINOR, bundleSchema, canonicalEventsJson, MAX_BUNDLE_BYTES, signedPart, type Bundle } from './bundle-format';
import { verifySignature } from './keys';

const bad = (message: string, detail: string) => new AppError('bad_input', message, detail);

const eventShape = z
  .object({
    id: z.string().min(1).max(64),
    replica: z.string().regex(/^[0-9a-f-]{36}$/),
    seq: z.number().int().positive(),
    prevHash: z.string().regex(/^[0-9a-f]{64}$/),
    hlc: z.string().regex(/^\d{15}:\d{6}$/),
    entity: z.string().max(40),
    entityId: z.string().min(1).max(64),
    op: z.enum(['put', 'delete']),
    fields: z.record(z.string().max(64), z.unknown()),
    basis: z.record(z.string().max(64), z.string().max(80)).optional(),
    schemaVersion: z.number().int().positive(),
  })
  .strict();

export interface VerifiedBundle {
  bundle: Bundle;
  events: SealedEvent[];
}

export function verifyBundleBytes(bytes: Uint8Array): VerifiedBundle {
  if (bytes.byteLength === 0) throw bad('文件是空的，不是同步包。', 'empty file');
  if (bytes.byteLength > MAX_BUNDLE_BYTES) throw bad('文件过大，不是正常的同步包。', `file of ${bytes.byteLength} bytes over the cap`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw bad('文件编码不对，不是同步包。', 'not UTF-8');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw bad('同步包不完整或已损坏（可能复制时被截断），请重新导出后再导入。', `JSON: ${(err as Error).message}`);
  }
  const head = raw as { format?: unknown; version?: unknown };
  if (typeof raw !== 'object' || raw === null || head.format !== BUNDLE_FORMAT) throw bad('这不是专班台账的同步包。', 'not a bundle');
  const version = Array.isArray(head.version) ? head.version : [];
  if (version[0] !== BUNDLE_MAJOR) throw bad(`同步包格式版本（${String(version[0])}）不受本程序支持。`, `unknown major version ${String(version[0])}`);
  const parsed = bundleSchema.safeParse(raw);
  if (!parsed.success) {
    if (typeof version[1] === 'number' && version[1] > BUNDLE_MINOR) {
      throw bad('这个同步包由更新版本的专班台账导出，含本程序不认识的内容，请升级后再导入。', `minor ${version[1]} with unknown fields`);
    }
    throw bad('同步包内容不符合格式，可能被改动过。', parsed.error.issues[0]?.message ?? 'schema');
  }
  const bundle = parsed.data;
  const m = bundle.manifest;
  // The schema made every event { body: string, sig: string }: its canonical text is one native stringify.
  const eventsText = canonicalEventsJson(bundle.events);
  if (Buffer.byteLength(eventsText, 'utf8') !== m.eventsBytes || sha256Hex(eventsText) !== m.eventsSha256 || bundle.events.length !== m.count) {
    throw bad('同步包内容与其清单不符，已被改动或损坏。', 'events hash/length/count mismatch');
  }
  if (!verifySignature(m.exporterKey, signedPart(bundle.format, bundle.version, m), bundle.signature)) {
    throw bad('同步包的签名无效：它不是由所声称的单位导出的，或已被改动。', 'manifest signature invalid');
  }
  if (m.keys[m.exporter] !== undefined && m.keys[m.exporter] !== m.exporterKey) throw bad('同步包中导出单位的密钥前后不一致。', 'exporter key mismatch');

  const listed = Object.keys(m.attachments ?? {}).sort();
  const carried = Object.keys(bundle.attachments ?? {}).sort();
  if (listed.join() !== carried.join()) throw bad('同步包中的附件与清单不符。', 'attachments do not match the manifest');
  for (const [hash, b64] of Object.entries(bundle.attachments ?? {})) {
    const bytes = Buffer.from(b64, 'base64');
    if (bytes.length !== m.attachments![hash] || sha256Bytes(bytes) !== hash) throw bad('同步包中的附件已损坏或被改动。', `attachment ${hash} mismatch`);
  }

  const events = bundle.events.map((e, i): SealedEvent => {
    let body: unknown;
    try {
      body = JSON.parse(e.body);
    } catch {
      throw bad(`同步包第 ${i + 1} 条记录已损坏。`, `event ${i} body not JSON`);
    }
    const shape = eventShape.safeParse(body);
    // Exactly the canonical bytes: no duplicate keys, no __proto__ games, no second meaning of the same record.
    if (!shape.success || canonicalJson(body as Json) !== e.body) throw bad(`同步包第 ${i + 1} 条记录格式不对。`, `event ${i} not canonical`);
    const event = shape.data as LedgerEvent;
    const key = m.keys[event.replica];
    if (!key) throw bad(`同步包第 ${i + 1} 条记录缺少作者的公钥。`, `no key for ${event.replica}`);
    if (!verifySignature(key, e.body, e.sig)) throw bad(`同步包第 ${i + 1} 条记录的签名无效，已被改动。`, `event ${event.replica}#${event.seq} signature invalid`);
    const range = m.ranges[event.replica];
    if (!range || event.seq < range[0] || event.seq > range[1]) throw bad('同步包的记录与清单范围不符。', `event ${event.replica}#${event.seq} outside range`);
    return { event, body: e.body, hash: sha256Hex(e.body), sig: e.sig };
  });
  return { bundle, events };
}

function sha256Bytes(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
