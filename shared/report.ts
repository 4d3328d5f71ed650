// Official documents drawn from the ledger (旬简报 / 月通报 / 季总结 / 督办单): their periods, the parts a person
// may edit, and the document model that both the Word writer (core) and the on-screen preview (renderer) read,
// so what is previewed is what is written.
import { z } from 'zod';
import { daysInMonth, PART_LABEL, type DekadPart } from './period';

export const reportKinds = ['dekad', 'monthly', 'quarterly', 'supervision', 'minutes'] as const;
export type ReportKind = (typeof reportKinds)[number];

export const reportKindLabel: Record<ReportKind, string> = {
  dekad: '旬简报',
  monthly: '月通报',
  quarterly: '季总结',
  supervision: '督办单',
  minutes: '会议纪要',
};

const PERIOD_PATTERN: Record<ReportKind, RegExp> = {
  dekad: /^(\d{4})-(0[1-9]|1[0-2])-([123])$/,
  monthly: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarterly: /^(\d{4})-Q([1-4])$/,
  supervision: /^(\d{4})-(0[1-9]|1[0-2])$/,
  minutes: /^(\d{4})-(0[1-9]|1[0-2])$/,
};

const PERIOD_EXAMPLE: Record<ReportKind, string> = {
  dekad: '2023-03-3（3月下旬）',
  monthly: '2023-03',
  quarterly: '2023-Q1',
  supervision: '2023-03',
  minutes: '2023-03（当月调度会）',
};

/** The period's written form for a kind, or the Chinese reason it is not one. */
export function checkReportPeriod(kind: ReportKind, period: string): string | null {
  return PERIOD_PATTERN[kind].test(period) ? null : `${reportKindLabel[kind]}的报告期应写作 ${PERIOD_EXAMPLE[kind]}，收到“${period}”。`;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** First and last day of a period (2023-03-3, 2023-03, 2023-Q1 or 2023), ISO dates. */
export function periodRange(period: string): { start: string; end: string; year: number } {
  if (/^\d{4}$/.test(period)) return { start: `${period}-01-01`, end: `${period}-12-31`, year: Number(period) };
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) {
    const y = Number(q[1]);
    const first = (Number(q[2]) - 1) * 3 + 1;
    return { start: iso(y, first, 1), end: iso(y, first + 2, daysInMonth(y, first + 2)), year: y };
  }
  const [ys, ms, part] = period.split('-');
  const y = Number(ys);
  const m = Number(ms);
  if (!part) return { start: iso(y, m, 1), end: iso(y, m, daysInMonth(y, m)), year: y };
  const p = Number(part);
  return { start: iso(y, m, p === 1 ? 1 : p === 2 ? 11 : 21), end: iso(y, m, p === 1 ? 10 : p === 2 ? 20 : daysInMonth(y, m)), year: y };
}

const QUARTER = ['一', '二', '三', '四'];

/** 2023年3月下旬 · 2023年3月 · 2023年第一季度 */
export function reportPeriodLabel(period: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return `${Number(q[1])}年第${QUARTER[Number(q[2]) - 1]}季度`;
  const [y, m, d] = period.split('-');
  return d ? `${Number(y)}年${Number(m)}月${PART_LABEL[Number(d) as DekadPart]}` : `${Number(y)}年${Number(m)}月`;
}

/** 本旬 / 本月 / 本季度 */
export function periodWord(period: string): string {
  return /Q/.test(period) ? '本季度' : period.split('-').length === 3 ? '本旬' : '本月';
}

// ---- The document model -------------------------------------------------------------------------------

const column = z.object({ title: z.string(), width: z.number().positive(), align: z.enum(['left', 'center', 'right']) });

