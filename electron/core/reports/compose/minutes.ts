// 会议纪要 of the month's 调度会 (GB/T 9704 纪要格式): the 纪要 mark in red with its number and the issuing office
// and date over a red rule; what the meeting did, its decisions as 一、二、… each with what it created in the
// ledger (a task by its code, an entry in 问题清单); 出席 in 黑体 with the names after it; 版记 at the foot.
import { chineseDate } from '../../../../shared/period';
import { reportPeriodLabel, type ReportBlock } from '../../../../shared/report';
import type { ComposeContext, Composed } from './context';
import { paragraphsOf } from './fields';
import { ordinal } from './sections';

export function composeMinutes({ figures: f, who, number, fields, meeting }: ComposeContext): Composed {
  const { meeting: m, decisions } = meeting!;
  const label = reportPeriodLabel(m.month).replace(/^\d+年/, '');
  const name = fields.text('masthead', '纪要名称', `${f.words.work}工作调度会议纪要`);
  const office = fields.text('office', '印发单位', who.officeName);
  const date = fields.text('date', '印发日期', chineseDate(m.heldOn));
  const where = m.place ? `在${m.place}` : '';
  const intro = fields.text(
    'intro',
    '开头',
    `${chineseDate(m.heldOn)}，${m.chair || '总指挥中心负责同志'}${where}主持召开${label}${f.words.work}工作调度会，听取各工作专班工作进展情况汇报，研究解决推进中的问题，安排部署下一步工作。`,
    { multiline: true, required: true },
  );
  const body = fields.text('minutes', '会议情况', m.minutes, { multiline: true, hint: '会议的总体评价、讲话要点；留空则不印' });
  const attendees = fields.text('attendees', '出席', m.attendees, { multiline: true });
  const cc = fields.text('cc', '分送', '各工作专班，各成员单位');

  const blocks: ReportBlock[] = [{ type: 'masthead', name, issue: `第${number}期`, office, date }];
  blocks.push(...paragraphsOf(intro).map((text) => ({ type: 'paragraph' as const, text, field: 'intro' })));
  blocks.push(...paragraphsOf(body).map((text) => ({ type: 'paragraph' as const, text, field: 'minutes' })));
  if (decisions.length) {
    blocks.push({ type: 'paragraph', text: '现将会议议定事项纪要如下：' });
    decisions.forEach((d, i) => {
      const made = d.kind === 'task' && d.ref ? `（已列入台账，编号${d.ref}）` : d.kind === 'problem' ? '（已列入问题清单，限期整改）' : '';
      // The decision's own closing mark gives way to the note of what it created and one full stop.
      blocks.push({ type: 'paragraph', text: `${ordinal(i + 1)}、${d.text.replace(/[。；;！!？?，,、\s]+$/, '')}${made}。` });
    });
  } else blocks.push({ type: 'paragraph', text: '本次会议未形成议定事项。' });
  if (attendees) blocks.push({ type: 'attendance', label: '出席', text: paragraphsOf(attendees).join('，') });
  blocks.push({ type: 'imprint', cc: cc ? `分送：${cc}。`.replace(/。。$/, '。') : '', printer: office, printedOn: `${date}印发` });
  return { title: `${name}第${number}期（${reportPeriodLabel(m.month)}）`, blocks };
}
