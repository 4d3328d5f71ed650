// Files the core made, once a shell has delivered them (saved where the person chose, or downloaded whole).
// Only shells call this: the page never says a file was saved, so an export is recorded only when it was.
import { z } from 'zod';
import { OUTBOX_REF } from '../file-names';
import { OK } from './common';

export const filesContract = {
  'file.delivered': { input: z.object({ ref: z.string().regex(OUTBOX_REF) }).strict(), output: OK },
} as const;

