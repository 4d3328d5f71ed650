// A report from a request: checks the period, reads the figures, drafts the editable parts (or takes what the
// person typed, or what was issued before for this period), numbers it, and — when issued — writes the .docx
// and records it in the register.
import { plainFileName } from '../../../shared/file-names';
import { AppError } from '../../../shared/errors';
import { chineseDate } from '../../../shared/period';
import { checkReportPeriod, periodRange, reportPeriodLabel, type ReportDoc, type ReportRequest, type ReportKind } from '../../../shared/report';
import type { Identity, Settings } from '../../../shared/workflow';
import { planInfo } from '../ledger/queries';
import type { Store } from '../store/store';
import { isCollective, resolveUnitId, unitNames } from '../app/units';
import type { ComposeContext, Composed } from './compose/context';
import { composeDekad } from './compose/dekad';
import { Fields } from './compose/fields';
import { composeMonthly } from './compose/monthly';
import { composeQuarterly } from './compose/quarterly';
import { composeSupervision } from './compose/supervision';
import { composeMinutes } from './compose/minutes';
import { getMeeting } from '../meetings/meetings';
import { reportFigures } from './figures';
import { summarize } from './summary';
import { findIssued, nextNumber, recordIssue, reportRecordId } from './register';

const COMPOSERS: Record<ReportKind, (c: ComposeContext) => Composed> = {
  dekad: composeDekad,
  monthly: composeMonthly,
  quarterly: composeQuarterly,
  supervision: composeSupervision,
  minutes: composeMinutes,
};

/** A document's file name: its title, made plain (shared/file-names.ts). */
export function safeFileName(title: string): string {
  return plainFileName(`${[...title].slice(0, 120).join('') || '报告'}.docx`, '报告.docx');
}

interface Prepared {
  doc: ReportDoc;
  record: { id: string; unitId: string; year: number; texts: Record<string, string> };
}

/** A request as the contract admits it (reportRequestSchema). */
function prepare(store: Store, who: Identity, settings: Settings, req: ReportRequest): Prepared {
  const why = checkReportPeriod(req.kind, req.period);
  if (why) throw new AppError('bad_input', why, `bad period ${req.period} for ${req.kind}`);
  const plan = planInfo(store);
  const { year } = periodRange(req.period);
  if (year !== plan.year) {
    throw new AppError('bad_input', `报告期应在实施方案年度（${plan.year}年）内，收到“${req.period}”。`, `period ${req.period} outside plan year ${plan.year}`);
  }
  let unitId = '';
  let unit: string | undefined;
  if (req.unit?.trim() && req.kind !== 'supervision') throw new AppError('bad_input', '只有督办单需要选择单位。', `unit given for ${req.kind}`);
  if (req.kind === 'supervision') {
    if (who.role === 'unit') throw new AppError('forbidden', '督办单由总指挥中心或工作专班签发。', 'supervision by a unit');
    if (!req.unit?.trim()) throw new AppError('bad_input', '请选择被督办的单位。', 'supervision without unit');
    unitId = resolveUnitId(store, req.unit);
    unit = unitNames(store).get(unitId) ?? req.unit;
    if (isCollective(store, unitId)) {
      throw new AppError('bad_input', `“${unit}”是多个单位的集合称谓，督办单须发给具体承办的单位。`, `supervision of collective ${unitId}`);
    }
    if (unitId === who.officeUnitId) throw new AppError('bad_input', '不能对本单位签发督办单。', 'supervision of self');
  }
  if (req.kind === 'minutes' && who.role !== 'center') {
    throw new AppError('forbidden', '调度会由总指挥中心召开，会议纪要由总指挥中心印发。', `minutes by ${who.role}`);
  }
  const id = reportRecordId(who.officeUnitId, req.kind, req.period, unitId);
  const issued = findIssued(store, id);
  const number = issued?.number ?? nextNumber(store, who.officeUnitId, req.kind, year);
  const fields = new Fields({ ...issued?.texts, ...req.texts });
  const today = settings.asOf;
  let meeting;
  if (req.kind === 'minutes') {
    const m = getMeeting(store, req.period);
    if (!m.meeting) throw new AppError('bad_input', `${reportPeriodLabel(req.period)}还没有记录调度会，请先在“调度会”中记录。`, `no meeting for ${req.period}`);
    meeting = { meeting: m.meeting, decisions: m.decisions };
  }
  // A 督办单 or a 纪要 may be issued any day; a periodic document once its period has ended.
  const anyDay = req.kind === 'supervision' || req.kind === 'minutes';
  // Figures stand at the period's last day, or at the ledger date while the period runs (a draft, or a 督办单
  // mid-month): never at a day the ledger has not reached.
  const figures = reportFigures(store, settings, who, req.period, today);
  const draft = !anyDay && today < figures.end;
  if (req.kind === 'supervision') {
    const lagging = figures.attention.filter((a) => a.unitIds.includes(unitId));
    if (!lagging.length) {
      const where = figures.scope.kind === 'city' ? '' : `在${figures.scope.label}范围内`;
      throw new AppError('bad_input', `${unit}${where}截至${chineseDate(figures.asOf)}没有逾期、滞后或未启动的任务，不需督办。`, `nothing to supervise for ${unitId}`);
    }
  }
  const composed = COMPOSERS[req.kind]({ figures, who, number, today, fields, ...(unit ? { unit, unitId } : {}), ...(meeting ? { meeting } : {}) });
  fields.check(Object.keys(req.texts ?? {}));
  return {
    doc: {
      kind: req.kind,
      period: req.period,
      number,
      reissue: Boolean(issued),
      title: composed.title,
      fileName: safeFileName(composed.title),
      blocks: composed.blocks,
      fields: fields.list,
      draft,
      figures: summarize(figures),
    },
    record: { id, unitId, year, texts: fields.edited() },
  };
}

/** What the document would be, for the preview; changes nothing. */
export function previewReport(store: Store, who: Identity, settings: Settings, req: ReportRequest): ReportDoc {
  return prepare(store, who, settings, req).doc;
}

/** The .docx, numbered and entered in the register (issuing the same period again keeps its number). */
export async function issueReport(store: Store, who: Identity, settings: Settings, req: ReportRequest): Promise<{ doc: ReportDoc; bytes: Buffer }> {
  const { doc, record } = prepare(store, who, settings, req);
  if (doc.draft) {
    throw new AppError(
      'bad_input',
      `${reportPeriodLabel(doc.period)}尚未结束（台账日期${chineseDate(settings.asOf)}），不能印发；可先预览草稿，期满后再印发。`,
      `period ${doc.period} ends after ledger date ${settings.asOf}`,
    );
  }
  // Written before it is recorded: a failure to build the file leaves no number used up.
  // The Word writer is loaded on first use, not at start-up.
  const { writeDocx } = await import('./docx/write-docx');
  const bytes = await writeDocx(doc, { creator: who.officeName });
  recordIssue(store, {
    id: record.id,
    office: who.officeUnitId,
    kind: doc.kind,
    period: doc.period,
    year: record.year,
    number: doc.number,
    title: doc.title,
    issuedOn: settings.asOf,
    unitId: record.unitId,
    texts: record.texts,
  });
  return { doc, bytes };
}

