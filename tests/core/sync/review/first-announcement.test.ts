// Review: "the office, role and battle that key announced first in its log". The import took the first
// announcement found IN THE BUNDLE, even one past a gap whose events are not stored, so a unit's key could be pinned
// as the centre from a hand-made bundle starting after its honest first announcement. Now a new key is pinned only
// with the start of its log.
import { describe, expect, it } from 'vitest';
import { seedIds } from '../../../../electron/core/plan/seed-ids';
import { craftedBundle, forge } from '../../../helpers/forge';
import { installation } from '../../../helpers/offices';

const PLAN = '吉政发〔2023〕3号';
const TASK = seedIds.task(PLAN, '1.1.1');
type Office = ReturnType<typeof installation>;
const unitIdOf = (o: Office, name: string) => o.store.sqlite.prepare('SELECT id FROM units WHERE name = ?').pluck().get(name) as string;

/** The attacker's own events from `fromSeq` on, in a bundle it signs. */
function tail(attacker: Office, fromSeq: number): Buffer {
  const rows = attacker.store.sqlite.prepare('SELECT body, seq FROM events WHERE replica = ? AND seq >= ? ORDER BY seq').all(attacker.store.replicaId, fromSeq) as { body: string; seq: number }[];
  return craftedBundle(attacker.store, rows.map((r) => ({ text: r.body, replica: attacker.store.replicaId, seq: r.seq })));
}

describe('first announcement', () => {
  it('is the first in the key\'s log, not the first in a bundle that starts past a gap', async () => {
    const unit = installation({ office: '市商务局', role: 'unit' });
    const taskforce = installation({ office: '市发改局', role: 'taskforce', battle: 1 });
    await Promise.all([unit.ready, taskforce.ready]);
    await unit.call('closeout.request', { taskId: TASK, statement: '全年目标已完成，申请销号', belowFull: true });
    const closeout = unit.store.sqlite.prepare('SELECT id FROM closeouts').pluck().get() as string;
    const [claim] = forge(unit.store, [
      { entity: 'replica', entityId: unit.store.replicaId, fields: { officeUnitId: unitIdOf(unit, '市商务局'), role: 'center', battle: 0 } },
      { entity: 'closeout', entityId: closeout, fields: { state: 'approved', deciderUnitId: unitIdOf(unit, '市商务局'), reason: '', decidedOn: '2023-07-02' } },
    ]);
    const claimSeq = unit.store.sqlite.prepare('SELECT seq FROM events WHERE id = ?').pluck().get(claim) as number;
    const preview = await taskforce.receive(tail(unit, claimSeq), { dryRun: true });
    const first = await taskforce.receive(tail(unit, claimSeq));
    const pinned = taskforce.store.sqlite.prepare('SELECT role FROM peers WHERE replica_id = ?').pluck().get(unit.store.replicaId);
    // A bundle that does not start the key's log pins nothing and applies nothing: there is nothing to confirm yet.
    // The whole log then asks for the key, with its real first announcement.
    const full = await taskforce.receive(unit.bundleFor());
    const pinnedAfterFull = taskforce.store.sqlite.prepare('SELECT role FROM peers WHERE replica_id = ?').pluck().get(unit.store.replicaId);
    const state = taskforce.store.sqlite.prepare('SELECT state FROM closeouts WHERE id = ?').pluck().get(closeout);
    const reasons = taskforce.store.sqlite.prepare('SELECT reason FROM quarantine').pluck().all();
    expect({ shown: preview.newKeys.map((k) => k.role), applied: first.applied, gaps: first.gaps.length, pinned, newKeysOnFull: full.newKeys.map((k) => k.role), pinnedAfterFull, state, reasons }).toEqual({
      shown: [],
      applied: 0,
      gaps: 1,
      pinned: undefined,
      newKeysOnFull: ['unit'],
      pinnedAfterFull: 'unit',
      state: 'pending',
      reasons: expect.arrayContaining([expect.stringMatching(/不能自行更改/), expect.stringMatching(/无权审批/)]),
    });
  });
});
