// 领导批示 on a task: recorded by the office running the battle, answered by the office assigned.
import { z } from 'zod';
import { TEXT_MAX, writtenText } from '../limits';
import { instructionSchema } from '../problems';
import { isoDateSchema } from '../workflow';
import { OK } from './common';

export const instructionsContract = {
  /** 领导批示 of the current plan (of one task when given), newest first. */
  'instructions.list': { input: z.object({ taskId: z.string().min(1).max(100).optional() }).strict(), output: z.object({ instructions: z.array(instructionSchema) }) },
  'instruction.add': {
    input: z
      .object({
        taskId: z.string().min(1).max(100),
        leader: writtenText(TEXT_MAX.leader, '请写明作出批示的领导（如：市长 张某某）'),
        givenOn: isoDateSchema.optional(),
        text: writtenText(TEXT_MAX.statement, '请写明批示内容'),
        unit: z.string().max(TEXT_MAX.unit).optional(),
        replyBy: isoDateSchema,
      })
      .strict(),
    output: z.object({ id: z.string() }),
  },
  'instruction.reply': { input: z.object({ id: z.string().min(1).max(100), reply: writtenText(TEXT_MAX.statement, '请写明落实情况') }).strict(), output: OK },
} as const;
