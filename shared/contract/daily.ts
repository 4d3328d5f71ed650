// The daily work (shared/daily.ts): 我的待办, 报送率 and 催报, taking back and answering 销号 requests, and voiding
// records entered by mistake.
import { z } from 'zod';
import { reportingSchema, todoSchema, voidableEntities, voidedRecordSchema } from '../daily';
import { TEXT_MAX, writtenText } from '../limits';
import { periodSchema, voidReasonSchema } from '../workflow';
import { empty, OK } from './common';

export const dailyContract = {
  'todo.get': { input: empty, output: todoSchema },
  /** Which units reported for a period (a 旬 or a month); the current 旬 when none is given. */
  'reporting.get': { input: z.object({ period: periodSchema.optional() }).strict(), output: reportingSchema },
  /** 催报: a record to each unit not reported for the period (or those named), carried by the next bundle. */
  'reporting.urge': {
    input: z.object({ period: periodSchema, units: z.array(z.string().max(TEXT_MAX.unit)).max(500).optional() }).strict(),
    output: z.object({ units: z.array(z.string()) }),
  },
  /** The requesting unit takes back its pending 销号 request. */
  'closeout.withdraw': { input: z.object({ taskId: z.string().min(1).max(100) }).strict(), output: OK },
  /** The requesting unit answers a rejection. */
  'closeout.answer': {
    input: z.object({ taskId: z.string().min(1).max(100), answer: writtenText(TEXT_MAX.statement, '请写明对退回意见的说明（至少两个字）') }).strict(),
    output: OK,
  },
  /** 作废 with a reason: the record leaves lists and counts and stays in the audit trail. */
  'record.void': {
    input: z.object({ entity: z.enum(voidableEntities), id: z.string().min(1).max(100), reason: voidReasonSchema }).strict(),
    output: z.object({ voided: z.number().int() }),
  },
  /** Records voided in the current plan, newest first. */
  'voided.list': { input: empty, output: z.object({ records: z.array(voidedRecordSchema) }) },
} as const;
