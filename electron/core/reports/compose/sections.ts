// Parts several documents share: the overall sentence, the per-battle table, the lists of closed and of
// overdue / lagging / not-started tasks, the indicators. Written as an office writes: no "0项" clauses, concrete
// dates, 逾期 (criticised) kept apart from 未启动 (a reminder).
import { chineseDate, shortChineseDate } from '../../../../shared/period';
import { periodWord, type ReportBlock } from '../../../../shared/report';
import type { AttentionItem, ReportFigures } from '../figures';

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 一、二、… for headings of the first level. */
export function ordinal(n: number): string {
  return n <= 10 ? CN_NUM[n - 1]! : n < 20 ? `十${CN_NUM[n - 11] ?? ''}` : String(n);
}

export function pct(part: number, whole: number): string {
  return whole ? `${((part / whole) * 100).toFixed(1)}%` : '—';
}

/** "一是…；二是…。" from separate points (each without its final punctuation). */
export function points(items: readonly string[]): string {
  const clean = items.map((t) => t.trim().replace(/[。；;，,\s]+$/, '')).filter(Boolean);
  return clean.length ? `${clean.map((t, i) => `${ordinal(i + 1)}是${t}`).join('；')}。` : '';
}

/** Clauses joined with "，", the zero ones left out; '' when all are zero. */
export function nonZero(parts: readonly [count: number, text: string][]): string {
  return parts.filter(([n]) => n > 0).map(([, t]) => t).join('，');
}

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The day a reply is due: the 5th of the month after the period (4月5日 for a March notice), or five days after
 * the issue date when the document goes out on or after that day — never a day already past. */
export function replyBy(end: string, issuedOn: string): string {
  const y = Number(end.slice(0, 4));
  const m = Number(end.slice(5, 7));
  const fifth = m === 12 ? `${y + 1}-01-05` : `${y}-${String(m + 1).padStart(2, '0')}-05`;
  const due = issuedOn < fifth ? fifth : addDays(issuedOn, 5);
  return due.slice(0, 4) === end.slice(0, 4) ? shortChineseDate(due) : chineseDate(due);
}

/** The plan cited as offices cite it: 《title》（docNo）. */
export function planCitation(f: ReportFigures): string {
  return `《${f.planTitle}》${f.planDocNo ? `（${f.planDocNo}）` : ''}`;
}

/** What the document's figures are about: 全市发展“六仗” · 经济增长主动仗 · 市发改局承担的发展“六仗”. */
export function subject(f: ReportFigures): string {
  if (f.scope.kind === 'city') return `${f.words.area}${f.words.work}`;
  if (f.scope.kind === 'battle') return f.scope.label;
  return `${f.scope.label}承担的${f.words.work}`;
}

/** 截至…，…共有任务N项，累计销号… — one sentence with every headline count that is not zero. */
export function overallSentence(f: ReportFigures): string {
  const word = periodWord(f.period);
  const inPeriod = f.closedInPeriod.length;
  const closed = f.closed
    ? `累计销号${f.closed}项（${inPeriod ? `${word}新增${inPeriod}项` : `${word}无新增`}），销号率${pct(f.closed, f.total)}`
    : '尚无销号任务';
  const kind = (k: AttentionItem['kind']) => f.attention.filter((a) => a.kind === k).length;
  const state = nonZero([
    [f.pendingCloseout, `待审核销号${f.pendingCloseout}项`],
    [f.byLight.green, `正常推进${f.byLight.green}项`],
    [f.byLight.blue, `临近完成时限${f.byLight.blue}项`],
    [kind('behind'), `进度滞后${kind('behind')}项`],
    [kind('notStarted'), `尚未报送进展${kind('notStarted')}项`],
    [kind('overdue'), `逾期未完成${kind('overdue')}项`],
  ]);
  const reports = f.progressLinesInPeriod
    ? `${word}共有${f.unitsReportedInPeriod}个单位报送进展${f.progressLinesInPeriod}条。`
    : `${word}尚无单位报送进展。`;
  return `截至${chineseDate(f.asOf)}，${subject(f)}共有任务${f.total}项，${closed}${state ? `；${state}` : ''}。${reports}`;
}

