// Files the core made, once a shell has delivered them (saved where the person chose, or downloaded whole).
// Only shells call this: the page never says a file was saved, so an export is recorded only when it was.
import { z } from 'zod';
import { OK } from './common';

export const filesContract = {
  'file.delivered': { input: z.object({ ref: z.string().regex(/^[0-9a-f-]{36}$/) }).strict(), output: OK },
} as const;

