// 督办: the kinds of action, an action, the candidates the ledger suggests and the units' ranking.
import { z } from 'zod';

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

