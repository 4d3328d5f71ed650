// 调度分析会: a meeting's decisions.
import { z } from 'zod';

export const decisionKinds = ['note', 'task', 'problem'] as const;
export const decisionSchema = z.object({ id: z.string(), ord: z.number().int(), text: z.string(), kind: z.enum(decisionKinds), ref: z.string() });
