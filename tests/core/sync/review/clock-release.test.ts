// Review: a held (时间异常) event released by the centre was folded with its far-future clock. It then won every
// later write of the same field for ever (last-writer-wins by clock), and after a restart dragged the office's own
// clock to 2100. Now the release is refused: such a record applies only when its time comes.
import { describe, expect, it } from 'vitest';
import { seedIds } from '../../../../electron/core/plan/seed-ids';
import { openStore } from '../../../../electron/core/store/open-store';
import { verifyBundleBytes } from '../../../../electron/core/sync/verify';
import { forge } from '../../../helpers/forge';
import { installation } from '../../../helpers/offices';

const TASK = seedIds.task('吉政发〔2023〕3号', '1.1.1');
const YEAR_2100 = Date.UTC(2100, 0, 1);

describe('a far-future event the centre tries to release', () => {
  it('does not freeze the field, and does not move the office clock after a restart', async () => {
    const unit = installation({ office: '市商务局', role: 'unit' });
    const center = installation({ office: '总指挥中心', role: 'center' });
    await Promise.all([unit.ready, center.ready]);
    const [held] = forge(unit.store, [{ entity: 'task', entityId: TASK, fields: { leadPerson: '2100年的人' }, wall: YEAR_2100 }]);
    await center.receive(unit.bundleFor());
    await expect(center.call('sync.release', { eventId: held!, reason: '核实过，对方电脑时间错了' })).rejects.toThrow(/不能放行/);
    // The centre corrects the value afterwards.
    await center.call('task.update', { id: TASK, edit: { leadPerson: '张三' } });
    const value = center.store.sqlite.prepare('SELECT lead_person FROM tasks WHERE id = ?').pluck().get(TASK);
    // Restart: the office's own next event.
    const path = center.store.path;
    center.store.close();
    const again = openStore(path);
    again.log.append([{ entity: 'task', entityId: TASK, op: 'put', fields: { handler: '重开后' } }]);
    const own = again.sqlite.prepare('SELECT hlc FROM events WHERE replica = ? ORDER BY seq DESC LIMIT 1').pluck().get(again.replicaId) as string;
    const ownYear = new Date(Number(own.slice(0, 15))).getUTCFullYear();
    again.close();
    expect({ value, ownYear }).toEqual({ value: '张三', ownYear: new Date().getUTCFullYear() });
    void verifyBundleBytes;
  });

  it('after the release and a restart, the centre\'s own new changes are held (时间异常) by everyone else', async () => {
    const unit = installation({ office: '市商务局', role: 'unit' });
    const center = installation({ office: '总指挥中心', role: 'center' });
    const taskforce = installation({ office: '市发改局', role: 'taskforce', battle: 1 });
    await Promise.all([unit.ready, center.ready, taskforce.ready]);
    const [held] = forge(unit.store, [{ entity: 'task', entityId: TASK, fields: { leadPerson: '2100年的人' }, wall: YEAR_2100 }]);
    await center.receive(unit.bundleFor());
    await expect(center.call('sync.release', { eventId: held!, reason: '核实过' })).rejects.toThrow(/不能放行/);
    const path = center.store.path;
    center.store.close();
    const again = openStore(path);
    again.log.append([{ entity: 'task', entityId: TASK, op: 'put', fields: { dueDate: '2023-11-30' } }]);
    const { buildBundle } = await import('../../../../electron/core/sync/export');
    const bytes = Buffer.from(JSON.stringify(buildBundle(again, {})));
    again.close();
    const centreReplica = center.store.replicaId; // the old replica id is kept by a plain reopen
    await taskforce.receive(bytes);
    const heldFromCentre = taskforce.store.sqlite.prepare("SELECT count(*) FROM quarantine q JOIN events e ON e.id = q.event_id WHERE e.replica = ? AND q.kind = 'clock'").pluck().get(centreReplica);
    const due = taskforce.store.sqlite.prepare('SELECT due_date FROM tasks WHERE id = ?').pluck().get(TASK);
    expect({ heldFromCentre, due }, 'the centre\'s own change is held at the taskforce').toEqual({ heldFromCentre: 0, due: '2023-11-30' });
  });
});
