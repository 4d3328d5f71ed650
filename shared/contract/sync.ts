// Offices exchanging signed bundles on USB sticks: making and reading bundles, keys and their grants,
// quarantined records and their release, concurrent edits settled by a person.
import { z } from 'zod';
import { TEXT_MAX, writtenText } from '../limits';
import { empty, OK, outgoingFileSchema, pickedFileSchema } from './common';

export const syncContract = {
  'sync.info': {
    input: empty,
    output: z.object({
      replicaId: z.string(),
      fingerprint: z.string(),
      office: z.string(),
      ownEvents: z.number().int(),
      peers: z.array(
        z.object({
          replica: z.string(),
          office: z.string(),
          fingerprint: z.string(),
          pinnedAt: z.string(),
          lastImportAt: z.string(),
          lastExportAt: z.string(),
          /** This office's own changes the peer is not known to have. */
          unsent: z.number().int(),
          /** The office, role and battle its events are judged by: the centre's grant, else the one confirmed here. */
          grantedOffice: z.string(),
          role: z.string(),
          battle: z.number().int(),
          grantedBy: z.enum(['center', 'pin']),
        }),
      ),
      history: z.array(
        z.object({ bundleId: z.string(), fileName: z.string(), exporter: z.string(), office: z.string(), importedAt: z.string(), applied: z.number().int(), skipped: z.number().int() }),
      ),
      /** kind: role (its author may not write it), content (malformed, never folded), clock (时间异常, held). */
      quarantined: z.array(
        z.object({ eventId: z.string(), replica: z.string(), office: z.string(), seq: z.number().int(), entity: z.string(), reason: z.string(), at: z.string(), kind: z.enum(['role', 'content', 'clock']) }),
      ),
      /** The centre's releases of quarantined or held records: which, by whom, when and why. */
      releases: z.array(z.object({ eventId: z.string(), office: z.string(), reason: z.string(), releasedOn: z.string(), applied: z.boolean() })),
      /** Concurrent edits of one field not yet looked at by a person. */
      conflicts: z.array(z.object({ id: z.string(), what: z.string(), field: z.string(), kept: z.string(), keptBy: z.string(), other: z.string(), otherBy: z.string() })),
    }),
  },
  /** The centre releases a quarantined or held record (not a malformed one), with its reason: synced like any change. */
  'sync.release': { input: z.object({ eventId: z.string().min(1).max(64), reason: writtenText(TEXT_MAX.shortReason, '请写明放行的理由（至少两个字）') }).strict(), output: z.object({ released: z.number().int() }) },
  /** The centre grants an installation's key its office, role and battle (e.g. after a reassignment): synced. */
  'sync.grant': {
    input: z
      .object({
        replica: z.string().regex(/^[0-9a-f-]{36}$/),
        office: z.string().trim().min(1).max(TEXT_MAX.unit),
        role: z.enum(['center', 'taskforce', 'unit']),
        battle: z.number().int().min(0).max(99).default(0),
        reason: writtenText(TEXT_MAX.shortReason, '请写明确认的理由（至少两个字）'),
      })
      .strict(),
    output: z.object({ released: z.number().int() }),
  },
  'conflicts.settle': { input: z.object({ id: z.string().min(1), useOther: z.boolean() }).strict(), output: OK },
  /** Makes a bundle (for one peer, or full) and hands it over to be saved on the stick. */
  'sync.export': {
    input: z.object({ forPeer: z.string().optional() }).strict(),
    output: z.object({ file: outgoingFileSchema, count: z.number().int() }),
  },
  'sync.import': {
    input: z
      .object({ file: pickedFileSchema, dryRun: z.boolean(), trust: z.boolean().default(false) })
      .strict(),
    output: z.object({
      exporter: z.string(),
      exporterOffice: z.string(),
      createdAt: z.string(),
      /** Each new key with the office, role and battle it announces: confirming the fingerprint grants them. */
      newKeys: z.array(
        z.object({
          replica: z.string(),
          fingerprint: z.string(),
          office: z.string(),
          role: z.string(),
          battle: z.number().int(),
          /** The fingerprint of a key already trusted for the same office (or as the centre), if any. */
          sameOfficeAs: z.string(),
        }),
      ),
      events: z.number().int(),
      applied: z.number().int(),
      skipped: z.number().int(),
      quarantined: z.number().int(),
      released: z.number().int(),
      byEntity: z.record(z.string(), z.number().int()),
      tasks: z.array(z.string()),
      gaps: z.array(z.object({ replica: z.string(), from: z.number().int(), to: z.number().int() })),
      futureClocks: z.number().int(),
      alreadyImported: z.boolean(),
      saved: z.boolean(),
    }),
  },
} as const;
