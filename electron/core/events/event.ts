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
}

export function sealEvent(event: LedgerEvent): SealedEvent {
  const body = canonicalJson(event as unknown as Json);
  return { event, body, hash: sha256Hex(body) };
}

/**
 * A sealed event whose hash this process computed from its (frozen) body: no need to hash it again. A class, so
 * the mark is the object's own kind — a set of 100,000 weak references cost the garbage collector more.
 */
class ReceivedEvent implements SealedEvent {
  readonly hash: string;
  constructor(
    readonly event: LedgerEvent,
    readonly body: string,
    readonly sig: string,
  ) {
    this.hash = sha256Hex(body);
    Object.freeze(this);
  }
}

/** An event read from elsewhere, with the hash of its exact body; frozen, so body and hash stay a pair. */
export function sealReceived(event: LedgerEvent, body: string, sig: string): SealedEvent {
  return new ReceivedEvent(event, body, sig);
}

export function hashIsChecked(s: SealedEvent): boolean {
  return s instanceof ReceivedEvent;
}
