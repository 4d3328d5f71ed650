// The file that travels on a USB stick: a signed manifest and the events, each with its author's signature.
//   { format, version: [major, minor], manifest, signature, events: [{ body, sig }] }
// The manifest names the plan, the exporter and its key, the authors' keys, the seq range per replica, the
// exporter's whole version vector, and the SHA-256 and length of the canonical events array.
import { FILE_MAX_BYTES } from '../../../shared/limits';
import { z } from 'zod';
import { canonicalJson, type Json } from '../events/canonical';

export const BUNDLE_FORMAT = 'zhuanban-bundle';
export const BUNDLE_MAJOR = 1;
export const BUNDLE_MINOR = 0;
/** A year of a prefecture's events fits many times over; a stick full of something else does not. */
export const MAX_BUNDLE_BYTES = FILE_MAX_BYTES.bundle;
/**
 * Evidence files carried in one bundle, added up (as stored, before base64): they travel in the head, parsed as one
 * JSON text, so they are what an import holds in memory at once. Files past it are left for a later bundle.
 */
export const MAX_ATTACHMENT_BYTES = 48 * 1024 * 1024;
/** The head with that much evidence in base64 and a manifest of thousands of offices' keys. */
export const MAX_HEAD_BYTES = Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4 * 1024 * 1024;
/**
 * A file in another layout than the exporter's (re-saved by some tool) is parsed whole, as one string and one
 * value: only up to this size. The exporter's own files are read in place up to MAX_BUNDLE_BYTES.
 */
export const MAX_RESAVED_BUNDLE_BYTES = 64 * 1024 * 1024;
/** Deeper than any bundle or event this program writes (an event nests four levels). */
export const MAX_JSON_DEPTH = 32;

// Canonical base64 only: the unused low bits of the last character could otherwise carry two spellings of
// the same signature, and a bundle would have two byte forms with one meaning.
const b64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]+=*$/)
  .max(512)
  .refine((s) => Buffer.from(s, 'base64').toString('base64') === s, 'non-canonical base64');
const uuid = z.string().regex(/^[0-9a-f-]{36}$/);
const vector = z.record(uuid, z.number().int().nonnegative());

export const manifestSchema = z
  .object({
    bundleId: uuid,
    plan: z.string().min(1).max(100),
    exporter: uuid,
    exporterKey: b64,
    exporterOffice: z.string().max(60),
    for: uuid.nullable(),
    full: z.boolean(),
    createdAt: z.string().max(40),
    vector,
    ranges: z.record(uuid, z.tuple([z.number().int().positive(), z.number().int().positive()])),
    keys: z.record(uuid, b64),
    count: z.number().int().nonnegative(),
    eventsSha256: z.string().regex(/^[0-9a-f]{64}$/),
    eventsBytes: z.number().int().nonnegative(),
    /** Evidence files the events refer to, by SHA-256 → size; their bytes travel in `attachments`. */
    attachments: z.record(z.string().regex(/^[0-9a-f]{64}$/), z.number().int().nonnegative()).optional(),
  })
  .strict();
export type Manifest = z.infer<typeof manifestSchema>;

export const bundleEventSchema = z.object({ body: z.string().min(2).max(1_000_000), sig: b64 }).strict();
export type BundleEvent = z.infer<typeof bundleEventSchema>;

const SIG_B64 = /^[A-Za-z0-9+/]+=*$/;
/** An Ed25519 signature (64 bytes) in canonical base64: the last character before "==" carries no stray bits. */
const ED25519_B64 = /^[A-Za-z0-9+/]{85}[AQgw]==$/;

/**
 * The same rule as bundleEventSchema, by hand: a bundle carries a hundred thousand of these, and a schema
 * library's per-object bookkeeping was a tenth of the whole import.
 */
export function isBundleEvent(e: unknown): e is BundleEvent {
  if (typeof e !== 'object' || e === null || Array.isArray(e)) return false;
  const keys = Object.keys(e);
  if (keys.length !== 2) return false;
  const { body, sig } = e as Record<string, unknown>;
  return isBundleBody(body) && typeof sig === 'string' && isBundleSig(sig);
}

export const isBundleBody = (body: unknown): body is string => typeof body === 'string' && body.length >= 2 && body.length <= 1_000_000;

export function isBundleSig(sig: string): boolean {
  return sig.length <= 512 && (ED25519_B64.test(sig) || (SIG_B64.test(sig) && Buffer.from(sig, 'base64').toString('base64') === sig));
}

const bundleShape = {
  format: z.literal(BUNDLE_FORMAT),
  version: z.tuple([z.number().int(), z.number().int()]),
  manifest: manifestSchema,
  signature: b64,
  attachments: z.record(z.string().regex(/^[0-9a-f]{64}$/), z.string().max(28 * 1024 * 1024)).optional(),
};

export const bundleSchema = z.object({ ...bundleShape, events: z.array(bundleEventSchema) }).strict();
export type Bundle = z.infer<typeof bundleSchema>;

/** Everything but the events, which isBundleEvent checks one by one. */
export const bundleEnvelopeSchema = z.object({ ...bundleShape, events: z.array(z.unknown()) }).strict();

/** The part before the events, read on its own where the file is laid out as the exporter writes it. */
export const bundleHeadSchema = z.object(bundleShape).strict();
export type BundleHead = z.infer<typeof bundleHeadSchema>;

/** What the exporter signs: format, version and manifest together, so none can be altered alone. */
export function signedPart(format: string, version: readonly [number, number], manifest: Manifest): string {
  return canonicalJson({ format, version: [...version], manifest } as unknown as Json);
}

/**
 * The canonical form of [{ body, sig }] with string values is exactly JSON.stringify of objects whose keys are
 * in sorted order (body < sig): one native call instead of a recursive walk over a hundred thousand objects.
 */
export function canonicalEventsJson(events: readonly { body: string; sig: string }[]): string {
  return JSON.stringify(events.map((e) => ({ body: e.body, sig: e.sig })));
}
