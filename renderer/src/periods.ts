import { dekadCode, PART_LABEL, type DekadPart } from '../../shared/period';
import { periodRange, reportPeriodLabel, type ReportKind } from '../../shared/report';

export { periodLabel } from '../../shared/period';

/** The 旬 and months of the plan year up to the ledger date, newest first: what a report can be for. */
export function reportPeriods(year: number, asOf: string): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  const last = asOf.startsWith(`${year}-`) ? dekadCode(new Date(`${asOf}T00:00:00`)) : `${year}-12-3`;
  for (let m = 1; m <= 12; m++) {
    const mm = String(m).padStart(2, '0');
    for (let d = 1; d <= 3; d++) {
      const value = `${year}-${mm}-${d}`;
      if (value <= last) out.push({ value, label: `${year}年${m}月${PART_LABEL[d as DekadPart]}` });
    }
    if (`${year}-${mm}-3` <= last) out.push({ value: `${year}-${mm}`, label: `${year}年${m}月（月报）` });
  }
  return out.reverse();
}

/** The current 旬 when it is among the periods (旬 reporting is the rhythm), else the newest period offered. */
export function currentPeriod(periods: readonly { value: string }[], asOf: string): string | undefined {
  const now = dekadCode(new Date(`${asOf}T00:00:00`));
  return periods.some((p) => p.value === now) ? now : periods[0]?.value;
}

/** The periods a document of a kind can be drawn up for, up to the ledger date, newest first. */
export function documentPeriods(kind: ReportKind, year: number, asOf: string): { value: string; label: string }[] {
  const last = asOf.startsWith(`${year}-`) ? asOf : `${year}-12-31`;
  const out: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const mm = String(m).padStart(2, '0');
    if (kind === 'dekad') for (let d = 1; d <= 3; d++) out.push(`${year}-${mm}-${d}`);
    else if (kind !== 'quarterly') out.push(`${year}-${mm}`);
    else if (m % 3 === 1) out.push(`${year}-Q${(m + 2) / 3}`);
  }
  return out
    .filter((p) => periodRange(p).start <= last)
    .reverse()
    .map((value) => ({ value, label: reportPeriodLabel(value) }));
}
