// Canonical JSON: sorted keys, no whitespace. Two replicas serialising the same event get the same bytes,
// so the hash (and later the signature) is over something both sides can recompute.
import { hash } from 'node:crypto';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`non-finite number in event: ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as Json)}`).join(',')}}`;
}

/**
 * Whether `text` is exactly the canonical form of `value` (parsed from it). The native stringify gives the same
 * bytes whenever every object's keys already come in sorted order, which is checked by a walk; only otherwise
 * (integer-like keys, which engines enumerate first) is the canonical form built.
 */
export function isCanonicalText(value: Json, text: string): boolean {
  if (keysSorted(value) && JSON.stringify(value) === text) return true;
  return canonicalJson(value) === text;
}

function keysSorted(value: Json): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(keysSorted);
  let prev: string | null = null;
  for (const k of Object.keys(value)) {
    if (prev !== null && !(prev < k)) return false;
    prev = k;
    if (!keysSorted(value[k] as Json)) return false;
  }
  return true;
}

/** SHA-256 in hex, of a text (as UTF-8) or of bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  // The one-shot form: an event's body is hashed a hundred thousand times in a large import.
  return hash('sha256', data, 'hex');
}
