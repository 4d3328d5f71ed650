// 催报: one record per unit that has not reported for a period, naming its missing tasks and the date to report
// by. A record like any other, it goes out in the next bundle and stands in that unit's 待办 until the lines come.
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../shared/errors';
import { urgeReplyBy } from '../../../shared/daily';
import { periodLabel } from '../../../shared/period';
import type { Identity, Settings } from '../../../shared/workflow';
import type { Store } from '../store/store';
import { requirePermission } from '../ledger/permissions';
import { taskScope } from '../ledger/queries';
import { reportingFor } from './reporting';

export function urgeReporting(store: Store, settings: Settings, who: Identity, period: string, only?: readonly string[]): { units: string[] } {
  const r = reportingFor(store, settings, who, period);
  const targets = r.units.filter((u) => u.reported < u.tasks && (!only || only.includes(u.unit)));
  if (!targets.length) throw new AppError('bad_input', `${periodLabel(period)}没有需要催报的单位。`, `nothing to urge for ${period}`);
  const replyBy = urgeReplyBy(settings.asOf);
  const events = targets.map((u) => {
    const missing = u.items.filter((i) => !i.reported);
    const battles = new Set(missing.map((i) => taskScope(store, i.taskId).battle));
    requirePermission(who, 'supervision.act', { battle: battles.size === 1 ? [...battles][0]! : 0, leadUnitIds: [], coUnitIds: [] });
    const codes = missing.slice(0, 10).map((i) => i.code).join('、') + (missing.length > 10 ? `等${missing.length}项` : '');
    return {
      entity: 'supervision' as const,
      entityId: uuidv7(),
      op: 'put' as const,
      fields: {
        kind: 'urge',
        unitId: u.unitId,
        taskIds: missing.map((i) => i.taskId),
        matter: `请于${replyBy.slice(5, 7).replace(/^0/, '')}月${replyBy.slice(8).replace(/^0/, '')}日前报送${periodLabel(period)}工作进展（${codes}）。`,
        number: 0,
        deadline: replyBy,
        heldOn: settings.asOf,
        byUnitId: who.officeUnitId,
        period,
      },
    };
  });
  store.log.append(events);
  return { units: targets.map((u) => u.unit) };
}

/** The 催报 to this unit whose tasks are still not all reported for their period. */
export function openUrges(store: Store, settings: Settings, who: Identity): { id: string; by: string; matter: string; deadline: string; period: string; missing: string[] }[] {
  const rows = store.sqlite
    .prepare(
      `SELECT s.id, u.name AS by, s.matter, s.deadline, s.period, s.task_ids AS taskIds FROM supervisions s LEFT JOIN units u ON u.id = s.by_unit_id
        WHERE s.kind = 'urge' AND s.deleted = 0 AND s.unit_id = ? AND s.period <> '' ORDER BY s.id DESC`,
    )
    .all(who.officeUnitId) as { id: string; by: string | null; matter: string; deadline: string; period: string; taskIds: string }[];
  const byPeriod = new Map<string, Set<string>>();
  const out = [];
  for (const r of rows) {
    let unreported = byPeriod.get(r.period);
    if (!unreported) {
      const rep = reportingFor(store, settings, who, r.period);
      byPeriod.set(r.period, (unreported = new Set(rep.units.flatMap((u) => u.items.filter((i) => !i.reported).map((i) => i.code)))));
    }
    const codes = new Map((JSON.parse(r.taskIds) as string[]).map((id) => [id, store.sqlite.prepare('SELECT code FROM tasks WHERE id = ?').pluck().get(id) as string | undefined]));
    const missing = [...codes.values()].filter((c): c is string => !!c && unreported.has(c));
    if (missing.length) out.push({ id: r.id, by: r.by ?? '', matter: r.matter, deadline: r.deadline, period: r.period, missing });
  }
  return out;
}
