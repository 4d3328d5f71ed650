import { dekadCode, PART_LABEL, type DekadPart } from '../../shared/period';

export { periodLabel } from '../../shared/period';


/** The 旬 and months of the plan year up to the ledger date, newest first: what a report can be for. */
export function reportPeriods(year: number, asOf: string): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  const last = asOf.startsWith(`${year}-`) ? dekadCode(new Date(`${asOf}T00:00:00`)) : `${year}-12-3`;
  for (let m = 1; m <= 12; m++) {
    const mm = String(m).padStart(2, '0');
    for (let d = 1; d <= 3; d++) {
      const value = `${year}-${mm}-${d}`;
      if (value <= last) out.push({ value, label: `${m}月${PART_LABEL[d as DekadPart]}` });
    }
    if (`${year}-${mm}-3` <= last) out.push({ value: `${year}-${mm}`, label: `${m}月（月报）` });
  }
  return out.reverse();
}

