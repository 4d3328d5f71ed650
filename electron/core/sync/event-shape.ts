// The shape every event in a bundle must have, checked by hand: this runs once per event of a bundle that may
// hold a hundred thousand, where a schema library's per-object bookkeeping cost more than the rest of the check.
import type { LedgerEvent } from '../events/event';

const KEYS = new Set(['id', 'replica', 'seq', 'prevHash', 'hlc', 'entity', 'entityId', 'op', 'fields', 'basis', 'schemaVersion']);
const UUID = /^[0-9a-f-]{36}$/;
const HASH = /^[0-9a-f]{64}$/;
const HLC = /^\d{15}:\d{6}$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, min: number, max: number): v is string => typeof v === 'string' && v.length >= min && v.length <= max;
const positiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

/** The event, or null when anything is missing, extra or of the wrong kind. */
export function asLedgerEvent(v: unknown): LedgerEvent | null {
  if (!isRecord(v)) return null;
  for (const k of Object.keys(v)) if (!KEYS.has(k)) return null;
  const e = v;
  if (!text(e.id, 1, 64) || !text(e.replica, 36, 36) || !UUID.test(e.replica)) return null;
  if (!positiveInt(e.seq) || !positiveInt(e.schemaVersion)) return null;
  if (typeof e.prevHash !== 'string' || !HASH.test(e.prevHash)) return null;
  if (typeof e.hlc !== 'string' || !HLC.test(e.hlc)) return null;
  if (!text(e.entity, 0, 40) || !text(e.entityId, 1, 64)) return null;
  if (e.op !== 'put' && e.op !== 'delete') return null;
  if (!isRecord(e.fields)) return null;
  for (const k of Object.keys(e.fields)) if (k.length > 64) return null;
  if (e.basis !== undefined) {
    if (!isRecord(e.basis)) return null;
    for (const [k, b] of Object.entries(e.basis)) if (k.length > 64 || !text(b, 0, 80)) return null;
  }
  return e as unknown as LedgerEvent;
}
