// 旬 (dekad): days 1–10 上旬, 11–20 中旬, 21–end 下旬. Codes look like 2023-03-3.
export type DekadPart = 1 | 2 | 3;

export const PART_LABEL: Record<DekadPart, string> = { 1: '上旬', 2: '中旬', 3: '下旬' };

export function dekadOf(date: Date): { year: number; month: number; part: DekadPart } {
  const day = date.getDate();
  const part: DekadPart = day <= 10 ? 1 : day <= 20 ? 2 : 3;
  return { year: date.getFullYear(), month: date.getMonth() + 1, part };
}

export function dekadCode(date: Date): string {
  const d = dekadOf(date);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${d.part}`;
}

/** 2023年3月下旬 */
export function dekadLabel(date: Date): string {
  const d = dekadOf(date);
  return `${d.year}年${d.month}月${PART_LABEL[d.part]}`;
}

/** 2023年3月16日: documents' date style, no leading zeros. */
export function chineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** 2023-03-3 → 2023年3月下旬; 2023-03 → 2023年3月 (a report's period as people write it). */
export function periodLabel(period: string): string {
  const [y, m, d] = period.split('-');
  return d ? `${Number(y)}年${Number(m)}月${PART_LABEL[Number(d) as DekadPart]}` : `${Number(y)}年${Number(m)}月`;
}

/** 3月28日: a date inside the report's own year, where the year would only crowd a table cell. */
export function shortChineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${Number(m[2])}月${Number(m[3])}日` : isoDate;
}

/** A real calendar day written 2023-03-16 (not 2023-02-30 or 2023-13-01). */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Days in a month (m = 1…12), leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
