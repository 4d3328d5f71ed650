// A month of work, three installations, files only: a unit (市商务局), its taskforce (市发改局, 第一仗) and the
// center. Every 旬 the unit reports on all the tasks it leads and carries a stick to the taskforce; the
// taskforce enters a paper report from another unit, decides 销号 and relays everything to the center and back;
// the center sets due dates. At the end all three hold the same ledger.
import { describe, expect, it } from 'vitest';
import { stateDigest } from '../../../electron/core/sync/digest';
import { installation } from '../../helpers/offices';

type Office = ReturnType<typeof installation>;

describe('a month of work exchanged only by files', () => {
  it('ends with three identical ledgers', async () => {
    const unit = installation({ office: '市商务局', role: 'unit', operator: '王芳' });
    const taskforce = installation({ office: '市发改局', role: 'taskforce', battle: 1, operator: '李明' });
    const center = installation({ office: '总指挥中心', role: 'center', operator: '张明' });
    await Promise.all([unit.ready, taskforce.ready, center.ready]);
    const carry = async (from: Office, to: Office) => {
      const known = from.store.sqlite.prepare('SELECT 1 FROM peers WHERE replica_id = ?').get(to.store.replicaId);
      await to.receive(from.bundleFor(known ? to.store.replicaId : undefined));
    };
    const list = async (o: Office, filter: object) =>
      (await o.call('tasks.list', filter)).tasks;
    const mine = (await list(unit, { battle: 1 })).filter((t) => t.leadUnits.includes('市商务局'));
    expect(mine.length).toBeGreaterThanOrEqual(5);
    const [first, second] = mine;

    for (const [d, period] of ['2023-06-1', '2023-06-2', '2023-06-3'].entries()) {
      // What came back on the last stick: a rejection is answered with a new request.
      const back = await unit.call('task.detail', { id: first!.id });
      if (back.closeouts[0]?.state === 'rejected') await unit.call('closeout.request', { taskId: first!.id, statement: '补充：交易额 66 亿元', belowFull: true });
      for (const t of mine) await unit.call('progress.report', { taskId: t.id, period, percent: 30 + d * 30, text: `${period} 进展` });
      if (d === 0) await unit.call('closeout.request', { taskId: first!.id, statement: '提前完成全年目标', belowFull: true });
      if (d === 2) await unit.call('closeout.request', { taskId: second!.id, statement: '全年任务已完成', belowFull: true });
      await carry(unit, taskforce);

      // A paper report from 市住保中心, entered by the taskforce on its behalf.
      await taskforce.call('progress.report', { taskId: (await list(taskforce, { search: '1.1.2' }))[0]!.id, period, percent: 20 + d * 20, text: '纸质报送', unit: '市住保中心' });
      for (const c of (await taskforce.call('closeout.queue', {})).items) {
        // The first request for the first task is sent back once with a reason; everything else is approved.
        const firstTime = (await taskforce.call('task.detail', { id: c.taskId })).closeouts.length === 1;
        const reject = c.taskId === first!.id && firstTime;
        await taskforce.call('closeout.decide', { taskId: c.taskId, approve: !reject, reason: reject ? '请补充交易额佐证' : '' });
      }
      await carry(taskforce, center);
      await center.call('task.update', { id: mine[2 + d]!.id, edit: { dueDate: `2023-1${d}-15` } });
      await carry(center, taskforce);
      await carry(taskforce, unit);
    }
    // One more round: what is still pending is decided and everyone gets the last word.
    await carry(unit, taskforce);
    for (const c of (await taskforce.call('closeout.queue', {})).items) await taskforce.call('closeout.decide', { taskId: c.taskId, approve: true, reason: '' });
    await carry(taskforce, center);
    await carry(taskforce, unit);
    await carry(center, unit);

    const offices = [unit, taskforce, center];
    expect(new Set(offices.map((o) => stateDigest(o.store))).size).toBe(1);
    for (const o of offices) {
      const tasks = await list(o, { battle: 1 });
      expect(tasks.find((t) => t.id === first!.id)!.status).toBe('closed');
      expect(tasks.find((t) => t.id === second!.id)!.status).toBe('closed');
      expect(tasks.find((t) => t.id === mine[3]!.id)!.percent).toBe(90);
      const q = o.store.sqlite.prepare('SELECT count(*) AS n FROM quarantine').get() as { n: number };
      expect(q.n).toBe(0);
    }
    // The rejection and its reason are in every office's history of that task.
    for (const o of offices) {
      const { closeouts } = await o.call('task.detail', { id: first!.id });
      expect(closeouts.map((c) => c.state)).toEqual(['approved', 'rejected']);
      expect(closeouts[1]!.reason).toBe('请补充交易额佐证');
    }
  }, 60_000);
});
