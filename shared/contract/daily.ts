// Channels of the daily work (shared/daily.ts): 我的待办, 报送率, taking back and answering 销号 requests, and
// voiding records entered by mistake.
import { z } from 'zod';
import { reportingSchema, todoSchema, voidableEntities, voidedRecordSchema } from '../daily';
import { periodSchema } from '../workflow';
import { instructionSchema } from '../dispatch';

const OK = z.object({ ok: z.literal(true) });

export const dailyContract = {
  'todo.get': { input: z.object({}).strict(), output: todoSchema },
  /** Which units reported for a period (a 旬 or a month); the current 旬 when none is given. */
  'reporting.get': { input: z.object({ period: periodSchema.optional() }).strict(), output: reportingSchema },
  /** 催报: a record to each unit not reported for the period (or those named), carried by the next bundle. */
  'reporting.urge': {
    input: z.object({ period: periodSchema, units: z.array(z.string().max(60)).max(500).optional() }).strict(),
    output: z.object({ units: z.array(z.string()) }),
  },
  /** The requesting unit takes back its pending 销号 request. */
  'closeout.withdraw': { input: z.object({ taskId: z.string().min(1).max(100) }).strict(), output: OK },
  /** The requesting unit answers a rejection. */
  'closeout.answer': { input: z.object({ taskId: z.string().min(1).max(100), answer: z.string().max(2000) }).strict(), output: OK },
  /** 作废 with a reason: the record leaves lists and counts and stays in the audit trail. */
  'record.void': {
    input: z.object({ entity: z.enum(voidableEntities), id: z.string().min(1).max(100), reason: z.string().max(500) }).strict(),
    output: z.object({ voided: z.number().int() }),
  },
  /** 领导批示 of the current plan (of one task when given), newest first. */
  'instructions.list': { input: z.object({ taskId: z.string().min(1).max(100).optional() }).strict(), output: z.object({ instructions: z.array(instructionSchema) }) },
  'instruction.add': {
    input: z
      .object({
        taskId: z.string().min(1).max(100),
        leader: z.string().max(40),
        givenOn: z.string().max(10).optional(),
        text: z.string().max(2000),
        unit: z.string().max(60).optional(),
        replyBy: z.string().max(10),
      })
      .strict(),
    output: z.object({ id: z.string() }),
  },
  'instruction.reply': { input: z.object({ id: z.string().min(1).max(100), reply: z.string().max(2000) }).strict(), output: OK },
  /** Records voided in the current plan, newest first. */
  'voided.list': { input: z.object({}).strict(), output: z.object({ records: z.array(voidedRecordSchema) }) },
} as const;
