// Review: things the admission rules forget. Each test asserts what the README promises (the forged event is
// quarantined / the state is unchanged); a failing test is a finding.
import { describe, expect, it } from 'vitest';
import { seedIds } from '../../../../electron/core/plan/seed-ids';
import { forge } from '../../../helpers/forge';
import { installation } from '../../../helpers/offices';

const PLAN = '吉政发〔2023〕3号';
const TASK = seedIds.task(PLAN, '1.1.1');
const B2TASK = seedIds.task(PLAN, '2.1.1');
type Office = ReturnType<typeof installation>;
const unitIdOf = (o: Office, name: string) => o.store.sqlite.prepare('SELECT id FROM units WHERE name = ?').pluck().get(name) as string;
const quarantine = (o: Office) => o.store.sqlite.prepare('SELECT reason, kind FROM quarantine ORDER BY seq').all() as { reason: string; kind: string }[];
const battleId = (o: Office, code: number) => o.store.sqlite.prepare('SELECT id FROM battles WHERE code = ?').pluck().get(code) as string;

async function offices() {
  const taskforce = installation({ office: '市发改局', role: 'taskforce', battle: 1 });
  const center = installation({ office: '总指挥中心', role: 'center' });
  const unit = installation({ office: '市商务局', role: 'unit' });
  await Promise.all([taskforce.ready, center.ready, unit.ready]);
  return { taskforce, center, unit };
}

describe('taskforce of battle 1 reaching into battle 2 by moving a record', () => {
  it('a problem raised by the centre on a battle-2 task, moved to a battle-1 task and rewritten', async () => {
    const { taskforce, center } = await offices();
    const { id } = await center.call('problem.raise', { taskId: B2TASK, text: '第二仗的问题', deadline: '2023-07-20' });
    await taskforce.receive(center.bundleFor());
    forge(taskforce.store, [{ entity: 'problem', entityId: id, fields: { taskId: TASK, text: '被专班一改写' } }]);
    await center.receive(taskforce.bundleFor());
    const row = center.store.sqlite.prepare('SELECT task_id AS taskId, text FROM problems WHERE id = ?').get(id);
    expect(quarantine(center), 'should be quarantined as outside its battle').toHaveLength(1);
    expect(row).toEqual({ taskId: B2TASK, text: '第二仗的问题' });
  });

  it('a supervision record of the centre on a battle-2 task, re-pointed to a battle-1 task and rewritten', async () => {
    const { taskforce, center } = await offices();
    await center.call('supervision.add', { kind: 'notice', unit: '市商务局', taskIds: [B2TASK], matter: '第二仗督办', deadline: '2023-07-20' });
    const id = center.store.sqlite.prepare('SELECT id FROM supervisions').pluck().get() as string;
    await taskforce.receive(center.bundleFor());
    forge(taskforce.store, [{ entity: 'supervision', entityId: id, fields: { taskIds: [TASK], matter: '被专班一改写' } }]);
    await center.receive(taskforce.bundleFor());
    const row = center.store.sqlite.prepare('SELECT task_ids AS t, matter FROM supervisions WHERE id = ?').get(id);
    expect(quarantine(center), 'should be quarantined as outside its battle').toHaveLength(1);
    expect(row).toEqual({ t: JSON.stringify([B2TASK]), matter: '第二仗督办' });
  });

  it('a supervision record of the centre on a battle-2 task, deleted by the battle-1 taskforce', async () => {
    const { taskforce, center } = await offices();
    await center.call('supervision.add', { kind: 'notice', unit: '市商务局', taskIds: [B2TASK], matter: '第二仗督办', deadline: '2023-07-20' });
    const id = center.store.sqlite.prepare('SELECT id FROM supervisions').pluck().get() as string;
    await taskforce.receive(center.bundleFor());
    forge(taskforce.store, [{ entity: 'supervision', entityId: id, op: 'delete', fields: {} }]);
    await center.receive(taskforce.bundleFor());
    expect(center.store.sqlite.prepare('SELECT deleted FROM supervisions WHERE id = ?').pluck().get(id)).toBe(0);
  });

  it('a battle-2 indicator value moved onto a battle-1 indicator and rewritten', async () => {
    const { taskforce, center } = await offices();
    const list = (await center.call('indicators.list', {})).indicators;
    const b1 = list.find((i) => i.battle === 1)!;
    const b2 = list.find((i) => i.battle === 2)!;
    await center.call('indicator.setValue', { id: b2.id, period: b2.cadence === 'quarterly' ? '2023-Q1' : b2.cadence === 'annual' ? '2023' : '2023-03', value: 5 });
    const vid = center.store.sqlite.prepare('SELECT id FROM indicator_values').pluck().get() as string;
    await taskforce.receive(center.bundleFor());
    forge(taskforce.store, [{ entity: 'indicatorValue', entityId: vid, fields: { indicatorId: b1.id, value: 999 } }]);
    await center.receive(taskforce.bundleFor());
    const row = center.store.sqlite.prepare('SELECT indicator_id AS i, value FROM indicator_values WHERE id = ?').get(vid);
    expect(quarantine(center), 'should be quarantined as outside its battle').toHaveLength(1);
    expect(row).toEqual({ i: b2.id, value: 5 });
  });

  it('a battle-1 indicator moved into battle 2 by the battle-1 taskforce', async () => {
    const { taskforce, center } = await offices();
    const list = (await center.call('indicators.list', {})).indicators;
    const b1 = list.find((i) => i.battle === 1)!;
    // First an edit it may make (so the row has its own battle), then the move.
    forge(taskforce.store, [
      { entity: 'indicator', entityId: b1.id, fields: { battleId: battleId(taskforce, 1), name: '专班一的指标' } },
      { entity: 'indicator', entityId: b1.id, fields: { battleId: battleId(taskforce, 2), name: '塞进第二仗' } },
    ]);
    await center.receive(taskforce.bundleFor());
    const row = center.store.sqlite.prepare('SELECT battle_id AS b FROM indicators WHERE id = ?').get(b1.id) as { b: string } | undefined;
    expect(row?.b, 'moved into battle 2').not.toBe(battleId(center, 2));
  });
});

describe('unit writes the rules do not look at closely', () => {
  // Held up: reports are per office (report.list filters by the viewer's office), so a unit's own odd register row
  // is folded but shows nowhere else and breaks no channel.
  it('a unit registers a report of a kind no form writes: quarantined (格式错误), and no channel fails', async () => {
    const { unit, center } = await offices();
    forge(unit.store, [
      { entity: 'report', entityId: 'r-1', fields: { officeUnitId: unitIdOf(unit, '市商务局'), kind: 'no-such-kind', period: 'garbage', year: 2023, number: 1, title: 'x', issuedOn: 'not a date', unitId: 'no-such-unit', texts: {} } },
    ]);
    await center.receive(unit.bundleFor());
    const folded = center.store.sqlite.prepare('SELECT count(*) FROM reports WHERE id = ?').pluck().get('r-1');
    const errors: string[] = [];
    for (const [ch, input] of [['report.list', {}], ['report.preview', { kind: 'dekad', period: '2023-06-3' }], ['dashboard.get', {}], ['sync.info', {}]] as const) {
      await center.call(ch, input).catch((e: Error) => errors.push(e.message));
    }
    expect({ folded, errors }).toEqual({ folded: 0, errors: [] });
  });
});
