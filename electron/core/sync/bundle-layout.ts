// Recognises a bundle file laid out exactly as the exporter writes it — the head as one JSON object, then
// `,"events":[{"body":"…","sig":"…"},…]}` — and finds where each event stands in it, without making the file
// one JavaScript string: a 79 MB bundle is 140 MB of text in V8's two-byte form, and parsing it whole keeps
// another 110 MB of body strings alive. Anything else returns null, and the verifier reads the file the long way.
import { indexOfIn, sha256Of, type BundleBytes } from './bundle-bytes';
import { bundleHeadSchema, isBundleSig, MAX_HEAD_BYTES, MAX_JSON_DEPTH, type BundleHead } from './bundle-format';
import { scanJson } from './json-scan';

const EVENTS_KEY = Buffer.from(',"events":[');
const EVENT_OPEN = Buffer.from('{"body":"');
const BODY_TO_SIG = Buffer.from('","sig":"');
const SIG_CLOSE = Buffer.from('"}');
const COMMA = 0x2c;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

export interface LaidOutBundle {
  head: BundleHead;
  /** Per event, the body's JSON string literal (quotes included) is file[bodyStart[i], bodyEnd[i]); its signature
   * file[sigStart[i], sigEnd[i]). */
  bodyStart: Uint32Array;
  bodyEnd: Uint32Array;
  sigStart: Uint32Array;
  sigEnd: Uint32Array;
}

/** Where the events would start if the file is laid out as the exporter writes it, and the SHA-256 of what follows. */
export interface Split {
  /** The offset of `,"events":[`: the head is file[0, keyAt). */
  keyAt: number;
  /** Of file[keyAt + 10, length - 1): the events array, if the file is what it seems. */
  eventsSha256: string;
}

/**
 * The split, or null when the file cannot have the exporter's layout. With the head's own hash it identifies the
 * file's bytes exactly, so an import after its preview can tell the same file without hashing it twice.
 */
export function splitAtEvents(file: BundleBytes): Split | null {
  const keyAt = indexOfIn(file, EVENTS_KEY, 0);
  const end = file.size - 1;
  if (keyAt < 0 || byteAt(file, end) !== CLOSE_OBJECT) return null;
  return { keyAt, eventsSha256: sha256Of(file, keyAt + EVENTS_KEY.length - 1, end) };
}

const BASE64 = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') BASE64[c.charCodeAt(0)] = 1;
const ED25519_LAST = new Set([...'AQgw'].map((c) => c.charCodeAt(0)));

/**
 * The usual signature, checked on its bytes (isBundleSig's rule for 64 bytes in canonical base64): a regular
 * expression over a new string per event cost ~50 ms of a 100,000-event bundle.
 */
export function isEd25519Sig(buf: Buffer, start = 0, end = buf.length): boolean {
  if (end - start !== 88 || buf[start + 86] !== 0x3d || buf[start + 87] !== 0x3d || !ED25519_LAST.has(buf[start + 85]!)) return false;
  for (let i = start; i < start + 85; i++) if (buf[i]! >= 128 || !BASE64[buf[i]!]) return false;
  return true;
}

const byteAt = (file: BundleBytes, at: number): number | undefined => (at < file.size ? file.window(at, 1)[at - file.base] : undefined);
const startsWith = (file: BundleBytes, at: number, what: Buffer): boolean => {
  if (at + what.length > file.size) return false;
  const w = file.window(at, what.length);
  const from = at - file.base;
  return w.compare(what, 0, what.length, from, from + what.length) === 0;
};

/**
 * The layout, when the file has it and its events are the bytes the manifest hashes; null otherwise. Inside a
 * valid JSON string every quote is escaped, so `","sig":"` can only be where a body's literal ends: a literal
 * cut anywhere else does not decode, and decoding each literal is the verifier's next step.
 */
export function layOut(file: BundleBytes, split: Split | null = splitAtEvents(file)): LaidOutBundle | null {
  if (!split) return null;
  const { keyAt, eventsSha256 } = split;
  const end = file.size - 1;
  if (keyAt > MAX_HEAD_BYTES) return null;
  let raw: unknown;
  try {
    const headText = `${file.text(0, keyAt, 'utf8')}}`;
    raw = JSON.parse(headText);
    // A key named twice parses to its last value: such a head is read the long way, which refuses it with the reason.
    if (scanJson(headText, MAX_JSON_DEPTH)) return null;
  } catch {
    return null;
  }
  const parsed = bundleHeadSchema.safeParse(raw);
  if (!parsed.success) return null;
  const head = parsed.data;
  const m = head.manifest;
  const open = keyAt + EVENTS_KEY.length - 1;
  if (end - open !== m.eventsBytes || eventsSha256 !== m.eventsSha256) return null;

  const laid = { head, bodyStart: new Uint32Array(m.count), bodyEnd: new Uint32Array(m.count), sigStart: new Uint32Array(m.count), sigEnd: new Uint32Array(m.count) };
  let p = open + 1;
  if (byteAt(file, p) === CLOSE_ARRAY) return p === end - 1 && m.count === 0 ? laid : null;
  for (let i = 0; ; i++) {
    if (i >= m.count || !startsWith(file, p, EVENT_OPEN)) return null;
    const literal = p + EVENT_OPEN.length - 1;
    const mid = indexOfIn(file, BODY_TO_SIG, literal + 1);
    if (mid < 0 || mid >= end) return null;
    const sigAt = mid + BODY_TO_SIG.length;
    const close = indexOfIn(file, SIG_CLOSE, sigAt);
    if (close < 0 || close - sigAt > 512) return null;
    if (!isEd25519Sig(file.window(sigAt, close - sigAt), sigAt - file.base, close - file.base) && !isBundleSig(file.text(sigAt, close, 'latin1'))) return null;
    laid.bodyStart[i] = literal;
    laid.bodyEnd[i] = mid + 1;
    laid.sigStart[i] = sigAt;
    laid.sigEnd[i] = close;
    p = close + SIG_CLOSE.length;
    const next = byteAt(file, p);
    if (next === COMMA) p++;
    else if (next === CLOSE_ARRAY && p === end - 1) return i + 1 === m.count ? laid : null;
    else return null;
  }
}
