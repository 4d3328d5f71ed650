// What a person may enter, stated once. The contract checks input against these schemas, the forms take their
// lengths and messages from here, the core sizes its checks by the same numbers and the host its request body,
// so a limit cannot be 2000 in one place and 5000 in another.
import { z } from 'zod';

export const MB = 1024 * 1024;

/** Characters of base64 that carry this many bytes. */
export const base64Chars = (bytes: number): number => Math.ceil(bytes / 3) * 4;

/** The bytes a base64 text carries (its padding not counted), as the form counts a file's size. */
export const base64Bytes = (text: string): number => Math.floor((text.length * 3) / 4) - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);

/** Longest texts, in characters. */
export const TEXT_MAX = {
  /** A task's name. */
  title: 120,
  /** A task's content (工作内容). */
  content: 5000,
  /** 本期进展, 销号 statements, answers, decisions, replies, 督办 matters. */
  statement: 2000,
  /** 审批意见, 退回理由, reasons for reopening, problem texts. */
  reason: 1000,
  /** Reasons for voiding, releasing or granting. */
  shortReason: 500,
  /** A unit's name as typed. */
  unit: 60,
  /** A leader's name and post (批示领导); a 责任股室. */
  leader: 40,
  /** A person's name (牵头负责人, 具体承办人, operator). */
  person: 30,
  /** An evidence file's name, as any office may have attached it. */
  fileName: 255,
  /** 会议纪要. */
  minutes: 20000,
} as const;

/** A text a person must write: trimmed, at least two characters (one character is never a statement). */
export const writtenText = (max: number, missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(2, missing)
    .max(max, `${missing.replace(/（.*）$/, '')}（不能超过 ${max} 字）`);

/** An optional text: trimmed, may be empty. */
export const optionalText = (max: number) => z.string().trim().max(max, `不能超过 ${max} 字`);

const PERCENT = '完成进度应为 0 到 100 之间的整数';
/** 完成进度 of a progress line: a whole percent. */
export const percentSchema = z.number({ error: PERCENT }).int(PERCENT).min(0, PERCENT).max(100, PERCENT);

export const progressTextSchema = writtenText(TEXT_MAX.statement, '请填写本期进展情况（至少两个字）');

/** Evidence attached to one progress line: never required, a few files of a reasonable size. */
export const EVIDENCE = { files: 5, fileBytes: 20 * MB, totalBytes: 40 * MB } as const;

export const evidenceFilesSchema = z
  .array(
    z
      .object({
        name: z.string({ error: '附件需有文件名' }).trim().min(1, '附件需有文件名').max(TEXT_MAX.fileName, `附件文件名不能超过 ${TEXT_MAX.fileName} 个字符`),
        contentBase64: z
          .string()
          .min(1, '附件是空文件')
          .max(base64Chars(EVIDENCE.fileBytes), `单个附件不能超过 ${EVIDENCE.fileBytes / MB} MB`),
      })
      .strict(),
  )
  .max(EVIDENCE.files, `每次最多附 ${EVIDENCE.files} 个文件`)
  .refine((files) => files.reduce((n, f) => n + base64Bytes(f.contentBase64), 0) <= EVIDENCE.totalBytes, `附件合计不能超过 ${EVIDENCE.totalBytes / MB} MB`);

/** Files picked by reference (never inside a request): the largest each reader accepts. */
export const FILE_MAX_BYTES = {
  /** A year's bundle of a prefecture is about 80 MB. */
  bundle: 256 * MB,
  /** An implementation plan (.docx, .pdf, .txt). */
  planDocument: 20 * MB,
  /** A 任务分解表 .xlsx. */
  taskTable: 10 * MB,
} as const;

/** The largest request body a shell accepts: one progress line's evidence as base64 and the rest of the form. */
export const REQUEST_MAX_BYTES = base64Chars(EVIDENCE.totalBytes) + 1 * MB;
