// Review: a restore forgets the roles granted to pinned keys. The backup's peers are read without their
// office/role/battle columns (backup-verify.ts readPeers), so a store rebuilt from a backup after damage judges every
// peer "by what it announced" (claimsWhenUngranted) — and that is its LATEST announcement, not its first. A unit that
// re-announced itself as the centre (quarantined when it arrived) becomes the centre after an honest restore, and
// what it approved for itself is folded.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedIds } from '../../../../electron/core/plan/seed-ids';
import { makeBackup, restoreOverDamagedFile } from '../../../../electron/core/store/backups';
import { openStore } from '../../../../electron/core/store/open-store';
import { forge } from '../../../helpers/forge';
import { installation } from '../../../helpers/offices';

const TASK = seedIds.task('吉政发〔2023〕3号', '1.1.1');
type Office = ReturnType<typeof installation>;
const unitIdOf = (o: Office, name: string) => o.store.sqlite.prepare('SELECT id FROM units WHERE name = ?').pluck().get(name) as string;

describe('restore over a damaged store', () => {
  it('keeps the role a unit was granted: its self-promotion to centre and its own approval stay quarantined', async () => {
    const unit = installation({ office: '市商务局', role: 'unit' });
    const victim = installation({ office: '市发改局', role: 'taskforce', battle: 1 });
    await Promise.all([unit.ready, victim.ready]);
    await unit.call('closeout.request', { taskId: TASK, statement: '全年目标已完成，申请销号', belowFull: true });
    const closeout = unit.store.sqlite.prepare('SELECT id FROM closeouts').pluck().get() as string;
    forge(unit.store, [
      { entity: 'replica', entityId: unit.store.replicaId, fields: { role: 'center' } },
      { entity: 'closeout', entityId: closeout, fields: { state: 'approved', deciderUnitId: unitIdOf(unit, '市商务局'), reason: '', decidedOn: '2023-07-02' } },
    ]);
    await victim.receive(unit.bundleFor());
    const before = {
      quarantined: victim.store.sqlite.prepare('SELECT count(*) FROM quarantine').pluck().get(),
      state: victim.store.sqlite.prepare('SELECT state FROM closeouts WHERE id = ?').pluck().get(closeout),
      role: victim.store.sqlite.prepare('SELECT role FROM peers WHERE replica_id = ?').pluck().get(unit.store.replicaId),
    };
    expect(before).toEqual({ quarantined: 2, state: 'pending', role: 'unit' });
    // An honest backup; then the store is damaged and rebuilt from it, as Electron offers at start.
    const backup = await makeBackup(victim.store, 'manual');
    const storePath = victim.store.path;
    victim.store.close();
    writeFileSync(storePath, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8192, 3)]));
    await restoreOverDamagedFile(storePath, backup.path);
    const again = openStore(storePath);
    const after = {
      quarantined: again.sqlite.prepare('SELECT count(*) FROM quarantine').pluck().get(),
      state: again.sqlite.prepare('SELECT state FROM closeouts WHERE id = ?').pluck().get(closeout),
      role: again.sqlite.prepare('SELECT role FROM peers WHERE replica_id = ?').pluck().get(unit.store.replicaId),
    };
    again.close();
    expect(after).toEqual(before);
    void readFileSync;
  });
});
