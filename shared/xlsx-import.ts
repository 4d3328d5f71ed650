// Importing a 任务分解表 from Excel: what each column can mean, and what the preview shows.
import { z } from 'zod';

export const importColumnFields = ['ignore', 'seq', 'group', 'title', 'lead', 'co', 'due'] as const;
export type ImportColumnField = (typeof importColumnFields)[number];

export const importColumnLabel: Record<ImportColumnField, string> = {
  ignore: '不导入',
  seq: '序号',
  group: '工作内容',
  title: '工作任务',
  lead: '牵头单位',
  co: '配合单位',
  due: '完成时限',
};

export const xlsxImportResultSchema = z.object({
  headers: z.array(z.string()),
  columns: z.array(z.enum(importColumnFields)),
  guessed: z.array(z.enum(importColumnFields)),
  section: z.string(),
  rows: z.array(
    z.object({
      row: z.number().int(),
      group: z.string(),
      title: z.string(),
      content: z.string(),
      lead: z.array(z.string()),
      co: z.array(z.string()),
      due: z.string(),
      problems: z.array(z.string()),
    }),
  ),
  unknownUnits: z.array(z.string()),
  added: z.number().int(),
});
export type XlsxImportResult = z.infer<typeof xlsxImportResultSchema>;
