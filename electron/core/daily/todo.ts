// 我的待办: what is waiting for this office today, by its role. A unit: its 销号 requests sent back (with the
// reason, until it answers), its tasks without a line for the current 旬, its overdue and nearly due tasks, the
// problems assigned to it, and the decisions on its requests of the last fortnight with their opinions. A
// taskforce (its battle) or the centre (every battle): requests waiting for a decision, answers to rejections,
// units that have not reported, overdue tasks and problems past their deadline.
import type { TaskRow } from '../../../shared/domain';
import { effectiveStateSql } from '../ledger/closeout-state';
import { todoKinds, type Todo, type TodoItem } from '../../../shared/daily';
import { chineseDate, dekadCode, periodLabel, shortChineseDate } from '../../../shared/period';
import { periodRange } from '../../../shared/report';
import { compareTaskCodes } from '../../../shared/task-code';
import type { Identity, Light, Settings } from '../../../shared/workflow';
import { listProblems } from '../problems/problems';
import { listInstructions } from '../instructions/instructions';
import { currentPlan } from '../plan/plans';
import type { Store } from '../store/store';
import { unitNames } from '../app/units';
import { listTasks } from '../ledger/queries';
import { taskLights, type TaskLight } from '../ledger/task-lights';
import { reportingFor, unreportable } from './reporting';
import { openUrges } from './urge';
import { closeoutQueue } from '../ledger/task-detail';

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
/** Decisions on a unit's requests stay in its 待办 this long, so an approval's opinion is seen. */
const RECENT_DAYS = 15;
/** Items listed per kind; the counts are whole. */
const PER_KIND = 500;

interface CloseoutLite {
  id: string;
  taskId: string;
  unitId: string;
  state: string;
  reason: string;
  decidedOn: string;
  deciderUnitId: string;
  answer: string;
  answeredOn: string;
}

/** The latest live 销号 record of each task of the plan (ids are UUID v7: time-ordered). */
function latestCloseouts(store: Store, planId: string): CloseoutLite[] {
  return store.sqlite
    .prepare(
      `SELECT c.id, c.task_id AS taskId, c.unit_id AS unitId, ${effectiveStateSql('c')} AS state, c.reason, c.decided_on AS decidedOn, c.decider_unit_id AS deciderUnitId,
              c.answer, c.answered_on AS answeredOn
         FROM closeouts c JOIN tasks t ON t.id = c.task_id
        WHERE c.deleted = 0 AND t.deleted = 0 AND t.plan_id = ? AND c.id = (SELECT max(id) FROM closeouts WHERE task_id = c.task_id AND deleted = 0)`,
    )
    .all(planId) as CloseoutLite[];
}

const item = (kind: TodoItem['kind'], t: Pick<TaskRow, 'id' | 'code' | 'title' | 'battle'> | null, rest: Partial<TodoItem>): TodoItem => ({
  kind,
  taskId: t?.id ?? '',
  taskCode: t?.code ?? '',
  title: t?.title ?? '',
  reason: '',
  due: '',
  unit: '',
  battle: t?.battle ?? 0,
  refId: '',
  ...rest,
});

/** 3月20日 within the ledger date's year, 2023年12月31日 outside it. */
const dateIn = (iso: string, asOf: string) => (iso.slice(0, 4) === asOf.slice(0, 4) ? shortChineseDate(iso) : chineseDate(iso));

function lateness(t: TaskRow, asOf: string, year: number): string {
  const due = t.dueDate || `${year}-12-31`;
  const missed = t.milestones.find((m) => m.date < asOf && (t.percent ?? 0) < m.percent);
  if (missed && !(due < asOf)) return `时间节点${dateIn(missed.date, asOf)}应达${missed.percent}%，报送${t.percent ?? 0}%`;
  return `完成时限${t.dueDate ? dateIn(due, asOf) : '年底'}，已逾期${days(due, asOf)}天`;
}

