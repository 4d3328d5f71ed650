// 问题清单 and 领导批示: the shapes the screens and the CLI read.
import { z } from 'zod';
import { taskItemFields } from './workflow';

export const problemSources = ['manual', 'meeting', 'report'] as const;
export const problemSourceLabel: Record<(typeof problemSources)[number], string> = { manual: '日常发现', meeting: '调度会', report: '进展报告' };

export const problemSchema = z.object({
  ...taskItemFields,
  source: z.enum(problemSources),
  text: z.string(),
  foundOn: z.string(),
  deadline: z.string(),
  state: z.enum(['open', 'cleared']),
  overdue: z.boolean(),
  clearedOn: z.string(),
  statement: z.string(),
});
export type Problem = z.infer<typeof problemSchema>;

/** 领导批示 on a task: who, when, what, the office it is assigned to, the reply due and the reply. */
export const instructionSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  taskCode: z.string(),
  taskTitle: z.string(),
  battle: z.number().int(),
  leader: z.string(),
  givenOn: z.string(),
  text: z.string(),
  unit: z.string(),
  replyBy: z.string(),
  reply: z.string(),
  repliedOn: z.string(),
  /** No reply and the reply date passed at the ledger date. */
  overdue: z.boolean(),
});
export type Instruction = z.infer<typeof instructionSchema>;

export const problemCountSchema = z.object({ key: z.string(), open: z.number().int(), overdue: z.number().int(), cleared: z.number().int() });

