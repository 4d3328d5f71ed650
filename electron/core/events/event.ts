// One change, as stored in a replica's append-only log and as it will travel in bundles.
import { canonicalJson, sha256Hex, type Json } from './canonical';

export const EVENT_SCHEMA_VERSION = 1;
export const GENESIS_HASH = '0'.repeat(64);

export type EventOp = 'put' | 'delete';

export interface EventDraft {
  entity: string;
  entityId: string;
  op: EventOp;
  fields: Record<string, Json>;
}

export interface LedgerEvent extends EventDraft {
  /** Per field written: the clock ("hlc|replica") of the value it replaced as its author saw it. */
  basis?: Record<string, string>;
  id: string;
  replica: string;
  seq: number;
  prevHash: string;
  hlc: string;
  schemaVersion: number;
}

export function sealEvent(event: LedgerEvent): SealedEvent {
  const body = canonicalJson(event as unknown as Json);
  return { event, body, hash: sha256Hex(body) };
}

export interface SealedEvent {
  event: LedgerEvent;
  body: string;
  hash: string;
  /** Ed25519 signature of the author over body; absent only for seed events, which anyone can recompute. */
  sig?: string;
  /** The body as a JSON string literal in UTF-8, where it came so (a bundle file): stored without a JS string. */
  bodyLiteral?: Uint8Array;
}

/**
 * Where a received body stands in the file it came in, as a JSON string literal: file[start, end). A bundle of
 * 100,000 events holds ~110 MB of body text as JavaScript strings; kept as places in the file, each body is a
 * string only while it is checked. The bytes must not change while events refer to them.
 */
export interface BodyPlace {
  file: Buffer;
  start: number;
  end: number;
}

/**
 * A sealed event whose hash this process computed from its body: no need to hash it again. A class, so the mark
 * is the object's own kind — a set of 100,000 weak references cost the garbage collector more.
 */
class ReceivedEvent implements SealedEvent {
  readonly hash: string;
  readonly #text: string | null;
  readonly #place: BodyPlace | null;
  constructor(
    readonly event: LedgerEvent,
    body: string,
    readonly sig: string,
    place: BodyPlace | null,
  ) {
    this.hash = sha256Hex(body);
    this.#text = place ? null : body;
    this.#place = place;
    Object.freeze(this);
  }

  get body(): string {
    const p = this.#place;
    return this.#text ?? (JSON.parse(p!.file.toString('utf8', p!.start, p!.end)) as string);
  }

  get bodyLiteral(): Uint8Array | undefined {
    const p = this.#place;
    return p ? p.file.subarray(p.start, p.end) : undefined;
  }
}

/**
 * An event read from elsewhere, with the hash of its exact body; frozen, so body and hash stay a pair. Given
 * where the body stands in its file, the body is read from there again when it is needed instead of kept.
 */
export function sealReceived(event: LedgerEvent, body: string, sig: string, place: BodyPlace | null = null): SealedEvent {
  return new ReceivedEvent(event, body, sig, place);
}

export function hashIsChecked(s: SealedEvent): boolean {
  return s instanceof ReceivedEvent;
}
