const DIGITS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 一 … 九十九 → 1 … 99 (the numbering of chapters and sections). */
export function cnNumber(s: string): number {
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten < 0) return DIGITS.indexOf(s) + 1;
  const tens = ten === 0 ? 1 : DIGITS.indexOf(s[0]!) + 1;
  const ones = ten === s.length - 1 ? 0 : DIGITS.indexOf(s[ten + 1]!) + 1;
  return tens * 10 + ones;
}
