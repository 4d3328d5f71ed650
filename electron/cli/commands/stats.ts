import { call, EXIT_OK, withStore, type CliIo } from '../context';

export function statsCommand(dbPath: string, json: boolean, io: CliIo): Promise<number> {
  return withStore(dbPath, false, async (_store, h) => {
    const o = await call(h, 'plan.overview', {});
    const stats = {
      battles: o.battles.map((b) => ({ code: b.code, name: b.name, tasks: b.taskCount })),
      tasks: o.taskCount,
      units: o.unitCount,
    };
    if (json) io.out(JSON.stringify(stats, null, 2));
    else {
      io.out(`${o.plan.title}（${o.plan.docNo}）`);
      for (const b of stats.battles) io.out(`  第${b.code}仗 ${b.name}：${b.tasks} 项任务`);
      io.out(`合计 ${stats.tasks} 项任务，${stats.units} 个单位。`);
    }
    return EXIT_OK;
  });
}
