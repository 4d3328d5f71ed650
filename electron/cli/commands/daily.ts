// 我的待办 and 报送率 from the command line, so each can be checked from outside the interface.
import { todoKindLabel } from '../../../shared/daily';
import { periodLabel } from '../../../shared/period';
import { call, EXIT_OK, withStore, type CliIo } from '../context';

const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

export function todoCommand(dbPath: string, json: boolean, io: CliIo): Promise<number> {
  return withStore(dbPath, false, async (_s, h) => {
    const t = await call(h, 'todo.get', {});
    if (json) {
      io.out(JSON.stringify({ asOf: t.asOf, period: t.period, counts: t.counts, items: t.items.map(({ kind, taskCode, title, reason, due, unit }) => ({ kind, taskCode, title, reason, due, unit })) }, null, 2));
      return EXIT_OK;
    }
    io.out(`我的待办（台账日期 ${t.asOf}，本期 ${periodLabel(t.period)}）：共 ${t.items.length} 项`);
    let kind = '';
    for (const i of t.items) {
      if (i.kind !== kind) io.out(`【${todoKindLabel[(kind = i.kind)]}】${t.counts[i.kind] ?? 0} 项`);
      io.out(`  ${i.taskCode ? `${i.taskCode} ` : ''}${i.title}：${i.reason}`);
    }
    return EXIT_OK;
  });
}

export function reportingCommand(dbPath: string, o: { period?: string; json: boolean; urge?: boolean }, io: CliIo): Promise<number> {
  return withStore(dbPath, false, async (_s, h) => {
    if (o.urge) {
      const period = o.period ?? (await call(h, 'reporting.get', {})).period;
      const r = await call(h, 'reporting.urge', { period });
      io.out(o.json ? JSON.stringify(r) : `已向 ${r.units.length} 个单位催报${periodLabel(period)}进展（随下一次同步包送达）：${r.units.join('、')}`);
      return EXIT_OK;
    }
    const r = await call(h, 'reporting.get', o.period ? { period: o.period } : {});
    if (o.json) {
      io.out(
        JSON.stringify(
          {
            period: r.period,
            asOf: r.asOf,
            rule: r.rule,
            rate: r.rate,
            tasks: r.tasks,
            reported: r.reported,
            battles: r.battles,
            missing: r.missing,
            units: r.units.map((u) => ({ unit: u.unit, tasks: u.tasks, reported: u.reported, rate: u.rate, notReported: u.items.filter((i) => !i.reported).map((i) => i.code) })),
          },
          null,
          2,
        ),
      );
      return EXIT_OK;
    }
    io.out(`${periodLabel(r.period)}报送率 ${pct(r.rate)}（${r.reported}/${r.tasks}）。${r.rule}`);
    for (const b of r.battles) if (b.tasks) io.out(`  ${b.name}：${pct(b.rate)}（${b.reported}/${b.tasks}），${b.unitsMissing} 个单位未报齐`);
    io.out(r.missing.length ? `未报齐的单位（${r.missing.length}）：${r.missing.join('、')}` : '各单位均已报送。');
    return EXIT_OK;
  });
}
