// The centre's word on who a key is: a unit reassigned to a taskforce acts as one everywhere once the grant has
// travelled, and nowhere before; only the centre grants, and quarantined records its grant allows apply then.
import { describe, expect, it } from 'vitest';
import { seedIds } from '../../../electron/core/plan/seed-ids';
import { stateDigest } from '../../../electron/core/sync/digest';
import { installation } from '../../helpers/offices';

const TASK = seedIds.task('吉政发〔2023〕3号', '1.1.1');

describe('roles granted by the centre', () => {
  it('a reassigned installation’s decisions apply once the centre grants its new role, at the centre and wherever the grant travels', async () => {
    const unit = installation({ office: '市商务局', role: 'unit' });
    const reassigned = installation({ office: '市交通运输局', role: 'unit' });
    const taskforce = installation({ office: '市发改局', role: 'taskforce', battle: 1 });
    const center = installation({ office: '总指挥中心', role: 'center' });
    await Promise.all([unit.ready, reassigned.ready, taskforce.ready, center.ready]);
    await unit.call('closeout.request', { taskId: TASK, statement: '全年目标已完成，申请销号', belowFull: true });
    await reassigned.receive(unit.bundleFor());
    // The PC moves to the battle-1 taskforce: it re-announces itself, and decides as one.
    await reassigned.call('identity.set', { office: '市发改局', role: 'taskforce', battle: 1 });
    await reassigned.call('closeout.decide', { taskId: TASK, approve: true, reason: '' });

    await center.receive(unit.bundleFor());
    const r = await center.receive(reassigned.bundleFor());
    expect(r.quarantined).toBe(2); // the re-announcement and the decision
    expect(center.store.sqlite.prepare('SELECT state FROM closeouts').pluck().get()).toBe('pending');

    await expect(taskforce.call('sync.grant', { replica: reassigned.store.replicaId, office: '市发改局', role: 'taskforce', battle: 1, reason: '电脑移交市发改局' })).rejects.toThrow(/只有总指挥中心/);
    const granted = await center.call('sync.grant', { replica: reassigned.store.replicaId, office: '市发改局', role: 'taskforce', battle: 1, reason: '电脑移交市发改局使用' });
    expect(granted.released).toBe(2);
    expect(center.store.sqlite.prepare('SELECT state FROM closeouts').pluck().get()).toBe('approved');
    const info = await center.call('sync.info', {});
    expect(info.peers.find((p) => p.replica === reassigned.store.replicaId)).toMatchObject({ role: 'taskforce', battle: 1, grantedBy: 'center', grantedOffice: '市发改局' });

    // The taskforce had it quarantined too; the centre's grant releases it there, in any order of arrival.
    await taskforce.receive(reassigned.bundleFor());
    expect(taskforce.store.sqlite.prepare('SELECT state FROM closeouts').pluck().get()).toBe('pending');
    const t = await taskforce.receive(center.bundleFor());
    expect(t.released).toBe(2);
    expect(taskforce.store.sqlite.prepare('SELECT state FROM closeouts').pluck().get()).toBe('approved');
    await center.receive(taskforce.bundleFor());
    await unit.receive(center.bundleFor());
    await taskforce.receive(center.bundleFor());
    expect(new Set([center, taskforce, unit].map((o) => stateDigest(o.store))).size).toBe(1);
  });

  it('a grant from anyone but the centre is itself quarantined, and grants nothing', async () => {
    const unit = installation({ office: '市商务局', role: 'unit' });
    const center = installation({ office: '总指挥中心', role: 'center' });
    await Promise.all([unit.ready, center.ready]);
    await center.receive(unit.bundleFor());
    await expect(unit.call('sync.grant', { replica: center.store.replicaId, office: '市商务局', role: 'unit', reason: '试图降级' })).rejects.toThrow(/只有总指挥中心/);
    await expect(center.call('sync.grant', { replica: center.store.replicaId, office: '市商务局', role: 'unit', reason: '自己' })).rejects.toThrow(/本机身份/);
  });
});
