// 月通报: red header and number; the plan cited; situation in figures → commended units → lagging units named
// with their items and the requirements → indicators → next steps; signature; the long lists as 附件 after it
// ("详见附件"), as real 督查通报 do; 版记 at the foot of the last page.
import { chineseDate } from '../../../../shared/period';
import { reportPeriodLabel, type ReportBlock } from '../../../../shared/report';
import type { ReportFigures } from '../figures';
import { closedByUnits, commendable, lagging } from '../judgement';
import type { ComposeContext, Composed } from './context';
import { paragraphsOf } from './fields';
import { attentionTable, ATTENTION_HEADING, battleTable, indicatorBlocks, ordinal, overallSentence, planCitation, points, replyBy, subject } from './sections';

/** Rows an 附件 list prints of one kind. */
const ANNEX_ROWS = 300;

function commendDraft(f: ReportFigures): string {
  const all = commendable(f);
  const list = all.slice(0, 8);
  if (!list.length) return '';
  const closedNow = closedByUnits(f, all);
  const more = all.length > list.length ? `等${all.length}个单位` : '';
  return `${list.map((u) => u.unit).join('、')}${more}牵头的任务均按序时进度推进，按时报送进展${closedNow ? `，本月共销号${closedNow}项` : ''}，予以通报表扬。`;
}

/** 市发改局（1.2.3、1.2.4逾期）: each unit with overdue or lagging items, with their codes. */
function laggingSentence(f: ReportFigures): string {
  const parts: string[] = [];
  for (const u of lagging(f)) {
    const mine = f.attention.filter((a) => a.unitIds.includes(u.unitId) && a.kind !== 'notStarted');
    const overdue = mine.filter((a) => a.kind === 'overdue').map((a) => a.code);
    const behind = mine.filter((a) => a.kind === 'behind').map((a) => a.code);
    const what = [overdue.length ? `${overdue.join('、')}逾期` : '', behind.length ? `${behind.join('、')}滞后` : ''].filter(Boolean).join('，');
    if (what) parts.push(`${u.unit}（${what}）`);
  }
  if (!parts.length) return '';
  return `任务逾期或进度滞后的单位有：${parts.slice(0, 12).join('、')}${parts.length > 12 ? `等${parts.length}个单位` : ''}。`;
}

/** The next steps an office asks of those it writes to: the centre of taskforces and units, a taskforce of its
 * members, a unit of its own sections. */
function nextDraft(f: ReportFigures, issuer: string): string {
  if (f.scope.kind === 'unit') return points(['对逾期、滞后任务逐项分析原因，明确责任人和完成时限', '按旬报送进展，如实反映推进中的困难和问题', '对照台账抓紧推进，确保按期完成并申请销号']);
  const who = f.scope.kind === 'battle' ? '本专班各成员单位' : '各工作专班';
  const members = f.scope.kind === 'battle' ? '要按旬报送进展' : '各成员单位要按旬报送进展';
  return points([`${who}要加强调度，对逾期、滞后任务实行拉单销号、动态清零`, `${members}，如实反映推进中的困难和问题`, `${issuer}将对本通报点名的任务持续跟踪，视情实行督办`]);
}

/** A document number prefix of the issuing office, so two offices never print the same 文号. */
function prefixDraft(f: ReportFigures, officeName: string): string {
  const base = f.words.work.includes('六仗') ? '六仗' : '';
  if (f.scope.kind === 'city') return base ? '六仗办通' : '督通';
  if (f.scope.kind === 'battle') return `${base}${f.scope.battle ?? ''}专通`;
  return `${officeName.replace(/^(.{1,4}?[市县区州])/, '').slice(0, 4) || officeName}通`;
}

