// 季总结: written from the quarter's progress and indicators — what was achieved (销号, reports, indicators on
// target), the problems (overdue, lagging, not started, indicators behind, the problem list) and the next
// quarter's work as "一是…二是…" — with one table of the battles, not the table retold battle by battle.
import { chineseDate } from '../../../../shared/period';
import { reportPeriodLabel, type ReportBlock } from '../../../../shared/report';
import type { ReportFigures } from '../figures';
import type { ComposeContext, Composed } from './context';
import { paragraphsOf } from './fields';
import { attentionSentences, battleTable, indicatorBlocks, nonZero, ordinal, overallSentence, planCitation, points, subject } from './sections';

function achievementsDraft(f: ReportFigures): string {
  const closedNow = f.closedInPeriod.length;
  const byBattle = f.battles.filter((b) => b.closedInPeriod > 0).map((b) => `${b.shortName || b.name}${b.closedInPeriod}项`);
  // Quoted names follow each other without 顿号 (GB/T 15834).
  const named = f.closedInPeriod.slice(0, 5).map((c) => `“${c.title.replace(/[。；;，,]+$/, '')}”`).join('');
  const onTarget = f.indicators.filter((i) => i.actual && i.light === 'green').map((i) => i.name);
  const parts = [
    closedNow
      ? `本季度销号${closedNow}项${byBattle.length > 1 ? `（${byBattle.join('，')}）` : ''}，${named}${closedNow > 5 ? '等' : ''}任务按期完成`
      : '',
    f.progressLinesInPeriod ? `${f.unitsReportedInPeriod}个单位按期报送进展${f.progressLinesInPeriod}条，台账实现动态更新` : '',
    onTarget.length ? `${onTarget.slice(0, 5).join('、')}${onTarget.length > 5 ? `等${onTarget.length}项` : ''}指标达到目标或序时进度` : '',
    f.problems.clearedInPeriod ? `问题清单整改清零${f.problems.clearedInPeriod}个` : '',
  ];
  return points(parts.filter(Boolean)) || '本季度尚无销号任务和达标指标。';
}

function problemsDraft(f: ReportFigures): string {
  const lines = attentionSentences(f, 5);
  const behind = f.indicators.filter((i) => i.actual && (i.light === 'red' || i.light === 'yellow')).map((i) => i.name);
  if (behind.length) lines.push(`${behind.slice(0, 5).join('、')}${behind.length > 5 ? `等${behind.length}项` : ''}指标未达到目标或序时进度。`);
  const open = nonZero([
    [f.problems.open, `问题清单中尚未整改到位的问题${f.problems.open}个`],
    [f.problems.overdue, `其中超过整改时限${f.problems.overdue}个`],
  ]);
  if (open) lines.push(`${open}。`);
  return lines.length ? lines.join('\n') : '本季度未发现逾期和进度滞后的任务。';
}

export function composeQuarterly({ figures: f, who, today, fields }: ComposeContext): Composed {
  const label = reportPeriodLabel(f.period);
  const title = fields.text('title', '标题', `${label}${subject(f)}工作总结`);
  const office = fields.text('office', '署名', who.officeName);
  const date = fields.text('date', '成文日期', chineseDate(today));
  const overview = fields.text('overview', '总体评价', `${label}，各有关单位按照${planCitation(f)}部署，坚持清单化管理、项目化推进，各项工作有序开展。`, { multiline: true });
  const achievements = fields.text('achievements', '主要成效', achievementsDraft(f), { multiline: true });
  const problems = fields.text('problems', '存在问题', problemsDraft(f), { multiline: true });
  const next = fields.text(
    'nextQuarter',
    '下季度工作',
    points(['聚焦年度目标任务，对照台账逐项推进，确保序时进度', '对逾期、滞后任务实行挂牌督办，限期销号', '加强指标监测调度，对未达序时的指标逐项分析原因、落实措施']),
    { multiline: true },
  );

  const blocks: ReportBlock[] = [{ type: 'title', text: title }, ...paragraphsOf(overview).map((text) => ({ type: 'paragraph' as const, text, field: 'overview' }))];
  let h = 0;
  blocks.push({ type: 'heading', level: 1, text: `${ordinal(++h)}、总体情况` }, { type: 'paragraph', text: overallSentence(f) });
  if (f.battles.length > 1) blocks.push(battleTable(f));
  blocks.push({ type: 'heading', level: 1, text: `${ordinal(++h)}、主要成效` }, ...paragraphsOf(achievements).map((text) => ({ type: 'paragraph' as const, text, field: 'achievements' })));
  const indicatorPart = indicatorBlocks(f, `${ordinal(h + 1)}、主要指标完成情况`);
  if (indicatorPart.length) {
    h++;
    blocks.push(...indicatorPart);
  }
  blocks.push({ type: 'heading', level: 1, text: `${ordinal(++h)}、存在问题` }, ...paragraphsOf(problems).map((text) => ({ type: 'paragraph' as const, text, field: 'problems' })));
  blocks.push({ type: 'heading', level: 1, text: `${ordinal(++h)}、下季度工作安排` }, ...paragraphsOf(next).map((text) => ({ type: 'paragraph' as const, text, field: 'nextQuarter' })));
  blocks.push({ type: 'signature', office, date });
  return { title, blocks };
}
