// 问题清单: problems found on tasks, with their deadlines and how they were cleared.
import { z } from 'zod';
import { TEXT_MAX } from '../limits';
import { problemCountSchema, problemSchema, problemSources } from '../problems';
import { empty, OK } from './common';

export const problemsContract = {
  'problems.list': {
    input: empty,
    output: z.object({
      problems: z.array(problemSchema),
      byUnit: z.array(problemCountSchema),
      byBattle: z.array(problemCountSchema),
      series: z.array(z.object({ date: z.string(), open: z.number().int() })),
    }),
  },
  'problem.raise': {
    input: z
      .object({ taskId: z.string().min(1), unit: z.string().max(TEXT_MAX.unit).optional(), text: z.string().max(TEXT_MAX.reason), deadline: z.string().max(10), source: z.enum(problemSources).optional() })
      .strict(),
    output: z.object({ id: z.string() }),
  },
  'problem.clear': { input: z.object({ id: z.string().min(1), statement: z.string().max(TEXT_MAX.statement) }).strict(), output: OK },
} as const;
