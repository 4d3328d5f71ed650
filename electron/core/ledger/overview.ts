// 总览: the ledger's counts per battle and unit, the overdue and nearly due tasks, and what other parts of the
// work add to the picture (indicators behind, open problems, 销号 requests waiting).
import type { ChannelOutput } from '../../../shared/contract';
import { orderTiesByCode } from '../../../shared/task-code';
import type { Identity, Settings } from '../../../shared/workflow';
import { listIndicators } from '../indicators/dictionary';
import { listProblems } from '../problems/problems';
import type { Store } from '../store/store';
import { unitNames } from '../app/units';
import { battleCounts, unitCounts } from './dashboard';
import { battleCodes, listTasks, planInfo } from './queries';
import { closeoutQueue } from './task-detail';
import { taskLights } from './task-lights';

/** The overview lists the first hundred; the ledger's light filter shows them all. */
const LIST_CAP = 100;

export function overview(store: Store, settings: Settings, who: Identity | null): ChannelOutput<'dashboard.get'> {
  const plan = planInfo(store);
  // Counts from status and light alone; whole rows only for the tasks the lists show.
  const lights = taskLights(store, settings, plan);
  const names = unitNames(store);
  // ISO dates order as plain strings; no locale is involved.
  const due = (t: (typeof lights)[number]) => t.dueDate || '9999';
  const inOrder = (a: (typeof lights)[number], b: (typeof lights)[number]) => (due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : 0) || a.battle - b.battle || a.ord - b.ord;
  const overdue = lights.filter((t) => t.light === 'red').sort(inOrder);
  const dueSoon = lights.filter((t) => t.light === 'blue').sort(inOrder);
  const shown = listTasks(store, settings, {}, plan, [...overdue.slice(0, LIST_CAP), ...dueSoon.slice(0, LIST_CAP)].map((t) => t.id));
  const rowOf = new Map(shown.map((t) => [t.id, t]));
  // A row shows the task's light with its parts rolled up, as it is counted; tasks sharing a date and a place
  // (added to a section, or split) by their codes.
  const rows = (list: typeof overdue) =>
    orderTiesByCode(
      list.slice(0, LIST_CAP).flatMap((t) => (rowOf.has(t.id) ? [{ t, row: { ...rowOf.get(t.id)!, light: t.light, status: t.status } }] : [])),
      (a, b) => inOrder(a.t, b.t) === 0,
      (x) => x.row.code,
    ).map((x) => x.row);
  const open = listProblems(store, settings.asOf).filter((p) => p.state === 'open');
  return {
    battles: battleCounts(lights, battleCodes(store, plan.id)),
    overdue: rows(overdue),
    dueSoon: rows(dueSoon),
    overdueCount: overdue.length,
    dueSoonCount: dueSoon.length,
    units: unitCounts(lights, (u) => names.get(u) ?? u),
    indicatorsBehind: listIndicators(store)
      .filter((i) => i.assessment.light === 'red' || i.assessment.light === 'yellow')
      .sort((a, b) => (a.assessment.light === b.assessment.light ? 0 : a.assessment.light === 'red' ? -1 : 1))
      .map((i) => ({ id: i.id, name: i.name, battleName: i.battleName, light: i.assessment.light, completion: i.assessment.completion, period: i.latest?.period ?? '' })),
    openProblems: open.length,
    overdueProblems: open.filter((p) => p.overdue).length,
    pendingCloseouts: closeoutQueue(store, who?.role === 'taskforce' ? who.battle : undefined).length,
  };
}
