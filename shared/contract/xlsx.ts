// The ledger as a 任务分解表 spreadsheet, out and in.
import { z } from 'zod';
import { importColumnFields, xlsxImportResultSchema } from '../xlsx-import';
import { outgoingFileSchema, pickedFileSchema, taskFilterSchema } from './common';

export const xlsxContract = {
  /** The ledger, or the filtered view, as a 任务分解表 .xlsx. */
  'ledger.exportXlsx': { input: taskFilterSchema, output: z.object({ file: outgoingFileSchema, count: z.number().int() }) },
  /** A 任务分解表 .xlsx into one section: a preview with the guessed columns, then all rows in one transaction. */
  'ledger.importXlsx': {
    input: z
      .object({
        file: pickedFileSchema,
        section: z.string().max(20).default(''),
        columns: z.array(z.enum(importColumnFields)).max(40).optional(),
        dryRun: z.boolean(),
      })
      .strict(),
    output: xlsxImportResultSchema,
  },
} as const;
