import { z } from 'zod';

export const unitDirectorySchema = z
  .object({
    format: z.literal('zhuanban-unit-directory'),
    version: z.literal(1),
    units: z.array(z.object({ name: z.string().min(2), aliases: z.array(z.string()), kind: z.enum(['unit', 'group']) }).strict()),
  })
  .strict();
