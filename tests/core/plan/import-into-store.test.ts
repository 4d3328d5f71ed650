import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { listTasks, planInfo } from '../../../electron/core/ledger/queries';
import { importPlanIntoStore } from '../../../electron/core/plan/import-into-store';
import { tempStore } from '../../helpers/temp-store';
import { setIdentity } from '../../../electron/core/app/identity';

/** A plan added to a ledger that has one travels to every office: the centre adds it. */
function centreStore() {
  const store = tempStore();
  setIdentity(store, { office: '总指挥中心', role: 'center', operator: '' });
  return store;
}

const bytes = readFileSync(join(import.meta.dirname, '../../fixtures/plans/yunjiang-2024.txt'));
const count = (s: ReturnType<typeof tempStore>, table: string) => (s.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('importing a plan document into a store', () => {
  it('previews without writing anything', async () => {
    const store = centreStore();
    const events = count(store, 'events');
    const r = await importPlanIntoStore(store, bytes, 'yunjiang.txt', true);
    expect(r.saved).toBe(false);
    expect(r.counts).toMatchObject({ battles: 3, tasks: 12 });
    // The store's directory is Jishou's, where 市工信局 is another name of 市科工信局: names resolve through it.
    expect(r.battles[0]!.sections[0]!.tasks[0]).toEqual({ code: '1.1.1', title: '做强装备制造', leadUnits: ['市科工信局'], targets: 1 });
    expect(count(store, 'events')).toBe(events);
  });

  it('saves the whole draft as this installation’s events, reusing units the store knows', async () => {
    const store = centreStore();
    const unitsBefore = count(store, 'units');
    const r = await importPlanIntoStore(store, bytes, 'yunjiang.txt', false);
    expect(r.saved).toBe(true);
    expect(count(store, 'units')).toBe(unitsBefore + r.counts.newUnits);
    // 市住建局 and 市水利局 exist in the 2023 directory: not new.
    expect(r.problems.join()).not.toMatch(/市住建局|市水利局/);
    const own = store.sqlite.prepare('SELECT count(*) AS n FROM events WHERE replica = ?').get(store.replicaId) as { n: number };
    expect(own.n).toBeGreaterThan(9);
    expect(planInfo(store).docNo).toBe('云政发〔2024〕12号');
    expect(listTasks(store, { asOf: '2024-03-01', dueSoonDays: 15, behindPoints: 20 }).map((t) => t.code)).toEqual([
      ...['1.1.1', '1.1.2', '1.2.1', '1.2.2', '1.表.1', '1.表.2', '1.表.3'],
      ...['2.1.1', '2.1.2', '2.2', '3.1.1', '3.2.1'],
    ]);
  });

  it('refuses to import the same plan twice, changing nothing', async () => {
    const store = centreStore();
    await importPlanIntoStore(store, bytes, 'yunjiang.txt', false);
    const events = count(store, 'events');
    await expect(importPlanIntoStore(store, bytes, 'yunjiang.txt', false)).rejects.toBeInstanceOf(AppError);
    expect(count(store, 'events')).toBe(events);
  });

  it('refuses a text that is not a plan', async () => {
    const store = centreStore();
    const events = count(store, 'events');
    await expect(importPlanIntoStore(store, Buffer.from('会议纪要\n今天开会讨论了工作。'), 'notes.txt', false)).rejects.toSatisfy(
      (e: unknown) => e instanceof AppError && /没有找到/.test(e.message),
    );
    expect(count(store, 'events')).toBe(events);
  });
});

describe('saving an edited draft', () => {
  it('refuses a draft that does not hold together, with the reasons, and saves nothing', async () => {
    const { savePlanDraft } = await import('../../../electron/core/plan/plan-draft');
    const store = centreStore();
    const before = store.sqlite.prepare('SELECT count(*) FROM events').pluck().get();
    const seed = {
      format: 'zhuanban-plan-seed' as const,
      version: 1 as const,
      plan: { code: 'x', title: '某县方案', docNo: '', issuer: '', issuedOn: '2024-01-02', year: 2024 },
      battles: [{ code: 1, name: '重点任务', shortName: '', office: '', goals: '', annexTitle: '', annexGoals: '', conveners: '', memberUnits: [], targets: [] }],
      units: [],
      sections: [{ battle: 1, code: '1.1', title: '稳增长', content: '', targets: [] }],
      tasks: [1, 1].map(() => ({ code: '1.1.1', battle: 1, section: '1.1', group: '', title: '抓项目', content: '', listType: 'work' as const, leadUnits: ['县发改局'], coUnits: [], clause: '', leadByOrder: false, targets: [] })),
    };
    expect(() => savePlanDraft(store, seed)).toThrow(/编号 1\.1\.1 重复/);
    expect(() => savePlanDraft(store, seed)).toThrow(/“县发改局”不在单位名录/);
    expect(() => savePlanDraft(store, { ...seed, tasks: [] })).toThrow(/没有任务/);
    expect(() => savePlanDraft(store, { ...seed, format: 'other' } as never)).toThrow(/格式不对/);
    expect(store.sqlite.prepare('SELECT count(*) FROM events').pluck().get()).toBe(before);
  });
});

describe('who may add a plan', () => {
  it('a unit may not add a plan to a ledger that has one; a new ledger may start from any', async () => {
    const store = tempStore();
    setIdentity(store, { office: '市商务局', role: 'unit', operator: '' });
    await expect(importPlanIntoStore(store, bytes, 'yunjiang.txt', false)).rejects.toThrow(/只有总指挥中心/);
    const fresh = tempStore({ withoutSeed: true });
    const r = await importPlanIntoStore(fresh, bytes, 'yunjiang.txt', false);
    expect(r.saved).toBe(true);
  });
});
