// 调度分析会: for a month, the agenda drawn from the ledger (overdue and warned tasks, open problems, indicators
// behind schedule), the minutes, and decisions — a decision may create a task or a problem in the same step.
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../shared/errors';
import { isIsoDate } from '../../../shared/period';
import type { Indicator } from '../../../shared/indicators';
import { valuePeriodEnd } from '../../../shared/indicators';
import type { TaskRow } from '../../../shared/domain';
import type { Identity, Settings } from '../../../shared/workflow';
import { addTask } from '../ledger/actions';
import { requirePermission } from '../ledger/permissions';
import { listTasks, planInfo } from '../ledger/queries';
import { listIndicators } from '../indicators/dictionary';
import { listProblems, raiseProblem } from '../problems/problems';
import type { Store } from '../store/store';

const MEETING_NS = '8a3f5c2e-71d4-4b09-a6e8-c2d94f1b7e53';
const CENTER = { battle: 0, leadUnitIds: [], coUnitIds: [] };

const monthEnd = (month: string) => valuePeriodEnd(month);

export function checkMonth(store: Store, month: string): void {
  const year = planInfo(store).year;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month) || !month.startsWith(`${year}-`)) {
    throw new AppError('bad_input', `月份应写作 ${year}-03，且在实施方案年度内，收到“${month}”。`, `month ${month}`);
  }
}

export function agenda(store: Store, settings: Settings, month: string) {
  checkMonth(store, month);
  const end = monthEnd(month) < settings.asOf ? monthEnd(month) : settings.asOf;
  const tasks = listTasks(store, { ...settings, asOf: end });
  const brief = (t: TaskRow) => ({ id: t.id, code: t.code, title: t.title, units: t.leadUnits.join('、'), dueDate: t.dueDate, percent: t.percent });
  const behind = listIndicators(store).filter((i: Indicator) => (i.assessment.light === 'red' || i.assessment.light === 'yellow') && i.latest && valuePeriodEnd(i.latest.period) <= monthEnd(month));
  return {
    asOf: end,
    overdue: tasks.filter((t) => t.light === 'red').map(brief),
    warned: tasks.filter((t) => t.light === 'yellow').map(brief),
    problems: listProblems(store, end).filter((p) => p.state === 'open' && p.foundOn <= end),
    indicators: behind.map((i) => ({ id: i.id, name: i.name, battleName: i.battleName, latest: i.latest!, completion: i.assessment.completion, schedule: i.assessment.schedule, light: i.assessment.light })),
  };
}

export const meetingId = (month: string) => uuidv5(month, MEETING_NS);

export interface MeetingInput {
  month: string;
  heldOn: string;
  place?: string;
  chair?: string;
  attendees?: string;
  minutes?: string;
}

export function saveMeeting(store: Store, who: Identity, input: MeetingInput): string {
  requirePermission(who, 'meeting.record', CENTER);
  checkMonth(store, input.month);
  if (!isIsoDate(input.heldOn) || !input.heldOn.startsWith(input.month.slice(0, 4))) {
    throw new AppError('bad_input', '请填写会议日期，如 2023-03-31。', `heldOn ${input.heldOn}`);
  }
  // A month's 调度会 is held in that month or early in the next, never before it starts.
  const first = `${input.month}-01`;
  const latest = new Date(`${first}T00:00:00Z`);
  latest.setUTCMonth(latest.getUTCMonth() + 2, 0);
  if (input.heldOn < first || input.heldOn > latest.toISOString().slice(0, 10)) {
    throw new AppError('bad_input', `${Number(input.month.slice(5))}月的调度会应在当月或次月召开，收到会议日期“${input.heldOn}”。`, `heldOn ${input.heldOn} for ${input.month}`);
  }
  const id = meetingId(input.month);
  const clip = (s: string | undefined, n: number) => (s ?? '').trim().slice(0, n);
  store.log.append([
    {
      entity: 'meeting',
      entityId: id,
      op: 'put',
      fields: { month: input.month, heldOn: input.heldOn, place: clip(input.place, 100), chair: clip(input.chair, 60), attendees: clip(input.attendees, 1000), minutes: clip(input.minutes, 20000) },
    },
  ]);
  return id;
}

export type DecisionInput =
  | { month: string; kind: 'note'; text: string }
  | { month: string; kind: 'task'; text: string; section: string; lead: string[]; co?: string[]; dueDate?: string }
  | { month: string; kind: 'problem'; text: string; taskId: string; unit?: string; deadline: string };

/** A decision, and what it creates, in one transaction: both or neither. */
export function addDecision(store: Store, who: Identity, input: DecisionInput, today: string): { id: string; ref: string } {
  requirePermission(who, 'meeting.record', CENTER);
  const id = meetingId(input.month);
  if (!store.sqlite.prepare('SELECT 1 FROM meetings WHERE id = ? AND deleted = 0').get(id)) {
    throw new AppError('bad_input', '请先保存本月调度会的基本情况（日期等），再记录决定事项。', 'meeting not saved');
  }
  const text = input.text.trim();
  if (text.length < 4) throw new AppError('bad_input', '请写明决定事项（至少四个字）。', 'short decision');
  return store.sqlite.transaction(() => {
    let ref = '';
    if (input.kind === 'task') {
      ref = addTask(store, who, { section: input.section, title: text.slice(0, 60), content: text, leadUnits: input.lead, coUnits: input.co ?? [], ...(input.dueDate ? { dueDate: input.dueDate } : {}) }, today).id;
    } else if (input.kind === 'problem') {
      ref = raiseProblem(store, who, { taskId: input.taskId, text, deadline: input.deadline, source: 'meeting', sourceId: id, ...(input.unit ? { unit: input.unit } : {}) }, today);
    }
    const ord = (store.sqlite.prepare('SELECT count(*) AS n FROM decisions WHERE meeting_id = ?').get(id) as { n: number }).n + 1;
    const decisionId = uuidv7();
    store.log.append([{ entity: 'decision', entityId: decisionId, op: 'put', fields: { meetingId: id, ord, text: text.slice(0, 2000), kind: input.kind, refId: ref } }]);
    return { id: decisionId, ref };
  })();
}

export function getMeeting(store: Store, month: string) {
  checkMonth(store, month);
  const id = meetingId(month);
  const m = store.sqlite.prepare('SELECT month, held_on AS heldOn, place, chair, attendees, minutes FROM meetings WHERE id = ? AND deleted = 0').get(id) as
    | { month: string; heldOn: string; place: string; chair: string; attendees: string; minutes: string }
    | undefined;
  const decisions = store.sqlite
    .prepare(
      `SELECT d.id, d.ord, d.text, d.kind, COALESCE(t.code, CASE WHEN d.kind = 'problem' THEN '问题清单' ELSE '' END) AS ref
         FROM decisions d LEFT JOIN tasks t ON t.id = d.ref_id WHERE d.meeting_id = ? AND d.deleted = 0 ORDER BY d.ord`,
    )
    .all(id) as { id: string; ord: number; text: string; kind: 'note' | 'task' | 'problem'; ref: string }[];
  return { meeting: m ?? null, decisions };
}
