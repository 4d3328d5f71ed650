// 督办单 as county offices print it: 督办单位, 承办单位, 督办事项 and 依据, 交办日期, 办理时限, 工作要求, 联系人 and
// phone, 签收, and room for the unit's 办理情况反馈 with signature and seal; the tasks as an 附件 after the form.
// 三色 by severity — 蓝 提醒 / 黄 督办 / 红 挂牌督办 — chosen by rule and changeable by a person.
import { chineseDate } from '../../../../shared/period';
import type { ReportBlock } from '../../../../shared/report';
import type { AttentionItem } from '../figures';
import type { ComposeContext, Composed } from './context';
import { paragraphsOf } from './fields';
import { attentionTable, nonZero, planCitation } from './sections';

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

export const LEVELS = {
  蓝: { title: '提醒单', color: '0070C0', word: '蓝色提醒' },
  黄: { title: '督办单', color: 'BF8F00', word: '黄色督办' },
  红: { title: '挂牌督办单', color: 'FF0000', word: '红色挂牌督办' },
} as const;
export type Level = keyof typeof LEVELS;

/** Red: three or more overdue, or one overdue by more than 30 days; yellow: any overdue or lagging; blue: only
 * tasks not yet started. */
export function levelByRule(items: readonly AttentionItem[], asOf: string): Level {
  const overdue = items.filter((a) => a.kind === 'overdue');
  const late = overdue.some((a) => a.dueDate && daysBetween(a.dueDate, asOf) > 30);
  if (overdue.length >= 3 || late) return '红';
  if (overdue.length || items.some((a) => a.kind === 'behind')) return '黄';
  return '蓝';
}

export function composeSupervision({ figures: f, who, number, today, fields, unit = '', unitId = '' }: ComposeContext): Composed {
  const mine = f.attention.filter((a) => a.unitIds.includes(unitId));
  const count = (k: AttentionItem['kind']) => mine.filter((a) => a.kind === k).length;
  const issuer = fields.text('issuer', '督办单位', who.officeName, { required: true, max: 40 });
  // Each office its own prefix: the centre's and a taskforce's 督办单 never share a 文号.
  const base = f.words.work.includes('六仗') ? '六仗' : '';
  const prefix = fields.text('docPrefix', '督办字号', f.scope.kind === 'battle' ? `${base}${f.scope.battle}督` : `${base}督`, { required: true, max: 12 });
  const ruled = levelByRule(mine, f.asOf);
  const typed = fields.text('level', '督办等级', ruled, { hint: `蓝（提醒）、黄（督办）或红（挂牌督办）；按规则为${ruled}`, required: true, oneOf: Object.keys(LEVELS) });
  const level: Level = typed in LEVELS ? (typed as Level) : ruled;
  const what = nonZero([
    [count('overdue'), `${count('overdue')}项已过完成时限仍未完成`],
    [count('behind'), `${count('behind')}项进度落后于序时进度`],
    [count('notStarted'), `${count('notStarted')}项尚未报送进展`],
  ]);
  const matter = fields.text('matter', '督办事项', `截至${chineseDate(f.asOf)}，你单位承担的任务中${what}（见附件），请高度重视，限期整改。`, { multiline: true, required: true, max: 300 });
  const basis = fields.text('basis', '督办依据', `${planCitation(f)}及${f.words.work}工作台账（截至${chineseDate(f.asOf)}）。`, { required: true, max: 200 });
  const deadline = fields.text('deadline', '办理时限', `${chineseDate(addDays(today, 10))}前`, { required: true, max: 30 });
  const reply = fields.text('reply', '工作要求', `请逐项分析原因，明确整改措施、责任人和完成时间，于办理时限内将办理情况书面反馈${issuer}，并在台账中更新进展。`, { multiline: true, required: true, max: 300 });
  const contact = fields.text('contact', '联系人', who.operator, { max: 20 });
  const phone = fields.text('phone', '联系电话', '', { max: 30, pattern: { re: /^[\d\s\-－()（）、，,转]+$/, what: '电话号码（数字，可带区号、分机）' } });
  const date = fields.text('date', '交办日期', chineseDate(today), { required: true, max: 20 });
  const L = LEVELS[level];

  const blank = '\u3000\u3000年\u3000\u3000月\u3000\u3000日';
  const blocks: ReportBlock[] = [
    { type: 'redHeader', issuer, docNo: `${prefix}〔${f.planYear}〕${number}号`, compact: true },
    { type: 'title', text: `${L.title}`, color: L.color },
    {
      type: 'form',
      rows: [
        { cells: [{ text: '督办单位', label: true }, { text: issuer }, { text: '交办日期', label: true }, { text: date }] },
        { cells: [{ text: '承办单位', label: true }, { text: unit, span: 3 }] },
        { cells: [{ text: '督办事项', label: true }, { text: paragraphsOf(matter).join('\n'), span: 3 }], lines: 2 },
        { cells: [{ text: '督办依据', label: true }, { text: basis, span: 3 }] },
        { cells: [{ text: '办理时限', label: true }, { text: deadline }, { text: '督办等级', label: true }, { text: L.word }] },
        { cells: [{ text: '工作要求', label: true }, { text: paragraphsOf(reply).join('\n'), span: 3 }], lines: 2 },
        { cells: [{ text: '联系人', label: true }, { text: contact }, { text: '联系电话', label: true }, { text: phone }] },
        { cells: [{ text: '签收人', label: true }, { text: '' }, { text: '签收时间', label: true }, { text: blank }] },
        {
          cells: [{ text: '办理情况反馈', label: true }, { text: `承办单位负责人（签字）：\u3000\u3000\u3000\u3000\u3000（盖章）\n${blank}`, span: 3, sign: true }],
          lines: 4,
        },
      ],
    },
    // The form is signed and sealed where it names the 督办单位 and 交办日期; its 附件 follows on a page of its own.
    { type: 'annex', label: '附件', title: `${unit}督办任务清单` },
    attentionTable(mine),
  ];
  return { title: `${issuer}${L.title}（${unit}）`, blocks };
}