export function battleTable(f: ReportFigures): ReportBlock {
  const word = periodWord(f.period).replace('本', '');
  const row = (name: string, total: number, closed: number, now: number, ok: number, y: number, r: number) =>
    [name, String(total), String(closed), String(now), String(ok), String(y), String(r), pct(closed, total)];
  const rows = f.battles.map((b) =>
    row(b.shortName || b.name, b.total, b.byStatus.closed, b.closedInPeriod, b.byLight.green + b.byLight.blue, b.byLight.yellow, b.byLight.red),
  );
  if (f.battles.length > 1) {
    rows.push(row('合计', f.total, f.closed, f.closedInPeriod.length, f.byLight.green + f.byLight.blue, f.byLight.yellow, f.byLight.red));
  }
  return {
    type: 'table',
    columns: [
      { title: f.words.group, width: 2.4, align: 'left' },
      { title: '任务数', width: 1.2, align: 'right' },
      { title: '已销号', width: 1.2, align: 'right' },
      { title: `本${word}销号`, width: 1.5, align: 'right' },
      { title: '正常', width: 1, align: 'right' },
      { title: '预警', width: 1, align: 'right' },
      { title: '逾期', width: 1, align: 'right' },
      { title: '销号率', width: 1.3, align: 'right' },
    ],
    rows,
  };
}

export function closedTable(f: ReportFigures): ReportBlock[] {
  if (!f.closedInPeriod.length) return [{ type: 'paragraph', text: `${periodWord(f.period)}无新增销号事项。` }];
  return [
    {
      type: 'table',
      columns: [
        { title: '编号', width: 1.5, align: 'left' },
        { title: '任务', width: 5, align: 'left' },
        { title: '牵头单位', width: 2.4, align: 'left' },
        { title: '销号日期', width: 1.6, align: 'center' },
      ],
      rows: f.closedInPeriod.map((c) => [c.code, c.title, c.leadUnits, shortChineseDate(c.decidedOn)]),
    },
  ];
}

const due = (d: string) => (d ? shortChineseDate(d) : '年底前');

/** The list of tasks of one kind as a table: 编号, 任务, 牵头单位, 完成时限, 进度, 最新进展. */
export function attentionTable(items: readonly AttentionItem[], withLatest = true): ReportBlock {
  return {
    type: 'table',
    columns: [
      { title: '编号', width: 1.5, align: 'left' },
      { title: '任务', width: 4, align: 'left' },
      { title: '牵头单位', width: 2.2, align: 'left' },
      { title: '完成时限', width: 1.6, align: 'center' },
      { title: '进度', width: 1.1, align: 'right' },
      ...(withLatest ? [{ title: '最新进展', width: 3, align: 'left' as const }] : []),
    ],
    rows: items.map((a) => [a.code, a.title, a.leadUnits, due(a.dueDate), a.percent === null ? '未报' : `${a.percent}%`, ...(withLatest ? [a.latest || '—'] : [])]),
  };
}

export const ATTENTION_HEADING = {
  overdue: '逾期未完成任务',
  behind: '进度滞后于序时进度的任务',
  notStarted: '尚未报送进展的任务',
} as const;

/** One sentence per kind: how many, and the first few by code and unit. */
export function attentionSentences(f: ReportFigures, max = 6): string[] {
  // A unit's own document names its items by code alone: every one of them is its own.
  const named = (items: readonly AttentionItem[]) =>
    items
      .slice(0, max)
      .map((a) => (f.scope.kind === 'unit' ? a.code : `${a.leadUnits}牵头的${a.code}`))
      .join(f.scope.kind === 'unit' ? '、' : '，') + (items.length > max ? `等${items.length}项` : '');
  const of = (k: AttentionItem['kind']) => f.attention.filter((a) => a.kind === k);
  const out: string[] = [];
  const overdue = of('overdue');
  const behind = of('behind');
  const idle = of('notStarted');
  if (overdue.length) out.push(`${overdue.length}项任务已过完成时限仍未完成，为${named(overdue)}。`);
  if (behind.length) out.push(`${behind.length}项任务进度落后于序时进度，为${named(behind)}。`);
  if (idle.length) out.push(`${idle.length}项任务尚未报送进展，请相关单位及时报送：${named(idle)}。`);
  return out;
}

/** Blocks for the overdue, lagging and not-started tasks, each kind under its own sub-heading. */
export function attentionBlocks(f: ReportFigures, limit = 60): ReportBlock[] {
  if (!f.attention.length) return [{ type: 'paragraph', text: `截至${chineseDate(f.asOf)}，无逾期、滞后和未启动的任务。` }];
  const out: ReportBlock[] = [];
  let n = 0;
  for (const kind of ['overdue', 'behind', 'notStarted'] as const) {
    const items = f.attention.filter((a) => a.kind === kind);
    if (!items.length) continue;
    out.push({ type: 'heading', level: 2, text: `（${ordinal(++n)}）${ATTENTION_HEADING[kind]}（${items.length}项）` });
    const shown = items.slice(0, limit);
    const table = attentionTable(shown, kind !== 'notStarted');
    out.push(items.length > shown.length && table.type === 'table' ? { ...table, note: `另有${items.length - shown.length}项未列出，详见台账。` } : table);
  }
  return out;
}

