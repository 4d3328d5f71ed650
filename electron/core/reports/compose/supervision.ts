// 督办单: to one unit, about one matter (its overdue and lagging tasks by default), with a deadline and the
// reply required.
import { chineseDate, shortChineseDate } from '../../../../shared/period';
import type { ReportBlock } from '../../../../shared/report';
import type { ComposeContext, Composed } from './context';
import { paragraphsOf } from './fields';

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export function composeSupervision({ figures: f, who, number, today, fields, unit = '' }: ComposeContext): Composed {
  const mine = f.attention.filter((a) => a.leadUnits.split('、').includes(unit));
  const issuer = fields.text('issuer', '督办机关', who.officeName);
  const prefix = fields.text('docPrefix', '督办字号', '六仗督');
  const matterDraft = mine.length
    ? `你单位牵头的以下${mine.length}项任务已逾期或进度落后于序时进度，请高度重视，限期整改。`
    : '请你单位对照台账抓紧推进所牵头任务。';
  const matter = fields.text('matter', '督办事项', matterDraft, { multiline: true });
  const deadline = fields.text('deadline', '办理时限', `${chineseDate(addDays(today, 10))}前`);
  const reply = fields.text('reply', '办理要求', `请于办理时限内将整改落实情况（含原因分析、整改措施、完成时间）书面报送${issuer}。`, { multiline: true });
  const date = fields.text('date', '督办日期', chineseDate(today));

  const title = `督办单`;
  const blocks: ReportBlock[] = [
    { type: 'redHeader', issuer, docNo: `${prefix}〔${f.planYear}〕${number}号` },
    { type: 'title', text: title },
    {
      type: 'table',
      columns: [
        { title: '项目', width: 1.6, align: 'center' },
        { title: '内容', width: 6.4, align: 'left' },
      ],
      rows: [
        ['督办单位', unit],
        ['督办事项', paragraphsOf(matter).join('\n')],
        ['办理时限', deadline],
        ['办理要求', paragraphsOf(reply).join('\n')],
      ],
    },
  ];
  if (mine.length) {
    blocks.push({ type: 'heading', level: 1, text: '附：督办任务清单' });
    blocks.push({
      type: 'table',
      columns: [
        { title: '编号', width: 1.1, align: 'left' },
        { title: '任务', width: 4.4, align: 'left' },
        { title: '完成时限', width: 1.9, align: 'center' },
        { title: '进度', width: 1, align: 'right' },
        { title: '最近进展', width: 3, align: 'left' },
      ],
      rows: mine.map((a) => [a.code, a.title, a.dueDate ? shortChineseDate(a.dueDate) : '年底前', a.percent === null ? '未报' : `${a.percent}%`, a.latest || '未报送']),
    });
  }
  blocks.push({ type: 'signature', office: issuer, date });
  return { title: `${issuer}督办单（${unit}）`, blocks };
}