export const reportBlockSchema = z.discriminatedUnion('type', [
  /** 简报 masthead: the brief's name in large red type, 第N期, issuing office left and date right, heavy red rule. */
  z.object({ type: z.literal('masthead'), name: z.string(), issue: z.string(), office: z.string(), date: z.string() }),
  /** 红头: issuing office in red, the document number, red rule (通报, 督办单). */
  /** `compact`: a form (督办单) starts at the text block's top instead of 35 mm under it, to stay on one page. */
  z.object({ type: z.literal('redHeader'), issuer: z.string(), docNo: z.string(), compact: z.boolean().optional() }),
  /** `color` for a 督办单's title, printed in its severity's colour (蓝 提醒 / 黄 督办 / 红 挂牌督办). */
  z.object({ type: z.literal('title'), text: z.string(), color: z.string().optional() }),
  /** 主送 line: flush left, ending with a full-width colon. */
  z.object({ type: z.literal('recipient'), text: z.string() }),
  z.object({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2)]), text: z.string() }),
  /** Body text; `field` names the editable part it shows, `kai` sets it in 楷体 (编者按). */
  z.object({ type: z.literal('paragraph'), text: z.string(), field: z.string().optional(), kai: z.boolean().optional() }),
  z.object({ type: z.literal('table'), columns: z.array(column), rows: z.array(z.array(z.string())), note: z.string().optional() }),
  /** A form of labelled cells on a four-column grid (督办单): a cell spans columns; `lines` keeps room to write. */
  z.object({
    type: z.literal('form'),
    rows: z.array(
      z.object({
        cells: z.array(
          z.object({
            text: z.string(),
            label: z.boolean().optional(),
            span: z.number().int().min(1).max(4).optional(),
            /** Set at the cell's bottom right: the place to sign and seal. */
            sign: z.boolean().optional(),
          }),
        ),
        lines: z.number().int().min(1).max(20).optional(),
      }),
    ),
  }),
  z.object({ type: z.literal('signature'), office: z.string(), date: z.string() }),
  /** 纪要's 出席 / 请假 / 列席: the label in 黑体, a full-width colon, the names aligned after it. */
  z.object({ type: z.literal('attendance'), label: z.string(), text: z.string() }),
  /** 附件说明 under the body: "附件：1．…" (one name without a number). */
  z.object({ type: z.literal('attachments'), names: z.array(z.string()) }),
  /** An attachment after the signature: a new page, "附件N" flush left in 黑体, then its title. */
  z.object({ type: z.literal('annex'), label: z.string(), title: z.string() }),
  /** 简报 tail: 报/送/发 lines between rules, and copies printed; at the foot of the last page. */
  z.object({ type: z.literal('tail'), lines: z.array(z.string()), copies: z.string() }),
  /** 版记 of a 通报: 抄送 line and 印发 line between rules; at the foot of the last page. */
  z.object({ type: z.literal('imprint'), cc: z.string(), printer: z.string(), printedOn: z.string() }),
]);
export type ReportBlock = z.infer<typeof reportBlockSchema>;

export const reportFieldSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.string(),
  multiline: z.boolean(),
  /** A hint under the box ("留空则不印编者按"). */
  hint: z.string().optional(),
});
export type ReportField = z.infer<typeof reportFieldSchema>;

const count = z.number().int().nonnegative();
const byLight = z.object({ green: count, blue: count, yellow: count, red: count, done: count });

/** Whose records the store holds and up to which ledger date (shown beside the preview, printed by --json). */
export const officeDataSchema = z.object({ office: z.string(), role: z.string(), self: z.boolean(), through: z.string(), records: count });
export type OfficeData = z.infer<typeof officeDataSchema>;

/** The figures a document was written from, so they can be checked from outside (`report --json`). */
export const reportFiguresSchema = z.object({
  asOf: z.string(),
  scope: z.object({ kind: z.enum(['city', 'battle', 'unit']), label: z.string() }),
  total: count,
  closed: count,
  closedInPeriod: z.array(z.object({ code: z.string(), decidedOn: z.string() })),
  pendingCloseout: count,
  byLight,
  battles: z.array(z.object({ battle: z.number().int(), name: z.string(), total: count, closed: count, closedInPeriod: count, byLight })),
  overdue: z.array(z.string()),
  behind: z.array(z.string()),
  notStarted: z.array(z.string()),
  units: z.array(z.object({ unit: z.string(), lead: count, closed: count, closedInPeriod: count, red: count, yellow: count, reportedInPeriod: z.boolean() })),
  unattributed: count,
  progressLinesInPeriod: count,
  unitsReportedInPeriod: count,
  problems: z.object({ open: count, overdue: count, clearedInPeriod: count }),
  commended: z.array(z.string()),
  lagging: z.array(z.string()),
  coverage: z.array(officeDataSchema),
});
export type ReportFiguresSummary = z.infer<typeof reportFiguresSchema>;

export const reportDocSchema = z.object({
  kind: z.enum(reportKinds),
  period: z.string(),
  /** 期号 or the number in the document number. */
  number: z.number().int().positive(),
  /** Whether this office has issued this kind for this period before (then the number is reused). */
  reissue: z.boolean(),
  title: z.string(),
  fileName: z.string(),
  blocks: z.array(reportBlockSchema),
  fields: z.array(reportFieldSchema),
  /** The period has not ended at the ledger date: the document may be previewed as a draft, not issued. */
  draft: z.boolean(),
  figures: reportFiguresSchema,
});
export type ReportDoc = z.infer<typeof reportDocSchema>;

export const reportRequestSchema = z
  .object({
    kind: z.enum(reportKinds),
    period: z.string().max(12),
    /** The edited free-text parts; missing keys take their drafted defaults. */
    texts: z.record(z.string().max(40), z.string().max(20000)).default({}),
    /** 督办单: the unit supervised. */
    unit: z.string().max(60).optional(),
  })
  .strict();
export type ReportRequest = z.input<typeof reportRequestSchema>;
