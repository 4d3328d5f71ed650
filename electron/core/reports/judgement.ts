// Which units a document commends and which it names as lagging: one rule for the 月通报, the preview and
// `report --json`. Collective names never appear (figures.ts leaves them out of the units' lines).
import type { ReportFigures, UnitFigures } from './figures';

/** Units whose lead tasks are all on schedule, that reported in the period, with at least one task. */
export function commendable(f: ReportFigures): UnitFigures[] {
  return f.units
    .filter((u) => u.lead >= 1 && u.red === 0 && u.yellow === 0 && u.reportedInPeriod)
    .sort((a, b) => b.closedInPeriod - a.closedInPeriod || b.closed - a.closed || b.lead - a.lead || a.unit.localeCompare(b.unit, 'zh-CN'));
}

/** Units with an overdue task or one behind 序时进度, the most overdue first. */
export function lagging(f: ReportFigures): UnitFigures[] {
  return f.units.filter((u) => u.red > 0 || u.yellow > 0).sort((a, b) => b.red - a.red || b.yellow - a.yellow || a.unit.localeCompare(b.unit, 'zh-CN'));
}

/** Distinct tasks closed in the period among those the given units lead (a shared task counts once). */
export function closedByUnits(f: ReportFigures, units: readonly UnitFigures[]): number {
  const ids = new Set(units.map((u) => u.unitId));
  return f.closedInPeriod.filter((c) => c.leadUnitIds.some((id) => ids.has(id))).length;
}
