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

export interface SealedEvent {
  event: LedgerEvent;
  body: string;
  hash: string;
  /** Ed25519 signature of the author over body; absent only for seed events, which anyone can recompute. */
  sig?: string;
  /**
   * The body as a JSON string literal in UTF-8, where it came so (a bundle file): stored without a JS string.
   * It may be a view of a buffer the next read of that file reuses: bind it at once.
   */
  bodyLiteral?: Uint8Array;
}

export function sealEvent(event: LedgerEvent): SealedEvent {
  const body = canonicalJson(event as unknown as Json);
  return { event, body, hash: sha256Hex(body) };
}

/**
 * Where a received event's body stands in the file it came in, as a JSON string literal: file[bodyStart, bodyEnd).
 * A bundle of 100,000 events holds ~110 MB of body text as JavaScript strings; kept as places in the file, each
 * body is a string only while it is checked. The bytes must not change while events refer to them.
 */
export interface PlaceInFile {
  /** The file's bytes, in memory or read from disk where they are asked for (valid until the next read). */
  file: { slice(start: number, end: number): Buffer; text(start: number, end: number, encoding: 'utf8'): string };
  bodyStart: number;
  bodyEnd: number;
}

/**
 * A sealed event whose hash this process computed from its body: no need to hash it again. A class, so the mark
 * is the object's own kind — a set of 100,000 weak references cost the garbage collector more.
 */
class ReceivedEvent implements SealedEvent {
  readonly hash: string;
  readonly #text: string | null;
  // The place's parts as the object's own fields: a place object per event would be kept 100,000 times.
  readonly #file: PlaceInFile['file'] | null;
  readonly #bodyStart: number;
  readonly #bodyEnd: number;
  constructor(
    readonly event: LedgerEvent,
    body: string,
    readonly sig: string,
    place: PlaceInFile | null,
  ) {
    this.hash = sha256Hex(body);
    this.#text = place ? null : body;
    this.#file = place?.file ?? null;
    this.#bodyStart = place?.bodyStart ?? 0;
    this.#bodyEnd = place?.bodyEnd ?? 0;
    Object.freeze(this);
  }

  get body(): string {
    return this.#text ?? (JSON.parse(this.#file!.text(this.#bodyStart, this.#bodyEnd, 'utf8')) as string);
  }

  /** Valid until the file is read again: bind it at once. */
  get bodyLiteral(): Uint8Array | undefined {
    return this.#file?.slice(this.#bodyStart, this.#bodyEnd);
  }
}

/**
 * An event read from elsewhere, with the hash of its exact body; frozen, so body and hash stay a pair. Given
 * where the body stands in its file, it is read from there again when needed instead of kept.
 */
export function sealReceived(event: LedgerEvent, body: string, sig: string, place: PlaceInFile | null = null): SealedEvent {
  return new ReceivedEvent(event, body, sig, place);
}

export function hashIsChecked(s: SealedEvent): boolean {
  return s instanceof ReceivedEvent;
}
