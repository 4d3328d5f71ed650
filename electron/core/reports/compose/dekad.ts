// 旬简报: masthead, overall progress, per battle, new 销号, overdue / lagging / not started, problems, next steps;
// 报/送/发 tail at the foot of the last page. A unit's brief is about the unit, a taskforce's about its battle.
import { chineseDate } from '../../../../shared/period';
import { reportPeriodLabel, type ReportBlock } from '../../../../shared/report';
import type { ComposeContext, Composed } from './context';
import { paragraphsOf } from './fields';
import { attentionBlocks, battleTable, closedTable, ordinal, overallSentence, points, problemsDraft, subject } from './sections';

export function composeDekad({ figures: f, who, number, today, fields }: ComposeContext): Composed {
  const label = reportPeriodLabel(f.period);
  const city = f.scope.kind === 'city';
  const name = fields.text('masthead', '简报名称', `${f.words.work}工作简报`);
  const office = fields.text('office', '编印单位', who.officeName);
  const date = fields.text('date', '印发日期', chineseDate(today));
  const title = fields.text('title', '标题', `${label}${subject(f)}推进情况`);
  const note = fields.text('editorNote', '编者按', '', { multiline: true, hint: '留空则不印编者按' });
  const problems = fields.text('problems', '存在问题', problemsDraft(f), { multiline: true });
  const next = fields.text('nextSteps', '下步工作', '', { multiline: true, hint: '写作“一是……二是……”；留空则不印这一部分' });
  const reportTo = fields.text('reportTo', '报', city ? '市委、市人大、市政府、市政协主要领导，市委、市政府分管领导' : '总指挥中心');
  const sendTo = fields.text('sendTo', '送', city ? '市委办、市人大办、市政府办、市政协办' : '');
  const distribute = fields.text('distributeTo', '发', city ? '各工作专班，各成员单位' : f.scope.kind === 'battle' ? '本专班各成员单位' : '');
  const copies = fields.text('copies', '印数', '30');

  const blocks: ReportBlock[] = [{ type: 'masthead', name, issue: `第${number}期`, office, date }, { type: 'title', text: title }];
  if (note) blocks.push(...paragraphsOf(note).map((text, i) => ({ type: 'paragraph' as const, text: i ? text : `编者按：${text}`, field: 'editorNote', kai: true })));
  let h = 0;
  blocks.push({ type: 'heading', level: 1, text: `${ordinal(++h)}、总体进展` }, { type: 'paragraph', text: overallSentence(f) });
  if (f.battles.length > 1 || f.scope.kind !== 'battle') {
    blocks.push({ type: 'heading', level: 1, text: `${ordinal(++h)}、各${f.words.group}推进情况` }, battleTable(f));
  }
  blocks.push({ type: 'heading', level: 1, text: `${ordinal(++h)}、本旬销号事项` }, ...closedTable(f));
  blocks.push({ type: 'heading', level: 1, text: `${ordinal(++h)}、逾期、滞后和未启动事项` }, ...attentionBlocks(f));
  blocks.push({ type: 'heading', level: 1, text: `${ordinal(++h)}、存在问题` }, ...paragraphsOf(problems).map((text) => ({ type: 'paragraph' as const, text, field: 'problems' })));
  if (next) {
    const lines = paragraphsOf(next);
    // Points typed one per line read as "一是…；二是…。", as the office writes them.
    const text = lines.length > 1 && !/^[一二三四五六七八九十]是/.test(lines[0]!) ? [points(lines)] : lines;
    blocks.push({ type: 'heading', level: 1, text: `${ordinal(++h)}、下步工作` }, ...text.map((t) => ({ type: 'paragraph' as const, text: t, field: 'nextSteps' })));
  }
  const lines = [reportTo && `报：${reportTo}。`, sendTo && `送：${sendTo}。`, distribute && `发：${distribute}。`].filter(Boolean).map((l) => l.replace(/。。$/, '。'));
  blocks.push({ type: 'tail', lines, copies: copies ? `（共印${copies}份）` : '' });
  return { title: `${name}第${number}期（${label}）`, blocks };
}
