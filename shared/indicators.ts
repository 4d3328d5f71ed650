// 推进指标: the dictionary's vocabulary and the rules that turn an actual into completion, 序时进度 and a light.
// Pure functions, shared by the core (reports, CLI) and the screen (which shows the rule next to the light).
import { z } from 'zod';
import { comparisons, targetKinds, type Comparison, type TargetKind } from './domain';
import { periodRange } from './report';

export const cadences = ['monthly', 'quarterly', 'annual'] as const;
export type Cadence = (typeof cadences)[number];
export const cadenceLabel: Record<Cadence, string> = { monthly: '按月', quarterly: '按季', annual: '按年' };

export const indicatorLights = ['green', 'yellow', 'red', 'none'] as const;
export type IndicatorLight = (typeof indicatorLights)[number];
export const indicatorLightLabel: Record<IndicatorLight, string> = { green: '达到序时', yellow: '略有差距', red: '明显滞后', none: '未填报' };

/** Growth rates within this many points under target are yellow, not red. */
export const RATE_TOLERANCE = 1;
/** Amounts within this many points of completion under 序时进度 are yellow, not red. */
export const SHARE_TOLERANCE = 10;

const monthPeriod = /^(\d{4})-(0[1-9]|1[0-2])$/;
const quarterPeriod = /^(\d{4})-Q([1-4])$/;
const yearPeriod = /^(\d{4})$/;

/** The period an actual is entered for, by cadence: 2023-03 · 2023-Q1 · 2023. Null when it does not fit. */
export function checkValuePeriod(cadence: Cadence, period: string, planYear: number): string | null {
  const re = cadence === 'monthly' ? monthPeriod : cadence === 'quarterly' ? quarterPeriod : yearPeriod;
  const example = cadence === 'monthly' ? `${planYear}-03` : cadence === 'quarterly' ? `${planYear}-Q1` : `${planYear}`;
  const m = re.exec(period);
  if (!m) return `这个指标${cadenceLabel[cadence]}填报，期别应写作 ${example}，收到“${period}”。`;
  if (Number(m[1]) !== planYear) return `期别应在实施方案年度（${planYear}年）内，收到“${period}”。`;
  return null;
}

/** Last day of a value period (ISO). */
export function valuePeriodEnd(period: string): string {
  return periodRange(period).end;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** 序时进度: the share of the year elapsed at the end of a day (1 Jan → 1/365; 31 Dec → 1), in percent. */
export function elapsedShare(isoDate: string): number {
  const y = Number(isoDate.slice(0, 4));
  const day = (Date.UTC(y, Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) - Date.UTC(y, 0, 1)) / 86_400_000 + 1;
  return (day / (isLeap(y) ? 366 : 365)) * 100;
}

export interface IndicatorRuleInput {
  kind: TargetKind;
  comparison: Comparison;
  target: number;
}

export interface Assessment {
  /** Completion in percent: actual ÷ target for amounts and counts; actual ÷ target rate for rates. */
  completion: number | null;
  /** 序时进度 at the period's end, percent (amounts and counts are held to it; rates to the target itself). */
  schedule: number;
  light: IndicatorLight;
  /** The rule applied, in words, shown next to the light. */
  rule: string;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** How an actual stands against its target at the end of its period. */
export function assess(ind: IndicatorRuleInput, actual: number | null, periodEnd: string): Assessment {
  const schedule = round1(elapsedShare(periodEnd));
  const rate = ind.kind === 'growth' || ind.kind === 'ratio';
  const lower = ind.comparison === 'lte';
  if (actual === null) return { completion: null, schedule, light: 'none', rule: '本期未填报' };
  if (rate) {
    // A growth rate is already a cumulative, year-on-year figure: it is compared to the annual target directly.
    const completion = ind.target ? round1((actual / ind.target) * 100) : null;
    const gap = lower ? ind.target - actual : actual - ind.target;
    const light: IndicatorLight = gap >= 0 ? 'green' : gap >= -RATE_TOLERANCE ? 'yellow' : 'red';
    return {
      completion,
      schedule,
      light,
      rule: lower
        ? `不高于目标${ind.target}为达到；高出${RATE_TOLERANCE}个百分点以内为略有差距`
        : `达到目标${ind.target}为达到；低${RATE_TOLERANCE}个百分点以内为略有差距`,
    };
  }
  const completion = ind.target ? round1((actual / ind.target) * 100) : null;
  if (completion === null) return { completion, schedule, light: 'none', rule: '目标值为0，无法计算完成率' };
  if (lower) {
    // A ceiling (e.g. accidents): within the share of the ceiling the year allows so far.
    const light: IndicatorLight = completion <= schedule ? 'green' : completion <= schedule + SHARE_TOLERANCE ? 'yellow' : 'red';
    return { completion, schedule, light, rule: `累计不超过全年上限的序时进度（${schedule}%）为达到` };
  }
  const light: IndicatorLight = completion >= schedule ? 'green' : completion >= schedule - SHARE_TOLERANCE ? 'yellow' : 'red';
  return { completion, schedule, light, rule: `累计完成率不低于序时进度（${schedule}%）为达到；差${SHARE_TOLERANCE}个百分点以内为略有差距` };
}

/** Standard competition ranking ("1224"): equal scores share a rank, the next rank skips. */
export function rankBy<T>(items: readonly T[], score: (t: T) => number[]): (T & { rank: number })[] {
  const cmp = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = (b[i] ?? 0) - (a[i] ?? 0);
      if (d) return d;
    }
    return 0;
  };
  const sorted = [...items].sort((a, b) => cmp(score(a), score(b)));
  let rank = 0;
  return sorted.map((t, i) => {
    if (i === 0 || cmp(score(sorted[i - 1]!), score(t)) !== 0) rank = i + 1;
    return { ...t, rank };
  });
}

export const indicatorSchema = z.object({
  id: z.string(),
  battle: z.number().int(),
  battleName: z.string(),
  name: z.string(),
  definition: z.string(),
  source: z.string(),
  owner: z.string(),
  cadence: z.enum(cadences),
  unit: z.string(),
  kind: z.enum(targetKinds),
  comparison: z.enum(comparisons),
  baseline: z.string(),
  target: z.number(),
  targetText: z.string(),
  /** From the plan (a headline target) or added by hand. */
  seeded: z.boolean(),
  latest: z.object({ period: z.string(), value: z.number(), note: z.string() }).nullable(),
  assessment: z.object({ completion: z.number().nullable(), schedule: z.number(), light: z.enum(indicatorLights), rule: z.string() }),
  values: z.array(z.object({ period: z.string(), value: z.number(), note: z.string(), unit: z.string(), enteredOn: z.string() })),
  definedBy: z.string(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const indicatorEditSchema = z
  .object({
    name: z.string().trim().min(2, '请填写指标名称').max(60),
    definition: z.string().trim().max(500),
    source: z.string().trim().max(100),
    owner: z.string().trim().min(1, '请选择责任单位').max(60),
    cadence: z.enum(cadences),
    unit: z.string().trim().max(10),
    kind: z.enum(targetKinds),
    comparison: z.enum(comparisons),
    baseline: z.string().trim().max(30),
    target: z.number().finite(),
    targetText: z.string().trim().max(60),
  })
  .partial()
  .strict();
export type IndicatorEdit = z.infer<typeof indicatorEditSchema>;
