// The indicator system (指标体系): the dictionary of indicators and their actual values by period.
import { z } from 'zod';
import { battleCodeSchema } from '../domain';
import { indicatorEditSchema, indicatorLights, indicatorSchema } from '../indicators';
import { empty, OK } from './common';

export const indicatorsContract = {
  'indicators.list': {
    input: empty,
    output: z.object({
      indicators: z.array(indicatorSchema),
      battles: z.array(z.object({ battle: z.number().int(), name: z.string(), counts: z.record(z.enum(indicatorLights), z.number().int()) })),
    }),
  },
  'indicator.update': { input: z.object({ id: z.string().min(1), edit: indicatorEditSchema }).strict(), output: OK },
  'indicator.add': { input: z.object({ battle: battleCodeSchema, edit: indicatorEditSchema }).strict(), output: z.object({ id: z.string() }) },
  /** One actual for one period; a second entry for the period is refused unless `replace`. */
  'indicator.setValue': {
    input: z.object({ id: z.string().min(1), period: z.string().max(10), value: z.number(), note: z.string().max(200).optional(), replace: z.boolean().optional() }).strict(),
    output: OK,
  },
} as const;
