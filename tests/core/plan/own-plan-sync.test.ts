// A county's own plan across its offices: the centre starts a ledger from its document, a unit's new ledger
// joins that plan from the centre's bundle, and reports travel back; another plan's bundle is refused.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/core/handlers';
import { setSettings } from '../../../electron/core/app/settings';
import { buildBundle } from '../../../electron/core/sync/export';
import { importBundle } from '../../../electron/core/sync/import';
import { caller } from '../../helpers/call';
import { tempDir, tempStore } from '../../helpers/temp-store';

const dazhu = readFileSync(join(import.meta.dirname, '../../fixtures/plans/holdout/01-dazhu-minshengshishi-2016.txt'));

/** The document as the person picks it: a file on disk, by its path. */
function dazhuFile() {
  const path = join(tempDir(), 'dazhu.txt');
  writeFileSync(path, dazhu);
  return { name: 'dazhu.txt', ref: path };
}

function office() {
  const store = tempStore({ withoutSeed: true });
  const call = caller(createHandlers({ store, version: '0', now: () => new Date('2016-04-02T10:00:00') }));
  return { store, call, bundle: () => Buffer.from(JSON.stringify(buildBundle(store))) };
}

describe('a county’s own plan, synced between its offices', () => {
  it('the centre starts from its document; a unit joins from its bundle; reports travel back', async () => {
    const centre = office();
    const draft = await centre.call('plan.draft', { file: dazhuFile() });
    await centre.call('plan.save', { seed: draft.seed });
    // The directory is the document's: its units, and its issuer for the office that follows the plan up.
    const units = await centre.call('units.list', {});
    expect(units.units.map((u) => u.name)).toEqual(expect.arrayContaining(['县住建局', '大竹县人民政府办公室']));
    expect(units.units.map((u) => u.name)).not.toContain('市商务局');
    await centre.call('identity.set', { office: '大竹县人民政府办公室', role: 'center', operator: '督查室' });

    const unit = office();
    expect(await unit.call('plan.list', {})).toEqual({ plans: [] });
    await importBundle(unit.store, centre.bundle(), { trust: true });
    const joined = await unit.call('plan.list', {});
    expect(joined.plans).toEqual([expect.objectContaining({ docNo: '竹府办〔2016〕20号', current: true, tasks: 10 })]);
    await unit.call('identity.set', { office: '县住建局', role: 'unit', operator: '' });
    setSettings(unit.store, { asOf: '2016-04-02' });
    const { tasks } = await unit.call('tasks.list', {});
    const bridge = tasks.find((t) => t.title.startsWith('新建2座人行天桥'))!;
    await unit.call('progress.report', { taskId: bridge.id, period: '2016-04-1', percent: 30, text: '已完成设计招标' });

    const back = await importBundle(centre.store, unit.bundle(), { trust: true });
    expect(back.quarantined).toBe(0);
    const seen = await centre.call('tasks.list', {});
    expect(seen.tasks.find((t) => t.id === bridge.id)!.percent).toBe(30);
  });

  it('a bundle of another plan is refused with its reason, and changes nothing', async () => {
    const county = office();
    const draft = await county.call('plan.draft', { file: dazhuFile() });
    await county.call('plan.save', { seed: draft.seed });
    await county.call('identity.set', { office: '县住建局', role: 'center', operator: '' });
    const jishou = tempStore();
    const h = caller(createHandlers({ store: jishou, version: '0' }));
    await h('identity.set', { office: '总指挥中心', role: 'center', operator: '' });
    const before = county.store.sqlite.prepare('SELECT count(*) FROM events').pluck().get();
    await expect(importBundle(county.store, Buffer.from(JSON.stringify(buildBundle(jishou))), { trust: true })).rejects.toThrow(/另一个实施方案/);
    expect(county.store.sqlite.prepare('SELECT count(*) FROM events').pluck().get()).toBe(before);
  });
});
