const ORDINALS = ['一', '二', '三', '四', '五', '六'];

/** 第一仗 … 第六仗 */
export function battleOrdinal(code: number): string {
  return `第${ORDINALS[code - 1] ?? code}仗`;
}

export const comparisonLabel: Record<string, string> = { gte: '不低于', lte: '不高于', about: '左右', eq: '' };

/** An ISO timestamp in this PC's local time, "2023-07-02 10:15" (stored times are UTC). */
export function localTime(iso: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