const WORD = { green: '达到序时', yellow: '略有差距', red: '明显滞后', none: '未报' } as const;
const QUARTER = ['一', '二', '三', '四'];
const valuePeriodName = (p: string) => (p.includes('Q') ? `${QUARTER[Number(p.slice(-1)) - 1]}季度` : p.length === 4 ? '全年' : `1—${Number(p.slice(5))}月`);
const num = (n: number) => String(Math.round(n * 100) / 100);

/** A growth or ratio indicator stated as a rate: 增速9.2%，低于目标0.8个百分点. */
function rateStanding(i: ReportFigures['indicators'][number]): string {
  if (!i.actual) return '未报';
  const gap = Math.round((i.actual.value - i.targetValue) * 10) / 10;
  const word = i.kind === 'growth' ? '增速' : '';
  const stand = gap === 0 ? '与目标持平' : gap > 0 ? `高于目标${num(gap)}个百分点` : `低于目标${num(-gap)}个百分点`;
  return `${word}${num(i.actual.value)}${i.actual.unit}，${stand}`;
}

/** The indicators with their latest actuals; nothing when no actual has been entered yet (a table of blanks
 * helps nobody). Rates are judged against their target, amounts against 序时进度. */
export function indicatorBlocks(f: ReportFigures, heading: string): ReportBlock[] {
  const entered = f.indicators.filter((i) => i.actual);
  if (!entered.length) return [];
  const by = (l: string) => entered.filter((i) => i.light === l);
  const list = (xs: typeof entered) => `${xs.length}项（${xs.slice(0, 6).map((i) => i.name).join('、')}${xs.length > 6 ? '等' : ''}）`;
  const standing = nonZero([
    [by('green').length, `达到目标或序时进度${by('green').length}项`],
    [by('yellow').length, `略有差距${by('yellow').length > 0 ? list(by('yellow')) : ''}`],
    [by('red').length, `明显滞后${by('red').length > 0 ? list(by('red')) : ''}`],
  ]);
  return [
    { type: 'heading', level: 1, text: heading },
    {
      type: 'paragraph',
      text: `纳入调度的${f.indicators.length}项主要指标中，${entered.length}项已填报完成值${standing ? `，其中${standing}` : ''}。`,
    },
    {
      type: 'table',
      columns: [
        { title: '指标', width: 3, align: 'left' },
        { title: '年度目标', width: 1.7, align: 'left' },
        { title: '完成情况', width: 3.6, align: 'left' },
        { title: '序时进度', width: 1.3, align: 'right' },
        { title: '状态', width: 1.4, align: 'center' },
      ],
      rows: f.indicators.map((i) => [
        i.name,
        i.target,
        !i.actual
          ? '未报'
          : i.rate
            ? `${valuePeriodName(i.actual.period)}${rateStanding(i)}`
            : `${valuePeriodName(i.actual.period)}累计${num(i.actual.value)}${i.actual.unit}，完成年度目标${i.completion ?? '—'}%`,
        i.rate ? '—' : `${i.schedule}%`,
        WORD[i.light],
      ]),
      note: '增速类指标以累计增速对照年度目标；总量、个数类指标以累计完成率对照序时进度。',
    },
  ];
}

/** A drafted paragraph on what is behind: overdue (by unit), lagging, not started, and the problem list. */
export function problemsDraft(f: ReportFigures): string {
  const red = f.units.filter((u) => u.red > 0).sort((a, b) => b.red - a.red);
  const yellow = f.attention.filter((a) => a.kind === 'behind').length;
  const idle = f.attention.filter((a) => a.kind === 'notStarted').length;
  const listed = f.problems.open
    ? `问题清单中尚未整改到位的问题${f.problems.open}个${f.problems.overdue ? `，其中超过整改时限${f.problems.overdue}个` : ''}${f.problems.clearedInPeriod ? `；${periodWord(f.period)}整改清零${f.problems.clearedInPeriod}个` : ''}。`
    : f.problems.clearedInPeriod
      ? `${periodWord(f.period)}问题清单整改清零${f.problems.clearedInPeriod}个，尚无未整改问题。`
      : '';
  if (!red.length && !yellow && !idle) return `各项任务均按序时进度推进，未发现逾期和进度滞后的任务。${listed}`;
  const names = red.slice(0, 5).map((u) => u.unit).join('、');
  const parts: string[] = [];
  if (red.length) parts.push(`${f.byLight.red}项任务逾期未完成，涉及${names}${red.length > 5 ? `等${red.length}个单位` : ''}`);
  if (yellow) parts.push(`${yellow}项任务进度落后于序时进度`);
  if (idle) parts.push(`${idle}项任务尚未报送进展`);
  return `部分任务推进滞后：${parts.join('；')}。${listed}`;
}
