// 问题清单, 督办 and 调度分析会: the shapes the screens and the CLI read.
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

/** urge: a 催报 to a unit that has not reported for a period, made from 报送情况. */
export const supervisionKinds = ['commend', 'notice', 'interview', 'urge'] as const;
export type SupervisionKind = (typeof supervisionKinds)[number];
export const supervisionKindLabel: Record<SupervisionKind, string> = { commend: '通报表扬', notice: '督办单', interview: '约谈', urge: '催报' };

export const supervisionSchema = z.object({
  id: z.string(),
  kind: z.enum(supervisionKinds),
  unit: z.string(),
  tasks: z.array(z.object({ id: z.string(), code: z.string(), title: z.string() })),
  matter: z.string(),
  number: z.number().int(),
  deadline: z.string(),
  reply: z.string(),
  heldOn: z.string(),
  participants: z.string(),
  outcome: z.string(),
  by: z.string(),
  at: z.string(),
});
export type Supervision = z.infer<typeof supervisionSchema>;

export const candidateSchema = z.object({ kind: z.enum(supervisionKinds), unit: z.string(), reason: z.string(), taskIds: z.array(z.string()) });
export type Candidate = z.infer<typeof candidateSchema>;

export const unitRankSchema = z.object({
  rank: z.number().int(),
  unit: z.string(),
  tasks: z.number().int(),
  onTime: z.number(),
  closed: z.number(),
  overdue: z.number().int(),
  problemsCleared: z.number(),
});
export type UnitRank = z.infer<typeof unitRankSchema>;

export const decisionKinds = ['note', 'task', 'problem'] as const;
export const decisionSchema = z.object({ id: z.string(), ord: z.number().int(), text: z.string(), kind: z.enum(decisionKinds), ref: z.string() });
