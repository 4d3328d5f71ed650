// The shape of a plan as data: what the importer drafts from a document, what a person edits in the draft,
// what seeds/ ships, and what is loaded into a store. Units are referred to by canonical name; ids are derived
// when it is loaded.
import { z } from 'zod';
import { targetSchema, taskRowSchema } from './domain';
import { milestoneSchema } from './workflow';

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
    battles: z.array(
      z.object({
        code: z.number().int().min(1).max(99),
        name: z.string(),
        shortName: z.string(),
        office: z.string(),
        /** The battle's paragraph of the main plan's 主要目标. */
        goals: z.string(),
        annexTitle: z.string(),
        /** The annex's own 工作目标. */
        annexGoals: z.string(),
        conveners: z.string(),
        memberUnits: z.array(z.string()),
        targets: z.array(seedTarget),
      }),
    ),
    units: z.array(z.object({ name: z.string().min(1), aliases: z.array(z.string()), kind: z.enum(['unit', 'group']) })),
    sections: z.array(
      z.object({ battle: z.number().int(), code: z.string(), title: z.string(), content: z.string(), targets: z.array(seedTarget) }),
    ),
    tasks: z.array(
      taskRowSchema
        .pick({
          code: true,
          battle: true,
          section: true,
          group: true,
          title: true,
          content: true,
          listType: true,
          leadUnits: true,
          coUnits: true,
          clause: true,
          leadByOrder: true,
        })
        .extend({
          targets: z.array(seedTarget),
          /** Read from the document ("6月底前" → its date); absent in the built-in seed's older form. */
          dueDate: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.literal('')]).optional(),
          milestones: z.array(milestoneSchema).max(24).optional(),
          /** "每季度": work that recurs; kept with the clause, as the ledger has no schedule of its own. */
          recurring: z.string().max(20).optional(),
          /** The code of the task this one breaks down (a 任务分解表 row under its text item). */
          parent: z.string().optional(),
          /** The document line the task starts on, for review. */
          sourceLine: z.number().int().min(0).optional(),
        }),
    ),
  })
  .strict();

export type PlanSeed = z.infer<typeof planSeedSchema>;
export type SeedTarget = z.infer<typeof seedTarget>;
export type SeedTask = PlanSeed['tasks'][number];

/**
 * A plan's code, from which its records' ids are derived: its 文号; a plan without one (a 任务清单 published
 * as a web page) by its title and date, so two such plans of the same title are still two plans.
 */
export function planCode(plan: { docNo: string; title: string; issuedOn: string }): string {
  return plan.docNo || `${plan.title}（${plan.issuedOn}）`;
}
