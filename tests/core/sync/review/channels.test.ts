// Review: records a taskforce may write, with values no form writes in fields the content rules do not look at
// (indicator kind/cadence/comparison, supervision kind, problem unit/source). Every channel must keep working.
import { describe, expect, it } from 'vitest';
import { seedIds } from '../../../../electron/core/plan/seed-ids';
import { verifyBundleBytes } from '../../../../electron/core/sync/verify';
import type { Request } from '../../../helpers/call';
import { forge } from '../../../helpers/forge';
import { installation } from '../../../helpers/offices';

const TASK = seedIds.task('吉政发〔2023〕3号', '1.1.1');
const CHANNELS: Request[] = [
  ['task.detail', { id: TASK }], ['tasks.list', {}], ['dashboard.get', {}], ['sync.info', {}], ['report.preview', { kind: 'dekad', period: '2023-06-3' }],
  ['report.preview', { kind: 'monthly', period: '2023-06' }], ['problems.list', {}], ['indicators.list', {}], ['supervision.overview', {}], ['meeting.get', { month: '2023-06' }],
];

describe('odd values in admissible records', () => {
  it('no channel fails, the export verifies', async () => {
    const taskforce = installation({ office: '市发改局', role: 'taskforce', battle: 1 });
    const center = installation({ office: '总指挥中心', role: 'center' });
    await Promise.all([taskforce.ready, center.ready]);
    const battle1 = taskforce.store.sqlite.prepare('SELECT id FROM battles WHERE code = 1').pluck().get() as string;
    forge(taskforce.store, [
      { entity: 'indicator', entityId: 'ind-x', fields: { battleId: battle1, name: '怪指标', ownerUnitId: 'no-such-unit', kind: 'weird', cadence: 'hourly', comparison: '??', target: 1e308, ord: -5 } },
      { entity: 'indicatorValue', entityId: 'iv-x', fields: { indicatorId: 'ind-x', period: 'not-a-period', value: -1e308, unitId: 'no-such-unit', enteredOn: 'x' } },
      { entity: 'supervision', entityId: 'sv-x', fields: { kind: 'weird', unitId: 'no-such-unit', taskIds: [TASK], matter: 'x', number: -1, deadline: 'not-a-date', heldOn: 'x' } },
      { entity: 'problem', entityId: 'pb-x', fields: { taskId: TASK, unitId: 'no-such-unit', source: 'weird', sourceId: 'x', text: 'x', foundOn: '2023-07-01', deadline: '2023-07-01', state: 'open' } },
    ]);
    await center.receive(taskforce.bundleFor());
    const folded = center.store.sqlite.prepare("SELECT count(*) FROM events WHERE replica = ? AND quarantined = 0 AND entity IN ('indicator','indicatorValue','supervision','problem')").pluck().get(taskforce.store.replicaId);
    const errors: string[] = [];
    for (const [ch, input] of CHANNELS) await center.call(ch, input).catch((e: Error) => errors.push(e.message.slice(0, 200)));
    let exportError = '';
    try {
      verifyBundleBytes(center.bundleFor());
    } catch (e) {
      exportError = String(e);
    }
    expect({ folded, errors, exportError }).toEqual({ folded: expect.any(Number), errors: [], exportError: '' });
  });
});
