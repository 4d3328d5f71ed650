// 月通报: red header and number; situation in figures → commended units → lagging units and requirements →
// indicators (once actuals are entered) → next steps; signature and 版记.
import { chineseDate } from '../../../../shared/period';
import { reportPeriodLabel, type ReportBlock } from '../../../../shared/report';
import type { ReportFigures, UnitFigures } from '../figures';
import type { ComposeContext, Composed } from './context';
import { paragraphsOf } from './fields';
import { battleTable, indicatorBlocks, ordinal, overallSentence } from './sections';

/** Units whose lead tasks are all on schedule, that reported this month, with at least one task: 表扬 candidates. */
export function commendable(f: ReportFigures): UnitFigures[] {
  return f.units
    .filter((u) => u.lead >= 1 && u.red === 0 && u.yellow === 0 && u.reportedInPeriod)
    .sort((a, b) => b.closedInPeriod - a.closedInPeriod || b.closed - a.closed || b.lead - a.lead || a.unit.localeCompare(b.unit, 'zh-CN'));
}

export function lagging(f: ReportFigures): UnitFigures[] {
  return f.units.filter((u) => u.red > 0 || u.yellow > 0).sort((a, b) => b.red - a.red || b.yellow - a.yellow || a.unit.localeCompare(b.unit, 'zh-CN'));
}

function commendDraft(f: ReportFigures): string {
  const list = commendable(f).slice(0, 8);
  if (!list.length) return '';
  const closedNow = list.reduce((n, u) => n + u.closedInPeriod, 0);
  return `${list.map((u) => u.unit).join('、')}等${list.length}个单位牵头的任务均按序时进度推进，按时报送进展${closedNow ? `，本月共销号${closedNow}项` : ''}，予以通报表扬。`;
}

function requirementsDraft(f: ReportFigures): string {
  if (!lagging(f).length) return '';
  return '请上述单位对照任务清单逐项分析滞后原因，制定整改措施，明确完成时限，于下月5日前将整改情况报送本办。逾期未完成的，将按规定实行督办、约谈。';
}

export function composeMonthly({ figures: f, who, number, today, fields }: ComposeContext): Composed {
  const label = reportPeriodLabel(f.period);
  const issuer = fields.text('issuer', '发文机关', who.officeName);
  const prefix = fields.text('docPrefix', '发文字号', '六仗办通');
  const title = fields.text('title', '标题', `关于${label}全市发展“六仗”工作推进情况的通报`);
  const recipient = fields.text('recipient', '主送', '各工作专班，各成员单位：');
  const intro = fields.text('intro', '开头', `现将${label}全市发展“六仗”工作推进情况通报如下。`, { multiline: true });
  const commend = fields.text('commendation', '表扬', commendDraft(f), { multiline: true, hint: '由台账按“牵头任务全部正常且按时报送”拟出，可改写；留空则写“本月暂无”' });
  const requirements = fields.text('requirements', '整改要求', requirementsDraft(f), { multiline: true });
  const next = fields.text('nextSteps', '下步工作要求', '各工作专班要加强调度，对预警、逾期任务实行拉单销号、动态清零；各成员单位要按旬报送进展，确保按期完成全年目标任务。', { multiline: true });
  const date = fields.text('date', '成文日期', chineseDate(today));
  const cc = fields.text('cc', '抄送', '市委办，市人大办，市政府办，市政协办');

  const blocks: ReportBlock[] = [
    { type: 'redHeader', issuer, docNo: `${prefix}〔${f.planYear}〕${number}号` },
    { type: 'title', text: title },
    { type: 'recipient', text: recipient },
    ...paragraphsOf(intro).map((text) => ({ type: 'paragraph' as const, text, field: 'intro' })),
  ];
  let h = 0;
  blocks.push({ type: 'heading', level: 1, text: `${ordinal(++h)}、总体情况` }, { type: 'paragraph', text: overallSentence(f) }, battleTable(f));
  blocks.push({ type: 'heading', level: 1, text: `${ordinal(++h)}、表扬单位` });
  blocks.push(...(commend ? paragraphsOf(commend).map((text) => ({ type: 'paragraph' as const, text, field: 'commendation' })) : [{ type: 'paragraph' as const, text: '本月暂无。' }]));
  blocks.push({ type: 'heading', level: 1, text: `${ordinal(++h)}、滞后单位及整改要求` });
  const lag = lagging(f);
  if (lag.length) {
    blocks.push({
      type: 'table',
      columns: [
        { title: '单位', width: 3.2, align: 'left' },
        { title: '牵头任务', width: 1.4, align: 'right' },
        { title: '逾期', width: 1.1, align: 'right' },
        { title: '预警', width: 1.1, align: 'right' },
        { title: '已销号', width: 1.3, align: 'right' },
      ],
      rows: lag.map((u) => [u.unit, String(u.lead), String(u.red), String(u.yellow), String(u.closed)]),
    });
    blocks.push(...paragraphsOf(requirements).map((text) => ({ type: 'paragraph' as const, text, field: 'requirements' })));
  } else blocks.push({ type: 'paragraph', text: '本月无逾期和预警任务的单位。' });
  const indicatorPart = indicatorBlocks(f, `${ordinal(h + 1)}、主要指标完成情况`);
  if (indicatorPart.length) {
    h++;
    blocks.push(...indicatorPart);
  }
  blocks.push({ type: 'heading', level: 1, text: `${ordinal(++h)}、下步工作要求` }, ...paragraphsOf(next).map((text) => ({ type: 'paragraph' as const, text, field: 'nextSteps' })));
  blocks.push({ type: 'signature', office: issuer, date });
  blocks.push({ type: 'imprint', cc: cc ? `抄送：${cc}。`.replace(/。。$/, '。') : '', printer: issuer, printedOn: `${date}印发` });
  return { title, blocks };
}
