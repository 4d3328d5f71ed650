// Review: "the order of imports does not matter". Admission was judged against the task's co-units as folded so
// far, so two honest offices receiving the same two bundles in opposite orders ended in different states. A unit's
// part in a task is now judged against the task's whole history (admission.ts, everOnTask).
import { describe, expect, it } from 'vitest';
import { seedIds } from '../../../../electron/core/plan/seed-ids';
import { stateDigest } from '../../../../electron/core/sync/digest';
import { forge } from '../../../helpers/forge';
import { installation } from '../../../helpers/offices';

const TASK = seedIds.task('吉政发〔2023〕3号', '1.1.1'); // lead 市商务局; co 市发改局, 市交通运输局
type Office = ReturnType<typeof installation>;
const lines = (o: Office) => o.store.sqlite.prepare('SELECT count(*) FROM progress WHERE deleted = 0').pluck().get();
const unitIdOf = (o: Office, name: string) => o.store.sqlite.prepare('SELECT id FROM units WHERE name = ?').pluck().get(name) as string;

describe('order of imports', () => {
  it('a co-unit reports while the taskforce (concurrently) removes it from the task: honest offices end the same', async () => {
    const taskforce = installation({ office: '市发改局', role: 'taskforce', battle: 1 });
    const coUnit = installation({ office: '市交通运输局', role: 'unit' });
    const center = installation({ office: '总指挥中心', role: 'center' });
    const lead = installation({ office: '市商务局', role: 'unit' });
    await Promise.all([taskforce.ready, coUnit.ready, center.ready, lead.ready]);
    // Both honest, neither has seen the other's change.
    await coUnit.call('progress.report', { taskId: TASK, period: '2023-06-3', percent: 40, text: '配合单位的进展' });
    // The taskforce may edit every field of its battle's tasks (task.edit): here the co-units, as its xlsx import
    // or a split would. Written with forge() only because task.update's form has no co-unit field.
    forge(taskforce.store, [{ entity: 'task', entityId: TASK, fields: { coUnitIds: [unitIdOf(taskforce, '市发改局')] } }]);
    const fromCo = coUnit.bundleFor();
    const fromTf = taskforce.bundleFor();
    // The centre gets the taskforce's file first, the lead unit gets the co-unit's first.
    await center.receive(fromTf);
    await center.receive(fromCo);
    await lead.receive(fromCo);
    await lead.receive(fromTf);
    const q = (o: Office) => o.store.sqlite.prepare('SELECT reason FROM quarantine').pluck().all();
    expect({ center: [lines(center), q(center)], lead: [lines(lead), q(lead)] }).toEqual({ center: [lines(lead), q(lead)], lead: [lines(center), q(center)] });
    // Each has its own identity besides: exchanged, they hold the same ledger.
    await center.receive(lead.bundleFor());
    await lead.receive(center.bundleFor());
    expect(stateDigest(center.store)).toBe(stateDigest(lead.store));
  });
});
