// 季总结: overview → progress per battle → indicators (once actuals are entered) → problems → next quarter.
import { chineseDate } from '../../../../shared/period';
import { reportPeriodLabel, type ReportBlock } from '../../../../shared/report';
import type { BattleFigures } from '../figures';
import type { ComposeContext, Composed } from './context';
import { paragraphsOf } from './fields';
import { attentionTable, battleTable, indicatorBlocks, ordinal, overallSentence, pct, problemsDraft } from './sections';

function battleSentence(b: BattleFigures): string {
  return (
    `${b.shortName || b.name}（${b.office}牵头）：任务${b.total}项，已销号${b.byStatus.closed}项（本季度${b.closedInPeriod}项），` +
    `销号率${pct(b.byStatus.closed, b.total)}；待审核${b.byStatus.pending_closeout}项，预警${b.byLight.yellow}项，逾期${b.byLight.red}项。`
  );
}

export function composeQuarterly({ figures: f, who, today, fields }: ComposeContext): Composed {
  const label = reportPeriodLabel(f.period);
  const title = fields.text('title', '标题', `${label}全市发展“六仗”工作总结`);
  const office = fields.text('office', '署名', who.officeName);
  const date = fields.text('date', '成文日期', chineseDate(today));
  const overview = fields.text('overview', '总体评价', `${label}，各工作专班和成员单位按照${f.planDocNo}部署，坚持清单化管理、项目化推进，各项工作有序开展。`, { multiline: true });
  const problems = fields.text('problems', '存在问题', problemsDraft(f), { multiline: true });
  const next = fields.text('nextQuarter', '下季度工作', '聚焦年度目标任务，对照台账逐项推进；对预警、逾期任务实行挂牌督办，确保按期销号；加强指标监测调度，确保序时进度。', { multiline: true });

  const blocks: ReportBlock[] = [{ type: 'title', text: title }, ...paragraphsOf(overview).map((text) => ({ type: 'paragraph' as const, text, field: 'overview' }))];
  let h = 0;
  blocks.push({ type: 'heading', level: 1, text: `${ordinal(++h)}、总体情况` }, { type: 'paragraph', text: overallSentence(f) });
  blocks.push({ type: 'heading', level: 1, text: `${ordinal(++h)}、各仗推进情况` }, battleTable(f));
  f.battles.forEach((b, i) => blocks.push({ type: 'heading', level: 2, text: `（${ordinal(i + 1)}）${b.name}` }, { type: 'paragraph', text: battleSentence(b) }));
  const indicatorPart = indicatorBlocks(f, `${ordinal(h + 1)}、主要指标完成情况`);
  if (indicatorPart.length) {
    h++;
    blocks.push(...indicatorPart);
  }
  blocks.push({ type: 'heading', level: 1, text: `${ordinal(++h)}、存在问题` }, ...paragraphsOf(problems).map((text) => ({ type: 'paragraph' as const, text, field: 'problems' })));
  blocks.push(...attentionTable(f, 30));
  blocks.push({ type: 'heading', level: 1, text: `${ordinal(++h)}、下季度工作安排` }, ...paragraphsOf(next).map((text) => ({ type: 'paragraph' as const, text, field: 'nextQuarter' })));
  blocks.push({ type: 'signature', office, date });
  return { title, blocks };
}
