// Parts several documents share: the overall figures, the per-battle table, the attention list.
import { chineseDate, shortChineseDate } from '../../../../shared/period';
import { periodWord, type ReportBlock } from '../../../../shared/report';
import type { ReportFigures } from '../figures';

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 一、二、… for headings of the first level. */
export function ordinal(n: number): string {
  return CN_NUM[n - 1] ?? String(n);
}

export function pct(part: number, whole: number): string {
  return whole ? `${((part / whole) * 100).toFixed(1)}%` : '—';
}

/** 截至…，全市…共有任务N项，已销号… — one sentence with every headline count. */
export function overallSentence(f: ReportFigures): string {
  const inPeriod = f.closedInPeriod.length;
  return (
    `截至${chineseDate(f.end)}，全市发展“六仗”共有任务${f.total}项，累计销号${f.closed}项（${periodWord(f.period)}新增${inPeriod}项），` +
    `销号率${pct(f.closed, f.total)}；待审核销号${f.pendingCloseout}项；正常推进${f.byLight.green}项，临近时限${f.byLight.blue}项，` +
    `预警${f.byLight.yellow}项，逾期${f.byLight.red}项。${periodWord(f.period)}共有${f.unitsReportedInPeriod}个单位报送进展${f.progressLinesInPeriod}条。`
  );
}

export function battleTable(f: ReportFigures): ReportBlock {
  const word = periodWord(f.period).replace('本', '');
  const rows = f.battles.map((b) => [
    b.shortName || b.name,
    String(b.total),
    String(b.byStatus.closed),
    String(b.closedInPeriod),
    String(b.byLight.green + b.byLight.blue),
    String(b.byLight.yellow),
    String(b.byLight.red),
    pct(b.byStatus.closed, b.total),
  ]);
  rows.push([
    '合计',
    String(f.total),
    String(f.closed),
    String(f.closedInPeriod.length),
    String(f.byLight.green + f.byLight.blue),
    String(f.byLight.yellow),
    String(f.byLight.red),
    pct(f.closed, f.total),
  ]);
  return {
    type: 'table',
    columns: [
      { title: '仗', width: 2.4, align: 'left' },
      { title: '任务数', width: 1.2, align: 'right' },
      { title: '已销号', width: 1.2, align: 'right' },
      { title: `本${word}销号`, width: 1.6, align: 'right' },
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
        { title: '编号', width: 1.2, align: 'left' },
        { title: '任务', width: 5, align: 'left' },
        { title: '牵头单位', width: 2.4, align: 'left' },
        { title: '销号日期', width: 1.6, align: 'center' },
      ],
      rows: f.closedInPeriod.map((c) => [c.code, c.title, c.leadUnits, shortChineseDate(c.decidedOn)]),
    },
  ];
}

const STATE = { red: '逾期', yellow: '预警' } as const;

export function attentionTable(f: ReportFigures, limit = 60): ReportBlock[] {
  if (!f.attention.length) return [{ type: 'paragraph', text: `截至${chineseDate(f.end)}，无逾期和预警任务。` }];
  const shown = f.attention.slice(0, limit);
  return [
    {
      type: 'table',
      columns: [
        { title: '编号', width: 1.1, align: 'left' },
        { title: '任务', width: 4.2, align: 'left' },
        { title: '牵头单位', width: 2.2, align: 'left' },
        { title: '完成时限', width: 1.6, align: 'center' },
        { title: '进度', width: 1, align: 'right' },
        { title: '状态', width: 1, align: 'center' },
      ],
      rows: shown.map((a) => [a.code, a.title, a.leadUnits, a.dueDate ? shortChineseDate(a.dueDate) : '年底前', a.percent === null ? '未报' : `${a.percent}%`, STATE[a.light]]),
      ...(f.attention.length > shown.length ? { note: `另有${f.attention.length - shown.length}项未列出，详见台账。` } : {}),
    },
  ];
}

const WORD = { green: '达到序时', yellow: '略有差距', red: '明显滞后', none: '未报' } as const;
const valuePeriodName = (p: string) => (p.includes('Q') ? `${p.slice(-1)}季度` : p.length === 4 ? '全年' : `${Number(p.slice(5))}月`);

/** The indicators with their latest actuals; nothing when no actual has been entered yet (a table of blanks
 * helps nobody). */
export function indicatorBlocks(f: ReportFigures, heading: string): ReportBlock[] {
  if (!f.indicators.some((i) => i.actual)) return [];
  const entered = f.indicators.filter((i) => i.actual);
  const behind = entered.filter((i) => i.light === 'red' || i.light === 'yellow');
  return [
    { type: 'heading', level: 1, text: heading },
    {
      type: 'paragraph',
      text: `纳入调度的${f.indicators.length}项主要指标中，${entered.length}项已填报完成值，其中达到序时进度${entered.filter((i) => i.light === 'green').length}项，略有差距${entered.filter((i) => i.light === 'yellow').length}项，明显滞后${entered.filter((i) => i.light === 'red').length}项${behind.length ? `（${behind.slice(0, 6).map((i) => i.name).join('、')}${behind.length > 6 ? '等' : ''}）` : ''}。`,
    },
    {
      type: 'table',
      columns: [
        { title: '仗', width: 1.9, align: 'left' },
        { title: '指标', width: 2.9, align: 'left' },
        { title: '年度目标', width: 1.4, align: 'left' },
        { title: '完成值', width: 1.7, align: 'right' },
        { title: '完成率', width: 1.3, align: 'right' },
        { title: '序时进度', width: 1.3, align: 'right' },
        { title: '状态', width: 1.9, align: 'center' },
      ],
      rows: f.indicators.map((i) => [
        i.battleName,
        i.name,
        i.target,
        i.actual ? `${valuePeriodName(i.actual.period)} ${i.actual.value}${i.actual.unit}` : '—',
        i.completion === null ? '—' : `${i.completion}%`,
        `${i.schedule}%`,
        WORD[i.light],
      ]),
      note: '增速类指标以累计增速对照年度目标；总量、个数类指标以累计完成率对照序时进度。',
    },
  ];
}

/** A drafted paragraph naming the units with overdue and lagging tasks. */
export function problemsDraft(f: ReportFigures): string {
  const red = f.units.filter((u) => u.red > 0).sort((a, b) => b.red - a.red);
  const yellow = f.attention.filter((a) => a.light === 'yellow').length;
  const listed = f.problems.open + f.problems.clearedInPeriod
    ? `问题清单中未清零问题${f.problems.open}个${f.problems.overdue ? `（其中逾期未改${f.problems.overdue}个）` : ''}，${periodWord(f.period)}清零${f.problems.clearedInPeriod}个。`
    : '';
  if (!red.length && !yellow) return `各项任务均按序时进度推进，未发现逾期和明显滞后的任务。${listed}`;
  const names = red.slice(0, 5).map((u) => u.unit).join('、');
  const parts: string[] = [];
  if (red.length) parts.push(`${f.byLight.red}项任务逾期未完成，涉及${names}${red.length > 5 ? `等${red.length}个单位` : ''}`);
  if (yellow) parts.push(`${yellow}项任务进度落后于序时进度`);
  return `部分任务推进滞后：${parts.join('；')}。${listed}`;
}
