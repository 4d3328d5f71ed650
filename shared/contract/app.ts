// The installation itself: version and store, who this office is, the ledger date and thresholds, units.
import { z } from 'zod';
import { unitSchema } from '../domain';
import { identityInputSchema, identitySchema, settingsSchema } from '../workflow';
import { empty } from './common';

export const appContract = {
  'app.info': {
    input: empty,
    output: z.object({
      version: z.string(),
      storePath: z.string(),
      replicaId: z.string(),
      schemaVersion: z.number().int(),
      eventCount: z.number().int().nonnegative(),
    }),
  },
  'identity.get': { input: empty, output: z.object({ identity: identitySchema.nullable() }) },
  'identity.set': { input: identityInputSchema, output: identitySchema },
  'settings.get': { input: empty, output: settingsSchema },
  'settings.set': { input: settingsSchema.partial().strict(), output: settingsSchema },
  'units.list': { input: empty, output: z.object({ units: z.array(unitSchema) }) },
} as const;
