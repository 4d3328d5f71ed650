// The figures a document was written from, in the contract's shape: shown beside the preview and printed by
// `report --json`, so a reader can check every number against the ledger.
import type { ReportFiguresSummary } from '../../../shared/report';
import type { ReportFigures } from './figures';
import { commendable, lagging } from './judgement';

export function summarize(f: ReportFigures): ReportFiguresSummary {
  const codes = (kind: string) => f.attention.filter((a) => a.kind === kind).map((a) => a.code);
  return {
    asOf: f.asOf,
    scope: { kind: f.scope.kind, label: f.scope.label },
    total: f.total,
    closed: f.closed,
    closedInPeriod: f.closedInPeriod.map((c) => ({ code: c.code, decidedOn: c.decidedOn })),
    pendingCloseout: f.pendingCloseout,
    byLight: f.byLight,
    battles: f.battles.map((b) => ({ battle: b.battle, name: b.name, total: b.total, closed: b.byStatus.closed, closedInPeriod: b.closedInPeriod, byLight: b.byLight })),
    overdue: codes('overdue'),
    behind: codes('behind'),
    notStarted: codes('notStarted'),
    units: f.units.map(({ unit, lead, closed, closedInPeriod, red, yellow, reportedInPeriod }) => ({ unit, lead, closed, closedInPeriod, red, yellow, reportedInPeriod })),
    unattributed: f.unattributed,
    progressLinesInPeriod: f.progressLinesInPeriod,
    unitsReportedInPeriod: f.unitsReportedInPeriod,
    problems: f.problems,
    commended: commendable(f).map((u) => u.unit),
    lagging: lagging(f).map((u) => u.unit),
    coverage: f.coverage,
  };
}
