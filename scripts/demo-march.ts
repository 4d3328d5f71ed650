// A realistic March 2023 in a store: the units report progress each 旬, some tasks fall due in March and are
// missed, some are closed off (销号) in 下旬. Used by report tests, screenshots and demos:
//   npx tsx scripts/demo-march.ts --db FILE   (the store must exist; it is played as the center)
import { parseArgs } from 'node:util';
import { dispatch } from '../electron/core/dispatch';
import { createHandlers } from '../electron/core/handlers';
import { getIdentity, setIdentity } from '../electron/core/app/identity';
import { setSettings } from '../electron/core/app/settings';
import { openStore } from '../electron/core/store/open-store';
import type { Store } from '../electron/core/store/store';

/** A deterministic sequence, so every run writes the same March. */
function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const PHRASES = ['已完成前期调研，形成工作方案', '召开专题推进会，明确责任分工', '项目已开工，完成年度投资的', '已出台配套政策文件', '正在组织实施，进展顺利', '已完成阶段性目标'];

export async function playMarch(store: Store, seed = 20230316): Promise<{ reported: number; closed: number; overdue: number }> {
  if (!getIdentity(store)) setIdentity(store, { office: '总指挥中心', role: 'center', operator: '演示' });
  const rand = random(seed);
  // Each step is entered at its own ledger date, the date its records carry.
  const at = (iso: string) => {
    setSettings(store, { asOf: iso });
    return createHandlers({ store, version: 'demo', now: () => new Date(`${iso}T10:00:00`) });
  };
  const call = async (h: ReturnType<typeof at>, channel: string, input: unknown) => {
    const r = await dispatch(h, channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message} (${r.error.detail})`);
    return r.data as never;
  };
  const h0 = at('2023-03-05');
  const { tasks } = (await call(h0, 'tasks.list', {})) as { tasks: { id: string; code: string; leadUnits: string[] }[] };
  let reported = 0;
  let closed = 0;
  let overdue = 0;
  for (const [i, t] of tasks.entries()) {
    const r = rand();
    const unit = t.leadUnits[0];
    if (!unit) continue;
    if (r < 0.08) {
      // Due in March and not done: overdue at month end.
      await call(at('2023-03-05'), 'task.update', { id: t.id, edit: { dueDate: `2023-03-${String(15 + (i % 10)).padStart(2, '0')}` } });
      overdue++;
      continue;
    }
    if (r < 0.14) continue; // never reported: falls behind 序时进度
    const base = 10 + Math.floor(rand() * 30);
    for (const [part, day] of [[1, '03-09'], [2, '03-19'], [3, '03-29']] as const) {
      const percent = Math.min(100, base + part * (5 + Math.floor(rand() * 8)));
      const text = `${PHRASES[Math.floor(rand() * PHRASES.length)]}，本旬完成${percent}%。`;
      await call(at(`2023-${day}`), 'progress.report', { taskId: t.id, period: `2023-03-${part}`, percent, text, unit });
      reported++;
    }
    if (r > 0.94) {
      const h = at('2023-03-28');
      await call(h, 'progress.report', { taskId: t.id, period: '2023-03-3', percent: 100, text: '已全面完成，相关资料已归档。', unit });
      await call(h, 'closeout.request', { taskId: t.id, statement: '任务已全面完成，申请销号。' });
      await call(h, 'closeout.decide', { taskId: t.id, approve: true, reason: '' });
      closed++;
    }
  }
  setSettings(store, { asOf: '2023-03-31' });
  return { reported, closed, overdue };
}

if (process.argv[1] && /demo-march\.ts$/.test(process.argv[1])) {
  const { values } = parseArgs({ options: { db: { type: 'string' } } });
  if (!values.db) {
    console.error('用法：npx tsx scripts/demo-march.ts --db FILE');
    process.exit(2);
  }
  const store = openStore(values.db, { create: false });
  playMarch(store)
    .then((r) => console.log(`已写入演示数据：进展 ${r.reported} 条，销号 ${r.closed} 项，三月到期未完成 ${r.overdue} 项。`))
    .finally(() => store.close());
}
