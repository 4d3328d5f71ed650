const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * What the plan calls its parts: 吉首's six battles are 仗; another county's plan has 板块 (its chapters or
 * areas). Set from the current plan each time the ledger loads.
 */
let groupWord = '仗';
let groupCount = 6;
export function adoptGroupWordOf(battles: readonly { name: string }[]): void {
  groupWord = battles.length > 0 && battles.every((b) => b.name.endsWith('仗')) ? '仗' : '板块';
  groupCount = battles.length;
}
export const groupLabel = () => groupWord;

/** 第一仗 … 第六仗, or 第一板块 … in a plan of another shape. */
export function battleOrdinal(code: number): string {
  return `第${ORDINALS[code - 1] ?? code}${groupWord}`;
}

/** "全部六仗" / "全部板块". */
export function allGroupsLabel(): string {
  return groupWord === '仗' ? `全部${ORDINALS[groupCount - 1] ?? groupCount}仗` : '全部板块';
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
