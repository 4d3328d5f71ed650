// What the importer shows before anything is saved: the plan, a tree of battles / sections / tasks,
// counts, and everything it could not place.
import { z } from 'zod';

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
