// What the importer cannot get right by rule (page-break debris, merged table cells) is fixed by a small
// committed list of corrections. Each names the record, the field, the value the importer produced and the
// value to use, so a correction that no longer matches what the importer makes fails loudly.
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import type { PlanSeed } from './seed-format';

export const correctionsSchema = z
  .object({
    format: z.literal('zhuanban-plan-corrections'),
    version: z.literal(1),
    corrections: z.array(
      z
        .object({
          /** "task:1.2.3", "section:2.1" or "battle:4". */
          target: z.string().regex(/^(task|section|battle):[\d.]+$/),
          field: z.string(),
          expect: z.unknown(),
          value: z.unknown(),
          reason: z.string().min(4),
        })
        .strict(),
    ),
  })
  .strict();

export type Corrections = z.infer<typeof correctionsSchema>;

function findRecord(seed: PlanSeed, target: string): Record<string, unknown> | undefined {
  const [kind, code] = target.split(':') as [string, string];
  if (kind === 'task') return seed.tasks.find((t) => t.code === code);
  if (kind === 'section') return seed.sections.find((s) => s.code === code);
  return seed.battles.find((b) => String(b.code) === code);
}

/** Applies corrections to a draft in place; throws when one does not find what it expects. */
export function applyCorrections(seed: PlanSeed, corrections: Corrections): number {
  for (const c of corrections.corrections) {
    const record = findRecord(seed, c.target);
    if (!record) throw new Error(`correction for ${c.target}: no such record in the draft`);
    if (!(c.field in record)) throw new Error(`correction for ${c.target}: no field ${c.field}`);
    if (!isDeepStrictEqual(record[c.field], c.expect)) {
      throw new Error(`correction for ${c.target}.${c.field} expects ${JSON.stringify(c.expect)}, draft has ${JSON.stringify(record[c.field])}`);
    }
    record[c.field] = c.value;
  }
  return corrections.corrections.length;
}
