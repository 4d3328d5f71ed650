// How documents name a plan's work and its area, from the plan itself: "吉首市打好发展“六仗”总体实施方案" issued by
// 吉首市人民政府 reads 全市 · 发展“六仗”; "某县2024年优化营商环境攻坚行动实施方案" by 某县人民政府 reads
// 全县 · 优化营商环境攻坚行动. Nothing here is Jishou's unless the plan is.

export interface PlanWords {
  /** 吉首市 */
  place: string;
  /** 全市 · 全县 · 全区 */
  area: string;
  /** 发展“六仗” · 优化营商环境攻坚行动 */
  work: string;
  /** 仗, when every group of the plan is one; otherwise 板块. */
  group: string;
}

export function planWords(plan: { title: string; issuer: string; year: number }, groupNames: readonly string[] = []): PlanWords {
  const place = /^(.{1,12}?(?:自治州|自治县|市|县|区|州|旗|镇|乡))/.exec(plan.issuer)?.[1] ?? '';
  const last = place.slice(-1);
  const area = place.endsWith('自治州') ? '全州' : place.endsWith('自治县') ? '全县' : last ? `全${last}` : '全市';
  let work = plan.title.replace(/^关于印发《?/, '').replace(/》?的通知$/, '');
  if (place && work.startsWith(place)) work = work.slice(place.length);
  work = work
    .replace(new RegExp(`^${plan.year}年(度)?`), '')
    .replace(/^(打好|推进|开展|实施)/, '')
    .replace(/(总体)?(实施|工作|行动)?方案$/, '')
    .trim();
  const group = groupNames.length > 0 && groupNames.every((n) => n.endsWith('仗')) ? '仗' : '板块';
  return { place, area, work: work || plan.title, group };
}
