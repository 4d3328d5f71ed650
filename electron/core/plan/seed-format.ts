// The shape of a seeded plan file in seeds/. Units are referred to by canonical name; ids are derived
// when the seed is loaded, so the file stays readable and diffable.
import { z } from 'zod';
import { targetSchema, taskRowSchema } from '../../../shared/domain';

// Seeds carry the same target and task fields as the contract, minus what is derived on loading (ids).
const seedTarget = targetSchema.omit({ id: true });

export const planSeedSchema = z
  .object({
    format: z.literal('zhuanban-plan-seed'),
    version: z.literal(1),
    plan: z.object({
      code: z.string().min(1),
      title: z.string(),
      docNo: z.string(),
      issuer: z.string(),
      issuedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      year: z.number().int(),
    }),
    battles: z
      .array(
        z.object({
          code: z.number().int().min(1).max(6),
          name: z.string(),
          shortName: z.string(),
          office: z.string(),
          goals: z.string(),
          targets: z.array(seedTarget),
        }),
      )
      .length(6),
    units: z.array(z.object({ name: z.string().min(1), aliases: z.array(z.string()) })),
    sections: z.array(
      z.object({ battle: z.number().int(), code: z.string(), title: z.string(), content: z.string(), targets: z.array(seedTarget) }),
    ),
    tasks: z.array(
      taskRowSchema
        .pick({ code: true, battle: true, section: true, title: true, content: true, listType: true, leadUnits: true, coUnits: true })
        .extend({ targets: z.array(seedTarget) }),
    ),
  })
  .strict();

export type PlanSeed = z.infer<typeof planSeedSchema>;
export type SeedTarget = z.infer<typeof seedTarget>;
