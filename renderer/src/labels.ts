const ORDINALS = ['一', '二', '三', '四', '五', '六'];

/** 第一仗 … 第六仗 */
export function battleOrdinal(code: number): string {
  return `第${ORDINALS[code - 1] ?? code}仗`;
}

export const comparisonLabel: Record<string, string> = { gte: '不低于', lte: '不高于', about: '左右', eq: '' };
