// 督办: commendations, 督办单, interviews and 催报, with the candidates the ledger suggests and the units' ranking.
import { z } from 'zod';
import { TEXT_MAX } from '../limits';
import { candidateSchema, supervisionKinds, supervisionSchema, unitRankSchema } from '../supervision';
import { empty } from './common';

export const supervisionContract = {
  'supervision.overview': {
    input: empty,
    output: z.object({ actions: z.array(supervisionSchema), candidates: z.array(candidateSchema), ranking: z.array(unitRankSchema) }),
  },
  'supervision.add': {
    input: z
      .object({
        kind: z.enum(supervisionKinds),
        unit: z.string().min(1).max(TEXT_MAX.unit),
        taskIds: z.array(z.string()).max(100),
        matter: z.string().max(TEXT_MAX.statement),
        deadline: z.string().max(10).optional(),
        reply: z.string().max(TEXT_MAX.reason).optional(),
        heldOn: z.string().max(10).optional(),
        participants: z.string().max(300).optional(),
        outcome: z.string().max(TEXT_MAX.statement).optional(),
      })
      .strict(),
    output: z.object({ id: z.string(), number: z.number().int() }),
  },
} as const;