export function composeMonthly({ figures: f, who, number, today, fields }: ComposeContext): Composed {
  const label = reportPeriodLabel(f.period);
  const city = f.scope.kind === 'city';
  const issuer = fields.text('issuer', '发文机关', who.officeName);
  const prefix = fields.text('docPrefix', '发文字号', prefixDraft(f, who.officeName), { required: true, max: 12 });
  const title = fields.text('title', '标题', `关于${label}${subject(f)}工作推进情况的通报`);
  const recipient = fields.text('recipient', '主送', city ? '各工作专班，各成员单位：' : f.scope.kind === 'battle' ? '本专班各成员单位：' : '本单位各科室：');
  const intro = fields.text('intro', '开头', `按照${planCitation(f)}要求，现将${label}${subject(f)}工作推进情况通报如下。`, { multiline: true });
  const commend = fields.text('commendation', '表扬', commendDraft(f), { multiline: true, hint: '由台账按“牵头任务全部正常且按时报送”拟出，可改写；留空则写“本月暂无”' });
  const date = fields.text('date', '成文日期', chineseDate(today), { required: true });
  const reply = replyBy(f.end, today);
  const requirements = fields.text(
    'requirements',
    '整改要求',
    lagging(f).length ? `请上述单位对照任务清单逐项分析滞后原因，制定整改措施，明确完成时限，于${reply}前将整改情况书面报送${issuer}。逾期仍未完成的，将按规定实行督办、约谈。` : '',
    { multiline: true },
  );
  const next = fields.text(
    'nextSteps',
    '下步工作要求',
    nextDraft(f, issuer),
    { multiline: true },
  );
  const cc = fields.text('cc', '抄送', city ? '市委办，市人大办，市政府办，市政协办' : '总指挥中心');

  const blocks: ReportBlock[] = [
    { type: 'redHeader', issuer, docNo: `${prefix}〔${f.planYear}〕${number}号` },
    { type: 'title', text: title },
    { type: 'recipient', text: recipient },
    ...paragraphsOf(intro).map((text) => ({ type: 'paragraph' as const, text, field: 'intro' })),
  ];
  const annexes: { title: string; blocks: ReportBlock[] }[] = [];
  let h = 0;
  const overall = `${overallSentence(f)}${f.unattributed ? `另有${f.unattributed}项任务由${f.collectiveLead || '多个单位'}等集体牵头，未计入各单位统计。` : ''}`;
  blocks.push({ type: 'heading', level: 1, text: `${ordinal(++h)}、总体情况` }, { type: 'paragraph', text: overall });
  if (f.battles.length > 1) blocks.push(battleTable(f));
  blocks.push({ type: 'heading', level: 1, text: `${ordinal(++h)}、表扬单位` });
  blocks.push(...(commend ? paragraphsOf(commend).map((text) => ({ type: 'paragraph' as const, text, field: 'commendation' })) : [{ type: 'paragraph' as const, text: '本月暂无。' }]));

  blocks.push({ type: 'heading', level: 1, text: `${ordinal(++h)}、存在问题及整改要求` });
  const kinds = (['overdue', 'behind', 'notStarted'] as const).map((k) => ({ k, items: f.attention.filter((a) => a.kind === k) }));
  const shares = kinds
    .filter((x) => x.items.length)
    .map((x) => `${x.k === 'overdue' ? '逾期未完成' : x.k === 'behind' ? '进度滞后' : '尚未报送进展'}${x.items.length}项，占${((x.items.length / Math.max(1, f.total)) * 100).toFixed(1)}%`);
  if (shares.length) {
    annexes.push({
      title: `${label}逾期、滞后和未启动任务清单`,
      blocks: kinds
        .filter((x) => x.items.length)
        .flatMap((x, i) => [
          { type: 'heading' as const, level: 2 as const, text: `${ordinal(i + 1)}、${ATTENTION_HEADING[x.k]}（${x.items.length}项）` },
          // A list nobody reads to the end is no list: past ANNEX_ROWS the rest is in the ledger and its Excel export.
          {
            ...attentionTable(x.items.slice(0, ANNEX_ROWS), x.k !== 'notStarted'),
            ...(x.items.length > ANNEX_ROWS ? { note: `另有${x.items.length - ANNEX_ROWS}项未列出，详见台账（可导出任务分解表）。` } : {}),
          },
        ]),
    });
    blocks.push({ type: 'paragraph', text: `截至${chineseDate(f.asOf)}，${shares.join('，')}（详见附件${annexes.length}）。${laggingSentence(f)}` });
    const idle = kinds[2]!.items;
    if (idle.length) blocks.push({ type: 'paragraph', text: `另有${idle.length}项任务至今未报送进展，请牵头单位于${reply}前补报。` });
    if (requirements) blocks.push(...paragraphsOf(requirements).map((text) => ({ type: 'paragraph' as const, text, field: 'requirements' })));
  } else blocks.push({ type: 'paragraph', text: '本月无逾期、滞后和未启动的任务。' });

  const indicatorPart = indicatorBlocks(f, `${ordinal(h + 1)}、主要指标完成情况`);
  if (indicatorPart.length) {
    h++;
    const [heading, sentence, table] = indicatorPart;
    if (table && table.type === 'table' && table.rows.length > 10) {
      annexes.push({ title: `${label}主要指标完成情况表`, blocks: [table] });
      blocks.push(heading!, { ...(sentence as Extract<ReportBlock, { type: 'paragraph' }>), text: `${(sentence as { text: string }).text.replace(/。$/, '')}（详见附件${annexes.length}）。` });
    } else blocks.push(...indicatorPart);
  }
  blocks.push({ type: 'heading', level: 1, text: `${ordinal(++h)}、下步工作要求` }, ...paragraphsOf(next).map((text) => ({ type: 'paragraph' as const, text, field: 'nextSteps' })));
  if (annexes.length) blocks.push({ type: 'attachments', names: annexes.map((a) => a.title) });
  blocks.push({ type: 'signature', office: issuer, date });
  annexes.forEach((a, i) => blocks.push({ type: 'annex', label: annexes.length > 1 ? `附件${i + 1}` : '附件', title: a.title }, ...a.blocks));
  blocks.push({ type: 'imprint', cc: cc ? `抄送：${cc}。`.replace(/。。$/, '。') : '', printer: issuer, printedOn: `${date}印发` });
  // One attachment is "附件", not "附件1".
  const out = annexes.length === 1 ? blocks.map((b) => (b.type === 'paragraph' ? { ...b, text: b.text.replace('（详见附件1）', '（详见附件）') } : b)) : blocks;
  return { title, blocks: out };
}
