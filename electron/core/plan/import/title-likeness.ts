// How alike two names of a task are: the character pairs they share (Dice). "规范中介服务市场" and
// "规范中介机构服务市场" share most of theirs; "安全生产" and "安全生产月活动" fewer.
export function titleLikeness(a: string, b: string): number {
  const pairs = (s: string) => new Set([...s].slice(1).map((c, i) => s[i]! + c));
  const x = pairs(a);
  const y = pairs(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const p of x) if (y.has(p)) shared++;
  return (2 * shared) / (x.size + y.size);
}
