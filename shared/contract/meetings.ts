// The monthly 调度分析会: its agenda read from the ledger, its record and its decisions.
import { z } from 'zod';
import { TEXT_MAX } from '../limits';
import { indicatorLights } from '../indicators';
import { decisionKinds, decisionSchema } from '../meetings';
import { problemSchema } from '../problems';
import { OK } from './common';

const agendaTask = z.object({ id: z.string(), code: z.string(), title: z.string(), units: z.string(), dueDate: z.string(), percent: z.number().nullable() });

export const meetingsContract = {
  /** A month's 调度分析会: the agenda from the ledger, the record, its decisions. */
  'meeting.get': {
    input: z.object({ month: z.string().max(7) }).strict(),
    output: z.object({
      agenda: z.object({
        asOf: z.string(),
        overdue: z.array(agendaTask),
        warned: z.array(agendaTask),
        problems: z.array(problemSchema),
        indicators: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            battleName: z.string(),
            latest: z.object({ period: z.string(), value: z.number(), note: z.string() }),
            completion: z.number().nullable(),
            schedule: z.number(),
            light: z.enum(indicatorLights),
          }),
        ),
      }),
      meeting: z.object({ month: z.string(), heldOn: z.string(), place: z.string(), chair: z.string(), attendees: z.string(), minutes: z.string() }).nullable(),
      decisions: z.array(decisionSchema),
    }),
  },
  'meeting.save': {
    input: z
      .object({
        month: z.string().max(7),
        heldOn: z.string().max(10),
        place: z.string().max(100).optional(),
        chair: z.string().max(TEXT_MAX.unit).optional(),
        attendees: z.string().max(1000).optional(),
        minutes: z.string().max(TEXT_MAX.minutes).optional(),
      })
      .strict(),
    output: OK,
  },
  /** A decision; kind task or problem creates that record in the same transaction. */
  'meeting.decide': {
    input: z.discriminatedUnion('kind', [
      z.object({ month: z.string().max(7), kind: z.literal(decisionKinds[0]), text: z.string().max(TEXT_MAX.statement) }).strict(),
      z
        .object({
          month: z.string().max(7),
          kind: z.literal(decisionKinds[1]),
          text: z.string().max(TEXT_MAX.statement),
          section: z.string().max(20),
          lead: z.array(z.string()).min(1).max(20),
          co: z.array(z.string()).max(40).optional(),
          dueDate: z.string().max(10).optional(),
        })
        .strict(),
      z
        .object({ month: z.string().max(7), kind: z.literal(decisionKinds[2]), text: z.string().max(TEXT_MAX.statement), taskId: z.string().min(1), unit: z.string().max(TEXT_MAX.unit).optional(), deadline: z.string().max(10) })
        .strict(),
    ]),
    output: z.object({ id: z.string(), ref: z.string() }),
  },
} as const;
