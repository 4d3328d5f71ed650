// What the importer shows before anything is saved: the plan, a tree of battles / sections / tasks,
// counts, and everything it could not place.
import { z } from 'zod';
import { planSeedSchema } from './plan-seed';

export const planImportResultSchema = z.object({
  plan: z.object({ title: z.string(), docNo: z.string(), issuer: z.string(), issuedOn: z.string() }),
  battles: z.array(
    z.object({
      code: z.number().int(),
      name: z.string(),
      office: z.string(),
      sections: z.array(
        z.object({
          code: z.string(),
          title: z.string(),
          tasks: z.array(z.object({ code: z.string(), title: z.string(), leadUnits: z.array(z.string()), targets: z.number().int() })),
        }),
      ),
    }),
  ),
  counts: z.object({
    battles: z.number().int(),
    sections: z.number().int(),
    tasks: z.number().int(),
    targets: z.number().int(),
    units: z.number().int(),
    newUnits: z.number().int(),
  }),
  problems: z.array(z.string()),
  saved: z.boolean(),
});

export type PlanImportResult = z.infer<typeof planImportResultSchema>;

/** A plan read from a document, before anything is saved: the seed a person may edit, and what was not placed. */
export const planDraftSchema = z.object({
  fileName: z.string(),
  seed: planSeedSchema,
  unplaced: z.array(z.object({ line: z.number().int(), text: z.string(), reason: z.string() })),
  problems: z.array(z.string()),
  newUnits: z.array(z.string()),
  merged: z.array(z.object({ alias: z.string(), name: z.string() })),
});
export type PlanDraft = z.infer<typeof planDraftSchema>;

export const planListSchema = z.object({
  plans: z.array(
    z.object({ id: z.string(), title: z.string(), docNo: z.string(), year: z.number().int(), tasks: z.number().int(), current: z.boolean() }),
  ),
});
export type PlanList = z.infer<typeof planListSchema>;
