// Documents in the official format: 旬简报, 月通报, 季总结, 督办通报 and 会议纪要, previewed, numbered and saved.
import { z } from 'zod';
import { reportDocSchema, reportFiguresSchema, reportKinds, reportRequestSchema } from '../report';
import { empty, outgoingFileSchema } from './common';

export const reportsContract = {
  /** The document a request would produce, with its editable parts, for the preview. Changes nothing. */
  'report.preview': { input: reportRequestSchema, output: reportDocSchema },
  /** The .docx to save; numbers it and enters it in this office's register. */
  'report.export': {
    input: reportRequestSchema,
    output: z.object({ file: outgoingFileSchema, number: z.number().int(), figures: reportFiguresSchema }),
  },
  'report.list': {
    input: empty,
    output: z.object({
      issued: z.array(z.object({ kind: z.enum(reportKinds), period: z.string(), number: z.number().int(), title: z.string(), issuedOn: z.string() })),
    }),
  },
} as const;