export function todoFor(store: Store, settings: Settings, who: Identity): Todo {
  const asOf = settings.asOf;
  const plan = currentPlan(store);
  const period = dekadCode(new Date(`${asOf}T00:00:00`));
  const { end } = periodRange(period);
  const names = unitNames(store);
  const unit = who.role === 'unit';
  const battle = who.role === 'taskforce' ? who.battle : 0;
  const me = who.officeUnitId;
  // Lights from the few columns they need (task-lights.ts): real tasks, each as late as its latest open part, and
  // a unit by its own part — as the overview and the documents count. Whole rows only for the tasks listed: on a
  // 50,000-task ledger the whole list took 0.8 s of every reload.
  const lightFor = (t: TaskLight): Light | null =>
    !unit ? t.light : t.parts ? (t.parts.find(([u]) => u === me)?.[1] ?? null) : t.leadUnitIds.includes(me) ? t.light : null;
  const allLate = taskLights(store, settings, plan)
    .filter((t) => !battle || t.battle === battle)
    .flatMap((t) => {
      const l = lightFor(t);
      return l === 'red' || (unit && l === 'blue') ? [{ id: t.id, light: l, due: t.dueDate || '9999' }] : [];
    })
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  // Rows for the first of each kind listed (earliest due); the counts stay whole.
  const lateCount = { overdue: allLate.filter((t) => t.light === 'red').length, dueSoon: allLate.filter((t) => t.light !== 'red').length };
  const late = [...allLate.filter((t) => t.light === 'red').slice(0, PER_KIND), ...allLate.filter((t) => t.light !== 'red').slice(0, PER_KIND)];
  const closeouts = latestCloseouts(store, plan.id);
  const queue = unit ? [] : closeoutQueue(store, battle || undefined);
  // A ledger date outside the plan year (a 2023 plan read in 2026) owes no line for its 旬: the rest still stands.
  const reporting = unreportable(plan.year, period, asOf) ? { units: [] } : reportingFor(store, settings, who, period);
  const rowsOf = new Set([...late.map((t) => t.id), ...closeouts.map((c) => c.taskId), ...queue.map((c) => c.taskId)]);
  if (unit) for (const u of reporting.units) for (const i of u.items) if (!i.reported) rowsOf.add(i.taskId);
  const byId = new Map(listTasks(store, settings, {}, plan, [...rowsOf]).map((t) => [t.id, t]));
  const items: TodoItem[] = [];

  for (const c of closeouts) {
    const t = byId.get(c.taskId);
    if (!t || (battle && t.battle !== battle)) continue;
    const decider = names.get(c.deciderUnitId) ?? '专班';
    const requester = names.get(c.unitId) ?? '';
    if (unit) {
      if (c.unitId !== who.officeUnitId && !t.leadUnitIds.includes(who.officeUnitId)) continue;
      if (c.state === 'rejected' && !c.answer) {
        items.push(item('rejected', t, { reason: `${decider}${shortChineseDate(c.decidedOn)}退回：${c.reason}`, unit: requester, refId: c.id }));
      } else if ((c.state === 'approved' || c.state === 'rejected') && c.decidedOn && days(c.decidedOn, asOf) <= RECENT_DAYS && days(c.decidedOn, asOf) >= 0) {
        const word = c.state === 'approved' ? '批准销号' : '退回';
        items.push(item('decided', t, { reason: `${decider}${shortChineseDate(c.decidedOn)}${word}${c.reason ? `。审批意见：${c.reason}` : ''}`, unit: requester, refId: c.id }));
      }
    } else if (c.state === 'rejected' && c.answer) {
      items.push(item('answered', t, { reason: `${requester}${shortChineseDate(c.answeredOn)}说明：${c.answer}（退回理由：${c.reason}）`, unit: requester, refId: c.id }));
    }
  }
  if (!unit) {
    for (const c of queue) {
      const t = byId.get(c.taskId);
      if (t) {
        const pct = t.percent === null ? '未报送进度' : `报送进度${t.percent}%`;
        items.push(item('pending', t, { reason: `${c.unit}${shortChineseDate(c.requestedOn)}申请（${pct}）：${c.statement}`, unit: c.unit, refId: c.id }));
      }
    }
  }

  if (unit) {
    for (const u of openUrges(store, settings, who)) {
      items.push(item('urged', null, { title: `${u.by}催报${periodLabel(u.period)}进展`, reason: `${u.matter}尚未报送：${u.missing.join('、')}`, due: u.deadline, unit: who.officeName, refId: u.id }));
    }
  }

  if (unit) {
    for (const u of reporting.units) {
      for (const i of u.items) {
        const t = byId.get(i.taskId);
        if (!i.reported && t) items.push(item('unreported', t, { reason: `${periodLabel(period)}尚未报送进展`, due: end, unit: u.unit }));
      }
    }
  } else {
    for (const u of reporting.units) {
      if (u.reported >= u.tasks) continue;
      const missing = u.items.filter((i) => !i.reported);
      const codes = missing.slice(0, 6).map((i) => i.code).join('、') + (missing.length > 6 ? '等' : '');
      items.push(item('unitsUnreported', null, { title: u.unit, unit: u.unit, reason: `${periodLabel(period)}有${missing.length}项任务未报送进展（${codes}）`, due: end }));
    }
  }

  for (const { id, light } of late) {
    const t = byId.get(id);
    if (!t) continue;
    // Late by one of its parts (a 任务分解表 row) rather than by its own dates.
    const own = t.light === light;
    if (light === 'red') items.push(item('overdue', t, { reason: own ? lateness(t, asOf, plan.year) : '分解任务已逾期（见其子任务）', due: t.dueDate, unit: t.leadUnits.join('、') }));
    else items.push(item('dueSoon', t, { reason: own ? `完成时限${shortChineseDate(t.dueDate)}，还有${days(asOf, t.dueDate)}天，报送进度${t.percent ?? 0}%` : '分解任务临近时限（见其子任务）', due: t.dueDate, unit: t.leadUnits.join('、') }));
  }

  for (const p of listProblems(store, asOf)) {
    if (p.state !== 'open') continue;
    if (unit ? p.unit !== who.officeName : !p.overdue || (battle && p.battle !== battle)) continue;
    items.push(
      item('problem', { id: p.taskId, code: p.taskCode, title: p.taskTitle, battle: p.battle }, {
        reason: `${p.text}（${p.overdue ? `整改时限${shortChineseDate(p.deadline)}已过` : `${shortChineseDate(p.deadline)}前整改`}）`,
        due: p.deadline,
        unit: p.unit,
        refId: p.id,
      }),
    );
  }

  for (const i of listInstructions(store, asOf)) {
    if (i.reply) continue;
    if (unit ? i.unit !== who.officeName : !i.overdue || (battle && i.battle !== battle)) continue;
    items.push(
      item('instruction', { id: i.taskId, code: i.taskCode, title: i.taskTitle, battle: i.battle }, {
        reason: `${i.leader}${shortChineseDate(i.givenOn)}批示：${i.text}（${i.overdue ? `回复时限${shortChineseDate(i.replyBy)}已过` : `请于${shortChineseDate(i.replyBy)}前回复`}）`,
        due: i.replyBy,
        unit: i.unit,
        refId: i.id,
      }),
    );
  }

  const rank = (k: TodoItem['kind']) => todoKinds.indexOf(k);
  items.sort((a, b) => rank(a.kind) - rank(b.kind) || (a.due || '9999').localeCompare(b.due || '9999') || compareTaskCodes(a.taskCode, b.taskCode) || a.unit.localeCompare(b.unit, 'zh-CN'));
  // Counted in full; listed up to a screenful and more of each kind (a city's centre can have thousands overdue).
  const counts: Record<string, number> = {};
  const listed = items.filter((i) => (counts[i.kind] = (counts[i.kind] ?? 0) + 1) <= PER_KIND);
  for (const [kind, n] of Object.entries(lateCount)) if (n) counts[kind] = n;
  return { asOf, period, items: listed, counts };
}
