// Task codes in their natural order: 1.1.1-2 before 1.1.1-10, 4.5.9 before 4.5.10, 2.表.3 before 2.表.12.
// Compared part by part; numeric parts as numbers, others (表, 转) as text.

const parts = (code: string) => code.split(/[.\-]/);

export function compareTaskCodes(a: string, b: string): number {
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i];
    const q = y[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    const m = /^\d+$/.test(p);
    const n = /^\d+$/.test(q);
    if (m && n) return Number(p) - Number(q);
    if (m !== n) return m ? -1 : 1;
    return p < q ? -1 : 1;
  }
  return 0;
}
