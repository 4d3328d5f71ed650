// Implementation plans (实施方案): reading a document into a draft, saving it, choosing the current plan, 结转.
import { z } from 'zod';
import { battleSummarySchema, planInfoSchema } from '../domain';
import { planDraftSchema, planImportResultSchema, planListSchema } from '../plan-import';
import { planSeedSchema } from '../plan-seed';
import { empty, pickedFileSchema } from './common';

export const planContract = {
  'plan.overview': {
    input: empty,
    output: z.object({
      plan: planInfoSchema,
      battles: z.array(battleSummarySchema),
      taskCount: z.number().int().nonnegative(),
      unitCount: z.number().int().nonnegative(),
    }),
  },
  /** Reads an implementation-plan document (.docx/.pdf/.txt) and drafts it; saves it when dryRun is false. */
  'plan.import': { input: z.object({ file: pickedFileSchema, dryRun: z.boolean() }).strict(), output: planImportResultSchema },
  /** Reads a plan document into a draft; nothing is saved. */
  'plan.draft': { input: z.object({ file: pickedFileSchema }).strict(), output: planDraftSchema },
  /** Saves a (possibly edited) draft as a plan of this ledger, in one transaction, and makes it the current plan. */
  'plan.save': {
    input: z.object({ seed: planSeedSchema }).strict(),
    output: planImportResultSchema.extend({ planId: z.string() }),
  },
  'plan.list': { input: empty, output: planListSchema },
  /** First start without a document of one's own: the built-in 吉首 2023 plan. */
  'plan.builtin': { input: empty, output: planImportResultSchema.extend({ planId: z.string() }) },
  /** Unfinished tasks of one plan carried into another (结转), linked to their origin; the centre only. */
  'plan.carryOver': {
    input: z.object({ fromPlanId: z.string().min(1).max(100), toPlanId: z.string().min(1).max(100), taskIds: z.array(z.string().min(1).max(100)).min(1).max(5000) }).strict(),
    output: z.object({ carried: z.array(z.object({ from: z.string(), code: z.string() })) }),
  },
  /** Which plan the pages, documents and figures show (this installation only). */
  'plan.use': { input: z.object({ planId: z.string().min(1).max(100) }).strict(), output: planListSchema },
} as const;
